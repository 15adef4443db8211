/**
 * `npm run cluster [-- --port 8080] [--fresh] [--no-build]`: Herald as several machines run it,
 * on this one (docs/deploy.md, "Several boxes"): PostgreSQL and Redis of its own, two instances of
 * one production build sharing them, and nginx with its cache in front, each on its own port
 * (nginx on --port, instances on the next two, Redis and PostgreSQL after them). Prints the
 * addresses and runs until interrupted (Ctrl-C, SIGTERM), then stops everything it started.
 * Its files (logs, the shared secrets, state.json) are in data/cluster-PORT/, PostgreSQL's data in
 * $TMPDIR/herald-cluster-PORT/ (the `postgres` user must reach it);
 * --fresh deletes them first. --no-build serves the cluster's last build again. The build is in
 * .next-cluster/ (in tsconfig.json, so Next.js leaves that file alone): one cluster per checkout
 * at a time.
 * Exit status: 0 when stopped; 1 when a part fails to start (its log is printed); 2 on a bad option.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { Cluster, postgresDir, ROOT } from "./cluster/cluster";

const optionsSchema = z.object({
  port: z.coerce.number().int().min(1024).max(65_530),
  fresh: z.boolean(),
  build: z.boolean(),
});

async function main(): Promise<number> {
  let options;
  try {
    const { values } = parseArgs({
      options: {
        port: { type: "string", default: process.env.HERALD_CLUSTER_PORT ?? "8080" },
        fresh: { type: "boolean", default: false },
        "no-build": { type: "boolean", default: false },
      },
    });
    options = optionsSchema.parse({ ...values, build: !values["no-build"] });
  } catch (error) {
    const message = error instanceof z.ZodError ? error.issues[0]?.message : String(error);
    console.error(`cluster: ${message} (--port takes a port from 1024 to 65530)`);
    return 2;
  }
  const dir = path.join(ROOT, "data", `cluster-${options.port}`);
  const distDir = ".next-cluster";
  if (options.fresh) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(postgresDir(options.port), { recursive: true, force: true });
  }
  if (!options.build && !fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
    console.error(`cluster: --no-build, but ${distDir} holds no build; start once without it.`);
    return 2;
  }

  let cluster: Cluster;
  try {
    cluster = await Cluster.start({ port: options.port, dir, distDir, build: options.build });
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const state = cluster.state();
  console.log(`cluster: nginx      ${state.nginx}`);
  for (const instance of state.instances) console.log(`cluster: ${instance.name} ${instance.url}`);
  console.log(`cluster: Redis      ${state.redis.url}`);
  console.log(`cluster: PostgreSQL ${state.postgres.url}`);
  console.log(`cluster: logs and state in ${path.relative(process.cwd(), dir) || "."}`);
  console.log("cluster: ready; Ctrl-C stops everything.");

  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  console.log("cluster: stopping...");
  await cluster.stop();
  return 0;
}

main().then((code) => process.exit(code));

/**
 * `npm run nginx-conf -- --root DIR --upstream HOST:PORT [--upstream …] [--listen 80]
 * [--server-name example.com] [--dist-dir .next] [--cache-dir DIR] [--brotli|--no-brotli]
 * [--upstream-header]`:
 * prints Herald's nginx configuration (deploy/nginx/herald.conf, filled in) for
 * /etc/nginx/conf.d/herald.conf. Exit status: 0 printed; 2 on a bad option, naming it.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { renderHeraldConf } from "./nginx/render";

/** The command-line option of each field of the renderer's options, for error messages. */
const FLAGS: Record<string, string> = {
  distDir: "dist-dir",
  upstreams: "upstream",
  serverNames: "server-name",
  cacheDir: "cache-dir",
  upstreamHeader: "upstream-header",
};

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        root: { type: "string" },
        "dist-dir": { type: "string" },
        upstream: { type: "string", multiple: true },
        listen: { type: "string", multiple: true },
        "server-name": { type: "string", multiple: true },
        "cache-dir": { type: "string" },
        brotli: { type: "boolean" },
        "no-brotli": { type: "boolean" },
        "upstream-header": { type: "boolean" },
      },
    }));
  } catch (error) {
    console.error(`nginx-conf: ${(error as Error).message}`);
    return 2;
  }
  try {
    process.stdout.write(
      renderHeraldConf({
        root: values.root ?? process.cwd(),
        distDir: values["dist-dir"],
        upstreams: values.upstream ?? ["127.0.0.1:3000"],
        listen: values.listen,
        serverNames: values["server-name"],
        cacheDir: values["cache-dir"],
        brotli: values["no-brotli"] ? false : values.brotli,
        upstreamHeader: values["upstream-header"],
      }),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    for (const issue of error.issues) {
      const option = FLAGS[String(issue.path[0])] ?? String(issue.path[0]);
      console.error(`nginx-conf: --${option}: ${issue.message}`);
    }
    return 2;
  }
}

process.exitCode = main();

import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { parseEncoding } from "./http-load";
import { NGINX } from "./nginx-run";

/** The stores whose data layer and search the benchmark times (`--backend`). */
export type Backend = "sqlite" | "postgres";

/**
 * The first of the benchmark's ports (HERALD_BENCH_PORT, default 3300, so two runs on one
 * machine can be kept apart): Herald on it, the empty app on +1, the server behind nginx on +2,
 * nginx on +3 and its static-file server on +4, the two instances on +8 and +9 (+6 would be
 * 3306, MySQL's and MariaDB's), Redis on +10.
 */
export function benchPort(env: Record<string, string | undefined> = process.env): number {
  return z.coerce
    .number()
    .int()
    .min(1024, "HERALD_BENCH_PORT must be a port from 1024 to 65525")
    .max(65_525, "HERALD_BENCH_PORT must be a port from 1024 to 65525")
    .default(3300)
    .parse(env.HERALD_BENCH_PORT || undefined);
}

/**
 * The command line of `npm run bench` (run.ts describes each option), validated: positive whole
 * numbers, a known backend and encoding. `--no-nginx`, `--no-cluster`, `--no-lighthouse` turn
 * sections off; nginx is on by default when /usr/sbin/nginx exists. Throws with the option's name.
 */
export function benchOptions(args: string[] = process.argv.slice(2)) {
  const { values } = parseArgs({
    args,
    options: {
      articles: { type: "string", default: "1000000" },
      views: { type: "string", default: "10000000" },
      seed: { type: "string", default: "42" },
      fresh: { type: "boolean", default: false },
      backend: { type: "string", default: "both" },
      seconds: { type: "string", default: "10" },
      connections: { type: "string", default: "10" },
      "http-rounds": { type: "string", default: "3" },
      // No default here: parseEncoding's absent value is the default ("browser").
      encoding: { type: "string" },
      "lighthouse-runs": { type: "string", default: "5" },
      "no-lighthouse": { type: "boolean", default: false },
      calls: { type: "string", default: "500" },
      "deep-page": { type: "string", default: "2000" },
      nginx: { type: "boolean", default: false },
      "no-nginx": { type: "boolean", default: false },
      "no-cluster": { type: "boolean", default: false },
      uncached: { type: "string", default: "1000" },
      "data-only": { type: "boolean", default: false },
    },
  });
  const int = (name: keyof typeof values) => {
    const n = Number(values[name]);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new Error(`--${name} must be a positive whole number`);
    return n;
  };
  const backend = z
    .enum(["sqlite", "postgres", "both"], { error: "--backend must be sqlite, postgres or both" })
    .parse(values.backend);
  return {
    articles: int("articles"),
    views: int("views"),
    seed: int("seed"),
    fresh: values.fresh === true,
    backends: (backend === "both" ? ["sqlite", "postgres"] : [backend]) as Backend[],
    /** PostgreSQL was asked for by name: not answering is then an error, not a skipped section. */
    postgresRequired: backend === "postgres",
    seconds: int("seconds"),
    connections: int("connections"),
    httpRounds: int("http-rounds"),
    encoding: parseEncoding(values.encoding),
    lighthouseRuns: values["no-lighthouse"] ? 0 : int("lighthouse-runs"),
    calls: int("calls"),
    deepPage: int("deep-page"),
    nginx: values["no-nginx"] ? false : values.nginx || fs.existsSync(NGINX),
    cluster: !values["no-cluster"],
    uncached: int("uncached"),
    /** Stop after the data-layer and search timings: no builds, servers or budgets. */
    dataOnly: values["data-only"] === true,
  };
}

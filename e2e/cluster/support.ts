import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { ClusterState } from "../../scripts/cluster/cluster";
import { PROJECT_ROOT } from "../support/env";
import { runTool } from "../support/tools";

/** The cluster's base port (nginx), beside the main suite's E2E_PORT so checkouts never share. */
export const CLUSTER_PORT = Number(process.env.E2E_PORT ?? 3210) + 60;

/** The folder `npm run cluster -- --port CLUSTER_PORT` keeps its files in. */
export const CLUSTER_DIR = path.join(PROJECT_ROOT, "data", `cluster-${CLUSTER_PORT}`);

/** The running cluster, as scripts/cluster.ts wrote it once everything answered. */
export function clusterState(): ClusterState {
  return JSON.parse(fs.readFileSync(path.join(CLUSTER_DIR, "state.json"), "utf8"));
}

/**
 * Runs a command-line tool of Herald's (scripts/NAME.ts) against the cluster, as an operator on
 * instance A's machine would: same database, same secrets, HERALD_SERVER_URL = instance A.
 * Returns its output; throws with it when the tool fails.
 */
export function tool(name: string, ...args: string[]): string {
  const { status, output } = runTool(`${name}.ts`, args, clusterState().env);
  if (status !== 0) throw new Error(`${name} failed:\n${output}`);
  return output;
}

/** Writes stories (objects in the importer's JSON Lines format) to a file and imports it. */
export function importStories(stories: object[]): string {
  const file = path.join(CLUSTER_DIR, `import-${Date.now()}.jsonl`);
  fs.writeFileSync(file, stories.map((story) => JSON.stringify(story)).join("\n") + "\n");
  return tool("import", file);
}

/**
 * The canonical path (/article/ID/slug) of the story imported with external id `externalId`:
 * the URL readers, crawlers and nginx's cache know it by.
 */
export async function articlePath(externalId: string): Promise<string> {
  const client = new pg.Client({ connectionString: clusterState().postgres.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(
      "select id from articles where external_id = $1",
      [externalId],
    );
    if (rows.length !== 1) throw new Error(`no story ${externalId} in the cluster's database`);
    const { instances } = clusterState();
    const short = await get(`${instances[0]!.url}/article/${rows[0]!.id}/`);
    return new URL(short.headers.get("location") ?? `/article/${rows[0]!.id}/`, instances[0]!.url)
      .pathname;
  } finally {
    await client.end();
  }
}

/** The story id in an article path ("/article/123/…" gives "123"). */
export function idOf(articlePath: string): string {
  return articlePath.split("/")[2]!;
}

/** GET `url` (no redirects followed), with a deadline so a hang fails the test, not the suite. */
export async function get(url: string, timeoutMs = 10_000): Promise<Response> {
  return fetch(url, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
}

/** Status of GET `url`, following the canonical redirect to the story's slug. */
export async function statusOf(url: string): Promise<number> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  await response.arrayBuffer();
  return response.status;
}

/**
 * Polls `check` every 250 ms until it is true or `withinMs` passes; returns the milliseconds it
 * took, or throws with `what` when it never became true.
 */
export async function within(withinMs: number, what: string, check: () => Promise<boolean>) {
  const started = Date.now();
  while (!(await check().catch(() => false))) {
    if (Date.now() - started > withinMs) throw new Error(`${what}: not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return Date.now() - started;
}

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { load } from "./http-load";

/** One URL's bytes served by a bare `node:http` server: the machine's floor for sending them. */
export type BareServerResult = {
  name: string;
  path: string;
  /** Bytes of the body as the site sent it without compression. */
  bytes: number;
  /** Requests per second of the bare server sending those bytes. */
  requestsPerSecond: number;
  /** Requests per second of the site itself for the same URL (from the HTTP rounds). */
  siteRequestsPerSecond: number;
  /**
   * What the site costs per request beyond sending the bytes, in ms of the server's time:
   * 1000 / site rate - 1000 / bare rate (routing, proxy.ts, the cache lookup, headers).
   */
  siteOverheadMs: number;
};

/** The bare server: answers every request with the file FILE as CONTENT_TYPE, on a free port. */
const BARE_SERVER = `
const http = require("node:http");
const body = require("node:fs").readFileSync(process.env.FILE);
const server = http.createServer((req, res) => {
  res.writeHead(200, { "content-type": process.env.CONTENT_TYPE, "content-length": body.length });
  res.end(req.method === "HEAD" ? undefined : body);
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;

/**
 * Starts a bare `node:http` server in its own process (so it never shares a thread with
 * autocannon) that answers every request with `body`. Resolves with its URL and a stop function.
 * Throws when it does not start within 10 s.
 */
export async function startBareServer(
  body: Buffer,
  contentType: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-bare-"));
  const file = path.join(dir, "body");
  fs.writeFileSync(file, body);
  const child = spawn(process.execPath, ["-e", BARE_SERVER], {
    env: { ...process.env, FILE: file, CONTENT_TYPE: contentType },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the bare server did not start")), 10_000);
      child.once("exit", (code) => reject(new Error(`the bare server exited (${code})`)));
      child.stdout.once("data", (d: Buffer) => {
        clearTimeout(timer);
        resolve(Number(d.toString().trim()));
      });
    });
    return { url: `http://127.0.0.1:${port}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * For each of `targets` (URLs already loaded in the HTTP rounds, whose rates are in
 * `siteRates`), fetches the body the site sends without compression, serves exactly those bytes
 * from a bare `node:http` server, and loads that with the same autocannon settings (one run).
 * Not a budget: it shows what sending a page's bytes costs on this machine (the kernel's loopback
 * and autocannon reading them), so the site's own cost per request can be told apart from it.
 */
export async function measureBareServer(
  siteUrl: string,
  targets: readonly { name: string; path: string }[],
  siteRates: ReadonlyMap<string, number>,
  options: { seconds: number; connections: number; log?: (line: string) => void },
): Promise<BareServerResult[]> {
  const results: BareServerResult[] = [];
  for (const target of targets) {
    const response = await fetch(`${siteUrl}${target.path}`);
    if (!response.ok) throw new Error(`${target.path} answered ${response.status}`);
    // fetch asks for gzip and decompresses: these are the bytes autocannon's requests get.
    const body = Buffer.from(await response.arrayBuffer());
    const contentType = response.headers.get("content-type") ?? "application/octet-stream";
    const siteRate = siteRates.get(target.path);
    if (siteRate === undefined) throw new Error(`no site rate for ${target.path}`);
    options.log?.(`autocannon, bare node:http with the bytes of ${target.path}…`);
    const bare = await startBareServer(body, contentType);
    try {
      const run = await load(bare.url, target.name, "/", options);
      results.push({
        name: target.name,
        path: target.path,
        bytes: body.length,
        requestsPerSecond: run.requestsPerSecond,
        siteRequestsPerSecond: siteRate,
        siteOverheadMs: 1000 / siteRate - 1000 / run.requestsPerSecond,
      });
    } finally {
      await bare.stop();
    }
  }
  return results;
}

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { load, probe, requestHeaders, type Encoding } from "./http-load";

/** One URL's bytes served by a bare `node:http` server: the machine's floor for sending them. */
export type BareServerResult = {
  name: string;
  path: string;
  /**
   * The Content-Encoding the site answered the run's Accept-Encoding with ("identity" when none),
   * which the bare server sends too, with the same bytes.
   */
  contentEncoding: string;
  /** Bytes of the body as the site sent it (compressed when it was): what the bare server sends. */
  bytes: number;
  /** Requests per second of the bare server sending those bytes. */
  requestsPerSecond: number;
  /** Requests per second of the site itself for the same URL (from the HTTP rounds). */
  siteRequestsPerSecond: number;
  /**
   * What the site costs per request beyond sending the bytes, in ms of the server's time:
   * 1000 / site rate - 1000 / bare rate (routing, proxy.ts, the cache lookup, headers, and, for a
   * compressed answer, compressing the page: the bare server sends bytes compressed once).
   */
  siteOverheadMs: number;
};

/**
 * The bare server: answers every request with the file FILE as CONTENT_TYPE (and with
 * CONTENT_ENCODING as its Content-Encoding when that is set), on a free port.
 */
const BARE_SERVER = `
const http = require("node:http");
const body = require("node:fs").readFileSync(process.env.FILE);
const headers = { "content-type": process.env.CONTENT_TYPE, "content-length": body.length };
if (process.env.CONTENT_ENCODING) headers["content-encoding"] = process.env.CONTENT_ENCODING;
const server = http.createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
});
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
`;

/**
 * Starts a bare `node:http` server in its own process (so it never shares a thread with
 * autocannon) that answers every request with `body`, as `contentType`, with `contentEncoding`
 * as its Content-Encoding when given (the bytes are sent as they are: compressed bytes must come
 * compressed). Resolves with its URL and a stop function. Throws when it does not start within
 * 10 s.
 */
export async function startBareServer(
  body: Buffer,
  contentType: string,
  contentEncoding?: string,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-bare-"));
  const file = path.join(dir, "body");
  fs.writeFileSync(file, body);
  const child = spawn(process.execPath, ["-e", BARE_SERVER], {
    env: {
      ...process.env,
      FILE: file,
      CONTENT_TYPE: contentType,
      CONTENT_ENCODING: contentEncoding ?? "",
    },
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
 * `siteRates`), fetches the body the site sends to the run's Accept-Encoding (`options.encoding`),
 * as it comes over the wire, serves exactly those bytes with the same Content-Encoding from a
 * bare `node:http` server, and loads that with the same autocannon settings and headers (one run).
 * Not a budget: it shows what sending a page's bytes costs on this machine (the kernel's loopback
 * and autocannon reading them), so the site's own cost per request can be told apart from it.
 * With compression, the bare server sends bytes compressed once, while the site compresses each
 * answer: the site's own cost then includes compressing.
 */
export async function measureBareServer(
  siteUrl: string,
  targets: readonly { name: string; path: string }[],
  siteRates: ReadonlyMap<string, number>,
  options: {
    seconds: number;
    connections: number;
    encoding: Encoding;
    log?: (line: string) => void;
  },
): Promise<BareServerResult[]> {
  const results: BareServerResult[] = [];
  for (const target of targets) {
    // The same headers as autocannon's requests, and the bytes as sent (not decompressed).
    const response = await probe(`${siteUrl}${target.path}`, requestHeaders(options.encoding));
    if (response.status < 200 || response.status > 299)
      throw new Error(`${target.path} answered ${response.status}`);
    const body = response.body;
    const contentType = response.contentType || "application/octet-stream";
    const siteRate = siteRates.get(target.path);
    if (siteRate === undefined) throw new Error(`no site rate for ${target.path}`);
    options.log?.(`autocannon, bare node:http with the bytes of ${target.path}…`);
    const bare = await startBareServer(body, contentType, response.contentEncoding || undefined);
    try {
      const run = await load(bare.url, target.name, "/", options);
      results.push({
        name: target.name,
        path: target.path,
        contentEncoding: response.contentEncoding || "identity",
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

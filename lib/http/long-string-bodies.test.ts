import http, { ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EncodedBodies, LONG_STRING, sendLongStringsAsBuffers } from "./long-string-bodies";

// What reached Node's own end(), recorded by a spy installed under the patch (this file runs in
// its own process, so the prototype is ours to change).
const seen: string[] = [];
const sentBuffers: Buffer[] = [];
const nodeEnd = ServerResponse.prototype.end;
ServerResponse.prototype.end = function (this: ServerResponse, ...args: unknown[]) {
  if (Buffer.isBuffer(args[0])) sentBuffers.push(args[0]);
  seen.push(
    args[0] === undefined || args[0] === null
      ? "nothing"
      : Buffer.isBuffer(args[0])
        ? "buffer"
        : typeof args[0],
  );
  return (nodeEnd as (...a: unknown[]) => ServerResponse).apply(this, args);
} as ServerResponse["end"];
sendLongStringsAsBuffers();

const long = "<p>서울 – Délégation 🗞</p>".repeat(Math.ceil((LONG_STRING * 2) / 24));
const short = "<p>서울</p>";
const callbacks: string[] = [];

let server: http.Server;
let base = "";
beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = req.url === "/short" ? short : long;
    const encoding: BufferEncoding = req.url === "/latin1" ? "latin1" : "utf8";
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("content-length", Buffer.byteLength(body, encoding));
    if (req.url === "/latin1") res.end(body, "latin1", () => callbacks.push("latin1"));
    else if (req.url === "/callback") res.end(body, () => callbacks.push("callback"));
    else res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function get(path: string, method = "GET") {
  seen.length = 0;
  const response = await fetch(`${base}${path}`, { method });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { bytes, length: Number(response.headers.get("content-length")), seen: [...seen] };
}

describe("sendLongStringsAsBuffers", () => {
  it("sends a long string as a Buffer of exactly its UTF-8 bytes", async () => {
    const { bytes, length, seen } = await get("/");
    expect(seen).toEqual(["buffer"]);
    expect(bytes.equals(Buffer.from(long, "utf8"))).toBe(true);
    expect(length).toBe(bytes.length);
  });

  it("reuses the bytes while the same text is sent again", async () => {
    sentBuffers.length = 0;
    const first = await get("/");
    const second = await get("/");
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(sentBuffers).toHaveLength(2);
    expect(sentBuffers[1]).toBe(sentBuffers[0]);
  });

  it("keeps the encoding and the callback, in either position", async () => {
    const latin1 = await get("/latin1");
    expect(latin1.seen).toEqual(["buffer"]);
    expect(latin1.bytes.equals(Buffer.from(long, "latin1"))).toBe(true);
    expect(latin1.length).toBe(latin1.bytes.length);
    const withCallback = await get("/callback");
    expect(withCallback.bytes.equals(Buffer.from(long, "utf8"))).toBe(true);
    await expect.poll(() => [...callbacks].sort()).toEqual(["callback", "latin1"]);
  });

  it("leaves a short string alone", async () => {
    const { bytes, seen } = await get("/short");
    expect(seen).toEqual(["string"]);
    expect(bytes.toString("utf8")).toBe(short);
  });

  it("answers HEAD with the headers only", async () => {
    const { bytes, length } = await get("/", "HEAD");
    expect(bytes.length).toBe(0);
    expect(length).toBe(Buffer.byteLength(long));
  });

  it("installs once, however often it is called", () => {
    const installed = ServerResponse.prototype.end;
    sendLongStringsAsBuffers();
    expect(ServerResponse.prototype.end).toBe(installed);
  });
});

describe("EncodedBodies", () => {
  const text = (letter: string) => letter.repeat(1000) + "é";
  // What one entry costs: its 1,002 UTF-8 bytes and its 1,001 code units at two bytes each.
  const size = Buffer.byteLength(text("a")) + 2 * text("a").length;

  it("keeps at most its byte budget, dropping the least recently used text first", () => {
    const bodies = new EncodedBodies(3 * size);
    const a = bodies.encode(text("a"), "utf8");
    const b = bodies.encode(text("b"), "utf8");
    bodies.encode(text("c"), "utf8");
    expect(bodies.encode(text("a"), "utf8")).toBe(a); // a is now the most recent
    bodies.encode(text("d"), "utf8"); // over budget: b goes
    expect(bodies.encode(text("a"), "utf8")).toBe(a);
    const bAgain = bodies.encode(text("b"), "utf8");
    expect(bAgain).not.toBe(b);
    expect(bAgain.equals(b)).toBe(true);
  });

  it("encodes, without keeping, a text over the budget or in another encoding", () => {
    const bodies = new EncodedBodies(size - 1);
    const once = bodies.encode(text("a"), "utf8");
    expect(bodies.encode(text("a"), "utf8")).not.toBe(once);
    const latin1 = new EncodedBodies(10 * size);
    const first = latin1.encode(text("a"), "latin1");
    expect(first.equals(Buffer.from(text("a"), "latin1"))).toBe(true);
    expect(latin1.encode(text("a"), "latin1")).not.toBe(first);
  });
});

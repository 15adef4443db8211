import { ServerResponse } from "node:http";

/**
 * Strings longer than this many UTF-16 code units are sent as Buffers. Node.js encodes shorter
 * ones in a 16 kB stack buffer (StreamBase's kStackStorageSize), where a string costs nothing extra.
 */
export const LONG_STRING = 16 * 1024;

/**
 * Memory kept for reuse, at most: the encoded bytes plus the text they came from (counted at two
 * bytes a code unit). About 270 article pages.
 */
export const ENCODED_BODIES_BYTES = 64 * 1024 * 1024;

const INSTALLED = Symbol.for("herald.longStringBodies");

type End = ServerResponse["end"];

/**
 * The UTF-8 bytes of recently sent long bodies, least recently used first, keyed by the text
 * itself, so a hit is always the same bytes. The text's hash is computed once per string object,
 * and a cached page is the same string object on every request. Holds at most `maxBytes` of
 * bytes and keys together (a key's memory counted as two bytes a code unit).
 */
export class EncodedBodies {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** Memory an entry holds: its bytes and its text, at two bytes a code unit. */
  private static cost(text: string, bytes: Buffer): number {
    return bytes.length + 2 * text.length;
  }

  /** The bytes of `text` in `encoding`, encoded now or reused from an earlier call. */
  encode(text: string, encoding: BufferEncoding): Buffer {
    const entries = encoding === "utf8" ? this.entries : null;
    const hit = entries?.get(text);
    if (hit) {
      entries!.delete(text);
      entries!.set(text, hit);
      return hit;
    }
    const bytes = Buffer.from(text, encoding);
    if (!entries || EncodedBodies.cost(text, bytes) > this.maxBytes) return bytes;
    entries.set(text, bytes);
    this.bytes += EncodedBodies.cost(text, bytes);
    for (const [oldest, old] of entries) {
      if (this.bytes <= this.maxBytes) break;
      entries.delete(oldest);
      this.bytes -= EncodedBodies.cost(oldest, old);
    }
    return bytes;
  }
}

/**
 * Makes every `ServerResponse#end(body)` whose body is a string of more than {@link LONG_STRING}
 * code units send it as a Buffer: its bytes in its encoding (UTF-8 by default), reused while the
 * same UTF-8 text is sent again (up to `maxBytes` of memory, {@link ENCODED_BODIES_BYTES} by
 * default). The bytes, the callback and
 * any Content-Length already set are unchanged; shorter strings, Buffers and streams are
 * untouched. Installing it twice changes nothing.
 *
 * Why: Next.js sends every cached page as one string (`res.end(html)` in
 * next/dist/server/send-payload.js), and Node.js 20 writes a long string to a socket far slower
 * than the same bytes as a Buffer (it prepends the headers to the string, then decodes and copies
 * the result out of the JS heap; strings cost more than buffers by design, nodejs/node#20568).
 * A bare `node:http` server sending our 78 kB article answered 2,132-2,398 requests/s with the
 * string, 4,149-4,288/s encoding it to a Buffer on each request, and 7,153-7,212/s reusing the
 * Buffer (autocannon, 10 connections, this machine; each also computing its Content-Length, as
 * Next.js does). Called once per server process from instrumentation.ts.
 */
export function sendLongStringsAsBuffers(maxBytes = ENCODED_BODIES_BYTES): void {
  const proto = ServerResponse.prototype as ServerResponse & { [INSTALLED]?: true };
  if (proto[INSTALLED]) return;
  const end: End = proto.end;
  const bodies = new EncodedBodies(maxBytes);
  proto.end = function (
    this: ServerResponse,
    chunk?: unknown,
    encoding?: unknown,
    callback?: unknown,
  ) {
    if (typeof chunk === "string" && chunk.length > LONG_STRING) {
      if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
      chunk = bodies.encode(chunk, (encoding as BufferEncoding | undefined) ?? "utf8");
      encoding = undefined;
    }
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, encoding, callback);
  } as End;
  proto[INSTALLED] = true;
}

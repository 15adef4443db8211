import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ParsedLine } from "./parse";
import { lineChunks, type LineSource } from "./parse-pipeline";

/** Chunks sent ahead of the writer: enough to keep the worker busy while a batch commits. */
const AHEAD = 24;

/** What the worker sends: parseLines' results for lines sent to it, or a chunk of a file it reads. */
type Reply =
  | ParsedLine[]
  | { chunk: ParsedLine[] }
  | { end: true }
  | { error: { message: string; code?: string; path?: string } };

/**
 * A ChunkParser (parse-pipeline.ts) that parses and validates on a worker thread while the
 * caller writes the previous chunks: on two cores, JSON and zod then cost the writer nothing.
 * Given a file (`{ file }`), the worker also reads it, so reading and decoding the text (about
 * 20 µs a line of 3 kB) leave the writer's thread as well. For scripts (npm run import, the
 * benchmark), run with tsx; never imported by the app. Line numbers count every line, blank
 * ones included. Throws when the file cannot be read or the worker fails (it is stopped in any
 * case).
 */
export async function* parsedChunksOnThread(source: LineSource): AsyncGenerator<ParsedLine[]> {
  const worker = startWorker();
  const replies = new ReplyQueue(worker);
  try {
    if (typeof source === "object" && "file" in source) {
      worker.postMessage({ file: source.file, ahead: AHEAD });
      for (;;) {
        const reply = await replies.next();
        if ("end" in reply) return;
        // The same error reading on this thread would throw: its message, code and path.
        if ("error" in reply) throw Object.assign(new Error(reply.error.message), reply.error);
        if (!("chunk" in reply)) throw new Error("import parser thread: unexpected reply");
        yield reply.chunk;
        worker.postMessage({ more: true });
      }
    }
    let sent = 0;
    const take = async () => {
      sent -= 1;
      const reply = await replies.next();
      if (!Array.isArray(reply)) throw new Error("import parser thread: unexpected reply");
      return reply;
    };
    for await (const chunk of lineChunks(source)) {
      replies.check();
      worker.postMessage(chunk);
      sent += 1;
      if (sent > AHEAD) yield await take();
    }
    while (sent > 0) yield await take();
  } finally {
    worker.removeAllListeners("exit");
    await worker.terminate();
  }
}

/** The worker's replies in the order they came, and its failure (an error, or an early exit). */
class ReplyQueue {
  private readonly arrived: Reply[] = [];
  private readonly waiting: Array<{
    resolve: (reply: Reply) => void;
    reject: (error: unknown) => void;
  }> = [];
  private failure: unknown = null;

  constructor(worker: Worker) {
    worker.on("message", (reply: Reply) => {
      const waiter = this.waiting.shift();
      if (waiter) waiter.resolve(reply);
      else this.arrived.push(reply);
    });
    const fail = (error: unknown) => {
      this.failure ??= error;
      for (const w of this.waiting.splice(0)) w.reject(error);
    };
    worker.on("error", fail);
    worker.on("exit", (code) =>
      fail(new Error(`import parser thread stopped (exit code ${code})`)),
    );
  }

  /** Throws the worker's failure, if it has failed. */
  check(): void {
    if (this.failure) throw this.failure;
  }

  /** The next reply, once it has come; rejects when the worker fails first. */
  next(): Promise<Reply> {
    const reply = this.arrived.shift();
    if (reply !== undefined) return Promise.resolve(reply);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }
}

/**
 * Starts parse-worker.ts. Run from TypeScript sources (tsx, vitest), the thread first registers
 * tsx's loader (Node 20 does not pass its parent's loader hooks on); a compiled build would start
 * parse-worker.js beside this file.
 */
function startWorker(): Worker {
  const self = fileURLToPath(import.meta.url);
  if (!self.endsWith(".ts")) return new Worker(path.join(path.dirname(self), "parse-worker.js"));
  const url = pathToFileURL(path.join(path.dirname(self), "parse-worker.ts")).href;
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(url)}); })`;
  return new Worker(bootstrap, { eval: true });
}

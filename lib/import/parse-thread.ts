import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { ParsedLine } from "./parse";
import { lineChunks } from "./parse-pipeline";

/** Chunks sent ahead of the writer: enough to keep the worker busy while a batch commits. */
const AHEAD = 24;

/**
 * A ChunkParser (parse-pipeline.ts) that parses and validates on a worker thread while the
 * caller writes the previous chunks: on two cores, JSON and zod then cost the writer nothing.
 * For scripts (npm run import, the benchmark), run with tsx; never imported by the app. Line
 * numbers count every line, blank ones included. Throws when the worker fails (it is stopped in
 * any case).
 */
export async function* parsedChunksOnThread(
  lines: Iterable<string> | AsyncIterable<string>,
): AsyncGenerator<ParsedLine[]> {
  const worker = startWorker();
  const waiting: Array<{ resolve: (r: ParsedLine[]) => void; reject: (e: unknown) => void }> = [];
  let failure: unknown = null;
  worker.on("message", (result: ParsedLine[]) => waiting.shift()?.resolve(result));
  const fail = (error: unknown) => {
    failure ??= error;
    for (const w of waiting.splice(0)) w.reject(error);
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`import parser thread stopped (exit code ${code})`)));
  const queue: Array<Promise<ParsedLine[]>> = [];
  const send = (first: number, chunk: string[]) => {
    if (failure) throw failure;
    const result = new Promise<ParsedLine[]>((resolve, reject) =>
      waiting.push({ resolve, reject }),
    );
    result.catch(() => undefined); // awaited in turn; a failure is thrown there, once
    queue.push(result);
    worker.postMessage({ first, lines: chunk });
  };
  try {
    for await (const chunk of lineChunks(lines)) {
      send(chunk.first, chunk.lines);
      if (queue.length > AHEAD) yield await (queue.shift() as Promise<ParsedLine[]>);
    }
    while (queue.length > 0) yield await (queue.shift() as Promise<ParsedLine[]>);
  } finally {
    worker.removeAllListeners("exit");
    await worker.terminate();
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

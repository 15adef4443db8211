/**
 * Worker thread of the import pipeline (parse-thread.ts). Two kinds of work:
 * - `{ first, lines }`: answers with parseLines' results for them, in the order received;
 * - `{ file, ahead }`: reads the file itself (read-lines.ts) and sends `{ chunk }` for each chunk
 *   of parsed lines, then `{ end: true }`; when the file cannot be read, `{ error }` with the
 *   error's message, code and path. At most `ahead` chunks are sent before the importer takes
 *   them: each `{ more: true }` from it allows one more, so a file larger than memory is never
 *   parsed far ahead of the writer.
 */
import { parentPort } from "node:worker_threads";
import { parseLines } from "./parse";
import { lineChunks } from "./parse-pipeline";
import { readLines } from "./read-lines";

type Request =
  { first: number; lines: string[] } | { file: string; ahead: number } | { more: true };

let credits = 0;
let wake: (() => void) | null = null;

parentPort?.on("message", (request: Request) => {
  if ("lines" in request) parentPort?.postMessage(parseLines(request.first, request.lines));
  else if ("file" in request) {
    credits = request.ahead;
    void sendFile(request.file);
  } else {
    credits += 1;
    wake?.();
    wake = null;
  }
});

async function sendFile(file: string): Promise<void> {
  try {
    for await (const chunk of lineChunks(readLines(file))) {
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits -= 1;
      parentPort?.postMessage({ chunk: parseLines(chunk.first, chunk.lines) });
    }
    parentPort?.postMessage({ end: true });
  } catch (error) {
    // An Error crosses threads without its `code` ("ENOENT"), so the fields go as data.
    const { message, code, path } = error as NodeJS.ErrnoException;
    parentPort?.postMessage({ error: { message: message ?? String(error), code, path } });
  }
}

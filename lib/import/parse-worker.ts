/**
 * Worker thread of the import pipeline (parse-thread.ts): receives `{ first, lines }`, answers
 * with parseLines' results for them, in the order received.
 */
import { parentPort } from "node:worker_threads";
import { parseLines } from "./parse";

parentPort?.on("message", (chunk: { first: number; lines: string[] }) => {
  parentPort?.postMessage(parseLines(chunk.first, chunk.lines));
});

import { parseLines, type ParsedLine } from "./parse";

/** Lines parsed at a time. */
export const CHUNK = 500;

/** Turns import lines into their parse results, a chunk at a time, in order. */
export type ChunkParser = (
  lines: Iterable<string> | AsyncIterable<string>,
) => AsyncIterable<ParsedLine[]>;

/**
 * Parses import lines in order on this thread, yielding parseLines' results a chunk at a time.
 * Line numbers count every line, blank ones included. The importer's default; scripts that load
 * large files use parse-thread.ts, which does the same on a worker thread (kept out of this
 * module so that the Next.js app, which imports the importer to seed its content, never bundles
 * a worker).
 */
export async function* parsedChunks(
  lines: Iterable<string> | AsyncIterable<string>,
): AsyncGenerator<ParsedLine[]> {
  let chunk: string[] = [];
  let first = 1;
  for await (const raw of lines) {
    chunk.push(raw);
    if (chunk.length === CHUNK) {
      yield parseLines(first, chunk);
      first += chunk.length;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield parseLines(first, chunk);
}

import { parseLines, type ParsedLine } from "./parse";
import { readLines } from "./read-lines";

/** Lines parsed at a time. */
const CHUNK = 500;

/**
 * Where import lines come from: lines (without their newline) in an array or a stream, or a
 * UTF-8 file, read line by line as read-lines.ts reads it.
 */
export type LineSource = Iterable<string> | AsyncIterable<string> | { file: string };

/** Turns import lines into their parse results, a chunk at a time, in order. */
export type ChunkParser = (source: LineSource) => AsyncIterable<ParsedLine[]>;

/** The lines of a source, one at a time (a file's are read as they are needed). */
function sourceLines(source: LineSource): Iterable<string> | AsyncIterable<string> {
  return typeof source === "object" && "file" in source ? readLines(source.file) : source;
}

/**
 * The lines in chunks of CHUNK, in order, each with the 1-based number of its first line (every
 * line counts, blank ones included): what parseLines takes, here or on parse-thread.ts's worker.
 */
export async function* lineChunks(
  lines: Iterable<string> | AsyncIterable<string>,
): AsyncGenerator<{ first: number; lines: string[] }> {
  let chunk: string[] = [];
  let first = 1;
  for await (const raw of lines) {
    chunk.push(raw);
    if (chunk.length === CHUNK) {
      yield { first, lines: chunk };
      first += chunk.length;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield { first, lines: chunk };
}

/**
 * Parses import lines in order on this thread, yielding parseLines' results a chunk at a time.
 * The importer's default; scripts that load large files use parse-thread.ts, which does the same
 * on a worker thread (kept out of this module so that the Next.js app, which imports the importer
 * to seed its content, never bundles a worker).
 */
export async function* parsedChunks(source: LineSource): AsyncGenerator<ParsedLine[]> {
  for await (const chunk of lineChunks(sourceLines(source)))
    yield parseLines(chunk.first, chunk.lines);
}

import fs from "node:fs";

/**
 * Reads `file` (and its `-wal`, if any) once from start to end and discards the bytes, so the
 * operating system holds the database in its page cache, as it does on a server that has been
 * answering for a while. Without it, the first calls of each timing read cold pages from disk
 * and the p99 measures the disk, not the queries. Returns the bytes read. A file larger than
 * the machine's free memory cannot be held: the timings then include disk reads (the caller
 * prints that).
 */
export async function warmFileCache(file: string): Promise<number> {
  let bytes = 0;
  for (const name of [file, `${file}-wal`]) {
    if (!fs.existsSync(name)) continue;
    for await (const chunk of fs.createReadStream(name, { highWaterMark: 8 * 1024 * 1024 }))
      bytes += (chunk as Buffer).length;
  }
  return bytes;
}

import fs from "node:fs";

/**
 * Descriptors of database files this process reads headers from, opened once and never closed.
 * Closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's
 * included (https://sqlite.org/howtocorrupt.html, 2.2 "Posix advisory locks canceled by a
 * separate thread doing close()"). Without its shared lock on the database, a server in WAL mode
 * lets another process that closes its connection (the `sqlite3` shell of a backup or a
 * quick_check) take the file's exclusive lock and delete the -wal and -shm files under it: the
 * server then reads a view that no longer changes and writes to a log nobody will read.
 */
const descriptors = new Map<string, { fd: number; dev: number; ino: number }>();

/**
 * The first `length` bytes of `file` (fewer for a shorter file), read through a descriptor kept
 * open for the life of the process. A file replaced since (another inode at that path) gets a
 * descriptor of its own; the old one stays open, as closing it would drop the locks of a
 * connection that still has the old file open. Throws the file system's error (ENOENT…).
 */
export function readFileHeader(file: string, length: number): Buffer {
  const { dev, ino } = fs.statSync(file);
  let entry = descriptors.get(file);
  if (!entry || entry.dev !== dev || entry.ino !== ino) {
    const fd = fs.openSync(file, "r");
    const opened = fs.fstatSync(fd);
    entry = { fd, dev: opened.dev, ino: opened.ino };
    descriptors.set(file, entry);
  }
  const header = Buffer.alloc(length);
  const read = fs.readSync(entry.fd, header, 0, length, 0);
  return header.subarray(0, read);
}

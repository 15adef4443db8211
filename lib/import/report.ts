/** A record that was not imported: its 1-based line number in the file and why. */
export type SkippedRecord = { line: number; reason: string };

/** What an import did: stories added, stories updated (matched on their import id), lines skipped. */
export type ImportReport = { inserted: number; updated: number; skipped: SkippedRecord[] };

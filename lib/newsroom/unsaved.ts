import { z } from "zod";
import { storyDraftSchema, type StoryContent } from "./story-content";

/**
 * Unsaved story content kept on the writer's device (the browser's localStorage), so a failed
 * autosave, a lost connection or a closed tab never loses what was typed (issue 17, "a failed
 * save never loses what was typed: kept and retried; a reload restores it"). One entry per story
 * and server version the edits started from, under "herald:unsaved-story:<id>:<version>".
 * Pure: takes the Storage, so it runs in tests and never on the server.
 */

const PREFIX = "herald:unsaved-story:";

/** What is kept: the content, the server version it was based on, and when it was typed. */
export type UnsavedCopy = { storyId: number; version: number; content: StoryContent; at: string };

const copySchema = z.object({
  storyId: z.number().int().positive(),
  version: z.number().int().nonnegative(),
  content: storyDraftSchema,
  at: z.iso.datetime(),
});

/** The storage key of a story's unsaved content based on `version`. */
export function unsavedKey(storyId: number, version: number): string {
  return `${PREFIX}${storyId}:${version}`;
}

function keysOf(storage: Storage, storyId: number): { key: string; version: number }[] {
  const keys: { key: string; version: number }[] = [];
  const mine = `${PREFIX}${storyId}:`;
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(mine)) {
      const version = Number(key.slice(mine.length));
      if (Number.isInteger(version)) keys.push({ key, version });
    }
  }
  return keys;
}

/**
 * Keeps `copy` on the device, replacing any older copy of the same story. Returns false when
 * the browser refuses (storage full or disabled): the caller says the edits are not kept.
 */
export function keepUnsaved(storage: Storage, copy: UnsavedCopy): boolean {
  try {
    const key = unsavedKey(copy.storyId, copy.version);
    storage.setItem(key, JSON.stringify(copy));
    for (const other of keysOf(storage, copy.storyId)) {
      if (other.key !== key) storage.removeItem(other.key);
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * The unsaved content kept for a story (the copy based on the newest version), or null. An
 * entry that is not well-formed (another program, an old format) is ignored, not trusted.
 */
export function findUnsaved(storage: Storage, storyId: number): UnsavedCopy | null {
  try {
    const newest = keysOf(storage, storyId).sort((a, b) => b.version - a.version)[0];
    if (!newest) return null;
    const parsed = copySchema.safeParse(JSON.parse(storage.getItem(newest.key) ?? "null"));
    if (!parsed.success || parsed.data.storyId !== storyId) return null;
    return parsed.data as UnsavedCopy;
  } catch {
    return null;
  }
}

/** Forgets every unsaved copy of a story (after a save that holds exactly that content). */
export function dropUnsaved(storage: Storage, storyId: number): void {
  try {
    for (const { key } of keysOf(storage, storyId)) storage.removeItem(key);
  } catch {
    // Storage disabled: there is nothing to forget.
  }
}

import { beforeEach, describe, expect, it } from "vitest";
import { emptyStory } from "./story-content";
import { dropUnsaved, findUnsaved, keepUnsaved, unsavedKey, type UnsavedCopy } from "./unsaved";

/** A Map-backed Storage, as the browser's localStorage behaves. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new DOMException("full", "QuotaExceededError");
    this.items.set(key, value);
  }
}

const copy = (version: number, headline: string, storyId = 7): UnsavedCopy => ({
  storyId,
  version,
  content: { ...emptyStory(), headline },
  at: "2026-01-02T03:04:05.000Z",
});

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
});

describe("unsaved story content on the device", () => {
  it("keeps a copy under the story and version, and finds it again", () => {
    expect(keepUnsaved(storage, copy(3, "Rain in Seoul"))).toBe(true);
    expect(storage.getItem(unsavedKey(7, 3))).not.toBeNull();
    expect(findUnsaved(storage, 7)).toEqual(copy(3, "Rain in Seoul"));
    expect(findUnsaved(storage, 8)).toBeNull();
  });

  it("a newer copy replaces the older one of the same story, not other stories'", () => {
    keepUnsaved(storage, copy(3, "First"));
    keepUnsaved(storage, copy(2, "Other story", 9));
    keepUnsaved(storage, copy(4, "Second"));
    expect(storage.getItem(unsavedKey(7, 3))).toBeNull();
    expect(findUnsaved(storage, 7)?.content.headline).toBe("Second");
    expect(findUnsaved(storage, 9)?.content.headline).toBe("Other story");
  });

  it("says so when the browser refuses to store", () => {
    storage.failWrites = true;
    expect(keepUnsaved(storage, copy(1, "Lost?"))).toBe(false);
  });

  it("ignores entries that are not well-formed", () => {
    storage.setItem(unsavedKey(7, 5), "{not json");
    expect(findUnsaved(storage, 7)).toBeNull();
    storage.setItem(
      unsavedKey(7, 5),
      JSON.stringify({ ...copy(5, "x"), content: { headline: 1 } }),
    );
    expect(findUnsaved(storage, 7)).toBeNull();
  });

  it("drops every copy of a story", () => {
    keepUnsaved(storage, copy(3, "Gone"));
    keepUnsaved(storage, copy(1, "Stays", 9));
    dropUnsaved(storage, 7);
    expect(findUnsaved(storage, 7)).toBeNull();
    expect(findUnsaved(storage, 9)).not.toBeNull();
  });
});

import { useCallback, useEffect, useRef, useState } from "react";
import { dropUnsaved, keepUnsaved } from "@/lib/newsroom/unsaved";
import type { FieldErrors, StoryContent } from "@/lib/newsroom/story-content";
import type { SaveStory, StoryView } from "./types";

/** Where the story's autosave stands, for the status region and the conflict notice. */
export type AutosaveStatus =
  | { kind: "saved" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "retrying"; kept: boolean }
  | { kind: "offline"; kept: boolean }
  | { kind: "invalid"; errors: FieldErrors }
  | { kind: "conflict"; current: StoryView; keptAsRevision: number };

/** Waits between failed saves: 2 s, 4 s, 8 s, 16 s, then every 30 s. */
export function retryDelay(attempt: number): number {
  return Math.min(30_000, 2_000 * 2 ** Math.max(0, attempt - 1));
}

type Options = {
  storyId: number;
  /** The server's version the content on screen is based on, at load. */
  initialVersion: number;
  /** The content on the server at load (what "saved" means until the first save). */
  initialContent: StoryContent;
  /** The content on screen now. */
  content: StoryContent;
  save: SaveStory;
  /** Quiet time after the last change before saving (2 s). */
  delayMs: number;
  /**
   * What the server would refuse, checked before posting (field errors, or null): content the
   * server cannot take (a body over its limit) is kept on the device and named, never posted.
   */
  check?: (content: StoryContent) => FieldErrors | null;
};

function deviceStorage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Autosave of the story editor (issue 17, "Autosave while typing"): `delayMs` after the last
 * change, calls `save({ version, content })`. Every unsaved change is kept on the device first
 * (lib/newsroom/unsaved.ts), so a failed save loses nothing; a failed save is retried with
 * backoff (and at once when the browser comes back online). A conflict (someone else saved)
 * stops autosave until the writer chooses: `acceptTheirs` or `keepMine`; nothing is overwritten
 * silently. `flush` saves now (before a workflow form is posted) and says whether the story on
 * the server now holds exactly what is on screen.
 */
export function useAutosave({
  storyId,
  initialVersion,
  initialContent,
  content,
  save,
  delayMs,
  check,
}: Options) {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "saved" });
  const [version, setVersion] = useState(initialVersion);
  const versionRef = useRef(initialVersion);
  const contentRef = useRef(content);
  const savedJson = useRef(JSON.stringify(initialContent));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempt = useRef(0);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const conflicted = useRef(false);
  /** Whether the content has differed from the server's since it last matched. */
  const edited = useRef(false);
  // The save function the timers call: always the latest one (set after each render).
  const runRef = useRef<() => Promise<boolean>>(async () => false);

  const setBase = useCallback((next: number) => {
    versionRef.current = next;
    setVersion(next);
  }, []);

  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const keep = useCallback((): boolean => {
    const storage = deviceStorage();
    if (!storage) return false;
    return keepUnsaved(storage, {
      storyId,
      version: versionRef.current,
      content: contentRef.current,
      at: new Date().toISOString(),
    });
  }, [storyId]);

  const runSave = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    if (conflicted.current) return false;
    const snapshot = contentRef.current;
    const json = JSON.stringify(snapshot);
    if (json === savedJson.current) return true;
    cancel();
    const refused = check?.(snapshot) ?? null;
    if (refused) {
      keep();
      setStatus({ kind: "invalid", errors: refused });
      return false;
    }
    setStatus({ kind: "saving" });
    const attemptSave = (async (): Promise<boolean> => {
      try {
        const result = await save({ version: versionRef.current, content: snapshot });
        if (result.ok) {
          attempt.current = 0;
          savedJson.current = json;
          setBase(result.version);
          if (JSON.stringify(contentRef.current) === json) {
            const storage = deviceStorage();
            if (storage) dropUnsaved(storage, storyId);
            setStatus({ kind: "saved" });
            return true;
          }
          keep();
          setStatus({ kind: "pending" });
          timer.current = setTimeout(() => void runRef.current(), delayMs);
          return false;
        }
        if (result.kind === "invalid") {
          setStatus({ kind: "invalid", errors: result.errors });
          return false;
        }
        conflicted.current = true;
        setStatus({
          kind: "conflict",
          current: result.current,
          keptAsRevision: result.keptAsRevision,
        });
        return false;
      } catch {
        attempt.current += 1;
        const kept = keep();
        const offline = typeof navigator !== "undefined" && navigator.onLine === false;
        setStatus(offline ? { kind: "offline", kept } : { kind: "retrying", kept });
        timer.current = setTimeout(() => void runRef.current(), retryDelay(attempt.current));
        return false;
      }
    })();
    inFlight.current = attemptSave;
    try {
      return await attemptSave;
    } finally {
      if (inFlight.current === attemptSave) inFlight.current = null;
    }
  }, [check, delayMs, keep, save, setBase, storyId]);

  useEffect(() => {
    runRef.current = runSave;
  }, [runSave]);

  // Every change: kept on the device at once, saved after a quiet pause (unless a retry is
  // already waiting, which keeps its backoff, or a conflict waits for the writer's choice).
  useEffect(() => {
    contentRef.current = content;
    if (JSON.stringify(content) === savedJson.current) {
      // Back to what the server holds (a refused change undone): nothing is unsaved, so the
      // waiting save, the refusal's errors and the device's copy go.
      // (Not on the first render: a copy kept from before is the editor's to offer back.)
      if (!edited.current || conflicted.current || inFlight.current) return;
      edited.current = false;
      cancel();
      attempt.current = 0;
      const storage = deviceStorage();
      if (storage) dropUnsaved(storage, storyId);
      setStatus((s) => (s.kind === "saved" ? s : { kind: "saved" }));
      return;
    }
    edited.current = true;
    keep();
    if (conflicted.current) return;
    setStatus((s) => (s.kind === "retrying" || s.kind === "offline" ? s : { kind: "pending" }));
    if (attempt.current > 0 && timer.current) return;
    cancel();
    timer.current = setTimeout(() => void runSave(), delayMs);
  }, [content, delayMs, keep, runSave, storyId]);

  useEffect(() => {
    const online = () => {
      if (attempt.current > 0) void runSave();
    };
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      cancel();
    };
  }, [runSave]);

  /** Saves now; true when the server holds exactly what is on screen. */
  const flush = useCallback(async () => {
    cancel();
    return runSave();
  }, [runSave]);

  /** After a conflict: take the other person's version (the caller shows its content). */
  const acceptTheirs = useCallback(
    (current: StoryView) => {
      conflicted.current = false;
      savedJson.current = JSON.stringify(current.content);
      setBase(current.version);
      const storage = deviceStorage();
      if (storage) dropUnsaved(storage, storyId);
      setStatus({ kind: "saved" });
    },
    [setBase, storyId],
  );

  /** After a conflict: keep editing this version and save it over theirs (a new revision). */
  const keepMine = useCallback(
    (current: StoryView) => {
      conflicted.current = false;
      setBase(current.version);
      void runSave();
    },
    [runSave, setBase],
  );

  /** Starts from unsaved content restored from the device, based on `baseVersion`. */
  const restoreBase = useCallback((baseVersion: number) => setBase(baseVersion), [setBase]);

  /** The server version the next save is based on (current even before a re-render). */
  const currentVersion = useCallback(() => versionRef.current, []);

  return { status, version, currentVersion, flush, acceptTheirs, keepMine, restoreBase };
}

import { formatKstDateTime } from "@/lib/format/date";
import { BUTTON, QUIET_BUTTON } from "./field";
import type { StoryView } from "./types";

type Props = {
  current: StoryView;
  keptAsRevision: number;
  historyHref?: string;
  onLoadTheirs(): void;
  onKeepMine(): void;
};

/**
 * What the editor says when someone else saved the story first (the door refused this save):
 * who and when, that this version was kept in the history as revision N, and the two ways on:
 * load their version, or keep editing this one and save it over theirs. Nothing is overwritten
 * until the writer chooses (issue 17, "Concurrent editing never loses work").
 */
export function ConflictNotice({
  current,
  keptAsRevision,
  historyHref,
  onLoadTheirs,
  onKeepMine,
}: Props) {
  const who = current.updatedByName || "Someone else";
  return (
    <section
      role="alert"
      aria-labelledby="conflict-heading"
      className="my-4 rounded border-2 border-kicker p-4"
    >
      <h2 id="conflict-heading" className="font-serif text-lg font-bold">
        {who} saved this story while you were editing
      </h2>
      <p className="mt-2">
        {who} saved it at {formatKstDateTime(current.updatedAt)} KST. Your version was not lost: it
        is kept in the history as revision {keptAsRevision}
        {historyHref ? (
          <>
            {" "}
            (<a href={historyHref}>see the history</a>)
          </>
        ) : null}
        .
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={QUIET_BUTTON} onClick={onLoadTheirs}>
          Load their version
        </button>
        <button type="button" className={BUTTON} onClick={onKeepMine}>
          Keep editing mine (save over)
        </button>
      </div>
    </section>
  );
}

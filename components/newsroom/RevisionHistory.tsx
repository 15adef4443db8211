import { KstTime } from "@/components/ui/KstTime";
import type { RevisionRow } from "./editor/types";

type Props = {
  storyId: number;
  /** The story's version now (restoring is refused if someone saved since). */
  version: number;
  /** Newest first. */
  revisions: RevisionRow[];
  /** The pair being compared, if any (checked in the form). */
  compare: { from: number; to: number } | null;
  /** The restore Server Action; absent: no restore buttons (not allowed). */
  restore?: (form: FormData) => void | Promise<void>;
};

/**
 * A story's revision history (issue 17, "Revisions"): every revision with who saved it, when
 * (KST), its note and which one readers see; a GET form to pick two to compare (works without
 * JavaScript); and "Restore this revision", a form posting the restore Server Action, which
 * makes a new revision with that content (nothing is deleted).
 */
export function RevisionHistory({ storyId, version, revisions, compare, restore }: Props) {
  const newest = revisions[0]?.number;
  const from = compare?.from ?? revisions[1]?.number ?? newest;
  const to = compare?.to ?? newest;
  return (
    <div>
      <form method="get" action={`/newsroom/stories/${storyId}/history`}>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Revisions, newest first</caption>
            <thead>
              <tr className="border-b border-rule">
                <th scope="col" className="py-2 pr-3">
                  Revision
                </th>
                <th scope="col" className="py-2 pr-3">
                  Saved (KST)
                </th>
                <th scope="col" className="py-2 pr-3">
                  By
                </th>
                <th scope="col" className="py-2 pr-3">
                  Note
                </th>
                <th scope="col" className="py-2 pr-3">
                  Compare
                </th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((revision) => (
                <tr key={revision.number} className="border-b border-rule align-top">
                  <th scope="row" className="py-2 pr-3 font-semibold">
                    {revision.number}
                    {revision.published ? (
                      <span className="mt-1 block text-xs font-bold text-kicker">
                        Published: readers see this
                      </span>
                    ) : null}
                  </th>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    <KstTime iso={revision.createdAt} />
                  </td>
                  <td className="py-2 pr-3">{revision.createdByName ?? "—"}</td>
                  <td className="py-2 pr-3">{revision.note ?? ""}</td>
                  <td className="py-2 pr-3">
                    <div className="flex gap-3">
                      <label className="inline-flex min-h-6 items-center gap-1">
                        <input
                          type="radio"
                          name="from"
                          aria-label={`From revision ${revision.number}`}
                          value={revision.number}
                          defaultChecked={revision.number === from}
                          className="size-5"
                        />
                        <span>From</span>
                      </label>
                      <label className="inline-flex min-h-6 items-center gap-1">
                        <input
                          type="radio"
                          name="to"
                          aria-label={`To revision ${revision.number}`}
                          value={revision.number}
                          defaultChecked={revision.number === to}
                          className="size-5"
                        />
                        <span>To</span>
                      </label>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {revisions.length > 1 ? (
          <button
            type="submit"
            className="mt-3 min-h-11 rounded bg-accent px-5 font-semibold text-accent-ink hover:underline"
          >
            Compare
          </button>
        ) : null}
      </form>
      {restore ? (
        <section aria-labelledby="restore-heading" className="mt-8">
          <h2 id="restore-heading" className="font-serif text-xl font-bold">
            Restore an earlier revision
          </h2>
          <p className="mt-1 text-sm text-muted">
            Restoring makes a new revision with that content; nothing in the history is lost.
          </p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {revisions
              .filter((revision) => revision.number !== newest)
              .map((revision) => (
                <li key={revision.number}>
                  <form action={restore}>
                    <input type="hidden" name="id" value={storyId} />
                    <input type="hidden" name="version" value={version} />
                    <input type="hidden" name="number" value={revision.number} />
                    <button
                      type="submit"
                      className="min-h-11 rounded border border-muted px-4 font-semibold hover:underline"
                    >
                      Restore revision {revision.number}
                    </button>
                  </form>
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

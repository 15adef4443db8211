import type { RevisionFieldDiff } from "./editor/types";

const FIELD_NAMES: Record<RevisionFieldDiff["field"], string> = {
  headline: "Headline",
  standfirst: "Standfirst",
  body: "Body text",
};

/**
 * The readable difference between two revisions (issue 17, "Revisions"): headline, standfirst and
 * body text, each with removed text in <del> (struck through) and added text in <ins>
 * (underlined), each also labelled in words for screen readers, so neither colour nor a
 * strike-through is the only sign. Text only: nothing is rendered as HTML.
 */
export function RevisionDiff({
  from,
  to,
  diff,
}: {
  from: number;
  to: number;
  diff: RevisionFieldDiff[];
}) {
  return (
    <section aria-labelledby="diff-heading" className="mt-8">
      <h2 id="diff-heading" className="font-serif text-xl font-bold">
        Changes from revision {from} to revision {to}
      </h2>
      <p className="mt-1 text-sm text-muted">
        Removed text is <del className="text-kicker">struck through</del>; added text is{" "}
        <ins className="font-semibold text-accent">underlined</ins>.
      </p>
      {diff.map(({ field, parts }) => {
        const changed = parts.some((part) => part.added || part.removed);
        return (
          <section key={field} className="mt-4">
            <h3 className="font-semibold">{FIELD_NAMES[field]}</h3>
            {changed ? (
              <p className="mt-1 rounded border border-rule p-3 whitespace-pre-wrap">
                {parts.map((part, index) =>
                  part.removed ? (
                    <del key={index} className="text-kicker">
                      <span className="sr-only">[removed: </span>
                      {part.value}
                      <span className="sr-only">]</span>
                    </del>
                  ) : part.added ? (
                    <ins key={index} className="font-semibold text-accent">
                      <span className="sr-only">[added: </span>
                      {part.value}
                      <span className="sr-only">]</span>
                    </ins>
                  ) : (
                    <span key={index}>{part.value}</span>
                  ),
                )}
              </p>
            ) : (
              <p className="mt-1 text-sm text-muted">No change.</p>
            )}
          </section>
        );
      })}
    </section>
  );
}

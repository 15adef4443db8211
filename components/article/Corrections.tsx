import type { Correction } from "@/lib/domain";
import { KstTime } from "../ui/KstTime";

/**
 * The corrections of an article, under its body (issue 17, "Corrections"): each note as typed
 * (React escapes it) with the time it was published, in KST. Nothing when there are none.
 */
export function Corrections({ corrections }: { corrections: Correction[] }) {
  if (corrections.length === 0) return null;
  return (
    <section aria-labelledby="corrections-heading" className="mt-8 border-t border-rule pt-4">
      <h2 id="corrections-heading" className="text-sm font-bold tracking-widest">
        CORRECTIONS
      </h2>
      <ul className="mt-2 space-y-2 text-sm">
        {corrections.map((c, i) => (
          <li key={`${c.publishedAt}-${i}`}>
            <span className="text-muted">
              <KstTime iso={c.publishedAt} />:
            </span>{" "}
            {c.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

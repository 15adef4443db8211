import type { TextPart } from "@/lib/search/highlight";

/**
 * Text with the reader's search words in `<mark>`. The parts are plain text rendered by React
 * (escaped), so nothing in an article or a query can become markup. Marks are bold as well as
 * tinted, so they show without colour too.
 */
export function Highlighted({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.match ? (
          <mark key={i} className="rounded-sm bg-mark px-0.5 font-semibold text-ink">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

import type { ReactNode } from "react";
import type { Run } from "@/lib/domain";
import { bodyLinkRel } from "@/lib/content/link-rel";

/**
 * The text of a paragraph, quote or list item: its runs with their marks (strong, em, links), or
 * its plain `text` when it has no runs. React text only, so markup in the text prints as text.
 * A link that is not http, https or mailto prints as plain text (lib/content/link-rel.ts, which
 * also says which links get rel="nofollow noopener"). `siteOrigin`: this site's public origin.
 */
export function BodyText({
  text,
  runs,
  siteOrigin,
}: {
  text: string;
  runs?: Run[];
  siteOrigin: string;
}) {
  if (!runs || runs.length === 0) return <>{text}</>;
  return (
    <>
      {runs.map((run, index) => {
        let node: ReactNode = run.text;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        const link = run.href ? bodyLinkRel(run.href, siteOrigin) : null;
        if (run.href && link)
          node = (
            <a href={run.href} rel={link.rel} className="text-accent underline underline-offset-2">
              {node}
            </a>
          );
        return <span key={index}>{node}</span>;
      })}
    </>
  );
}

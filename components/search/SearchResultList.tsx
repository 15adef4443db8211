import Link from "next/link";
import type { SearchHit } from "@/lib/search/types";
import { SectionKicker } from "../story/SectionKicker";
import { KstTime } from "../ui/KstTime";
import { Highlighted } from "./Highlighted";

/**
 * Search results in ranked order: section, headline (linked, with the matched words marked), a
 * snippet around the matches and the publication date (KST). `start` is the rank of the first.
 */
export function SearchResultList({ hits, start }: { hits: SearchHit[]; start: number }) {
  return (
    <ol start={start} className="divide-y divide-rule">
      {hits.map((hit) => (
        <li key={hit.id} className="py-4 first:pt-0">
          <article>
            <SectionKicker section={hit.section} />
            <h3 className="headline text-xl">
              <Link prefetch={false} href={hit.path} className="tall-link">
                <Highlighted parts={hit.headlineParts} />
              </Link>
            </h3>
            <p className="mt-2 text-muted">
              <Highlighted parts={hit.snippetParts} />
            </p>
            <p className="story-time">
              <KstTime iso={hit.publishedAt} />
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}

import Link from "next/link";
import type { Rail } from "@/lib/domain";
import { KstTime } from "../ui/KstTime";

type Props = { rail: Rail | null; numbered: boolean; headingId: string; title: string };

/**
 * A rail's content: its heading and stories. MOST POPULAR is an ordered list with rank numbers;
 * LATEST NEWS a list with each story's KST time. Renders on the server and in the browser alike.
 * `rail` null: still loading (announced politely to screen readers).
 */
export function RailList({ rail, numbered, headingId, title }: Props) {
  const List = numbered ? "ol" : "ul";
  return (
    <>
      <h2 id={headingId} className="border-b-2 border-ink pb-1 text-sm font-bold tracking-widest">
        {title}
      </h2>
      {rail === null ? (
        <p role="status" className="py-3 text-sm text-muted">
          Loading…
        </p>
      ) : rail.items.length === 0 ? (
        <p className="py-3 text-sm text-muted">No stories yet.</p>
      ) : (
        <List className="divide-y divide-rule">
          {rail.items.map((item, index) => (
            <li key={item.id} className="rail-item">
              {numbered ? (
                <span aria-hidden="true" className="rail-rank">
                  {index + 1}
                </span>
              ) : (
                <KstTime iso={item.publishedAt} format="time" className="rail-time" />
              )}
              <Link prefetch={false} href={item.path} className="rail-link">
                {item.headline}
              </Link>
            </li>
          ))}
        </List>
      )}
    </>
  );
}

import Link from "next/link";
import type { Rail } from "@/lib/domain";
import { KstTime } from "../ui/KstTime";

type Props = { rail: Rail; numbered: boolean; headingId: string; title: string };

/**
 * A rail's content: its heading and stories. MOST POPULAR is an ordered list with rank numbers;
 * LATEST NEWS a list with each story's KST time. Renders on the server and in the browser alike.
 */
export function RailList({ rail, numbered, headingId, title }: Props) {
  const List = numbered ? "ol" : "ul";
  return (
    <>
      <h2 id={headingId} className="border-b-2 border-ink pb-1 text-sm font-bold tracking-widest">
        {title}
      </h2>
      {rail.items.length === 0 ? (
        <p className="py-3 text-sm text-muted">No stories yet.</p>
      ) : (
        <List className="divide-y divide-rule">
          {rail.items.map((item, index) => (
            <li key={item.id} className="flex gap-3 py-2.5">
              {numbered ? (
                <span
                  aria-hidden="true"
                  className="w-6 shrink-0 font-serif text-xl font-bold leading-6 text-kicker"
                >
                  {index + 1}
                </span>
              ) : (
                <KstTime
                  iso={item.publishedAt}
                  format="time"
                  className="w-12 shrink-0 pt-0.5 text-xs tabular-nums text-muted"
                />
              )}
              <Link
                prefetch={false}
                href={item.path}
                className="-my-0.5 py-0.5 font-serif leading-snug hover:underline"
              >
                {item.headline}
              </Link>
            </li>
          ))}
        </List>
      )}
    </>
  );
}

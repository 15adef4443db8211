import Link from "next/link";
import type { FrontPageLink } from "@/lib/domain";
import { frontPagePath } from "@/lib/urls";

type Props = { basePath: string; newer: FrontPageLink | null; older: FrontPageLink | null };

const linkClass =
  "inline-flex min-h-11 min-w-11 items-center justify-center border border-rule px-3 hover:underline";

/**
 * Newer and older pages of a section front: plain links with rel="prev"/"next", so they work
 * without JavaScript. Pages are keyset cursors ("/national/before/ID"), so there are no page numbers; the
 * front itself is always one link away ("Latest").
 */
export function FrontPager({ basePath, newer, older }: Props) {
  if (!newer && !older) return null;
  return (
    <nav aria-label="Pagination" className="mt-8">
      <ul className="flex flex-wrap items-center gap-2">
        {newer && (
          <>
            {newer.before !== null && (
              <li>
                <Link prefetch={false} href={basePath} className={linkClass}>
                  Latest
                </Link>
              </li>
            )}
            <li>
              <Link
                prefetch={false}
                href={frontPagePath(basePath, newer.before)}
                rel="prev"
                className={linkClass}
              >
                <span aria-hidden="true">←</span>&nbsp;Newer
              </Link>
            </li>
          </>
        )}
        {older && (
          <li>
            <Link
              prefetch={false}
              href={frontPagePath(basePath, older.before)}
              rel="next"
              className={linkClass}
            >
              Older&nbsp;<span aria-hidden="true">→</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

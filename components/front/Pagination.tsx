import Link from "next/link";

type Props = { basePath: string; page: number; totalPages: number };

/** Page numbers to show: first, last, and two either side of the current page, with gaps as null. */
export function pageWindow(page: number, totalPages: number): Array<number | null> {
  const pages = new Set([1, totalPages]);
  for (let p = page - 2; p <= page + 2; p += 1) if (p >= 1 && p <= totalPages) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((p, i) => (i > 0 && p - sorted[i - 1]! > 1 ? [null, p] : [p]));
}

const hrefFor = (basePath: string, page: number) =>
  page === 1 ? basePath : `${basePath}?page=${page}`;

/**
 * Numbered pagination for a section front: plain links ("?page=N"; page 1 is the bare path), so
 * it works without JavaScript. The current page is marked with aria-current.
 */
export function Pagination({ basePath, page, totalPages }: Props) {
  if (totalPages <= 1) return null;
  const linkClass =
    "inline-flex min-h-11 min-w-11 items-center justify-center border border-rule px-3 hover:underline";
  return (
    <nav aria-label="Pagination" className="mt-8">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <Link
              prefetch={false}
              href={hrefFor(basePath, page - 1)}
              rel="prev"
              className={linkClass}
            >
              <span aria-hidden="true">←</span>&nbsp;Newer
            </Link>
          </li>
        )}
        {pageWindow(page, totalPages).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span
                  aria-current="page"
                  className={`${linkClass} border-ink bg-ink font-bold text-paper`}
                >
                  <span className="sr-only">Page </span>
                  {p}
                </span>
              ) : (
                <Link prefetch={false} href={hrefFor(basePath, p)} className={linkClass}>
                  <span className="sr-only">Page </span>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        {page < totalPages && (
          <li>
            <Link
              prefetch={false}
              href={hrefFor(basePath, page + 1)}
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

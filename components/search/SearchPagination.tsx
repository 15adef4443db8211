import Link from "next/link";

type Props = {
  /** The search's own parameters (q, section, from, to), kept on every page link. */
  params: Record<string, string>;
  page: number;
  totalPages: number;
};

/** Page numbers to show: first, last and two either side of `page`, with gaps as null. */
export function searchPageWindow(page: number, totalPages: number): Array<number | null> {
  const pages = new Set([1, totalPages]);
  for (let p = page - 2; p <= page + 2; p += 1) if (p >= 1 && p <= totalPages) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.flatMap((p, i) => (i > 0 && p - sorted[i - 1]! > 1 ? [null, p] : [p]));
}

/** "/search?q=…&page=N" (no page parameter for page 1). */
export function searchHref(params: Record<string, string>, page: number): string {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== ""));
  if (page > 1) query.set("page", String(page));
  return `/search?${query.toString()}`;
}

const LINK =
  "inline-flex min-h-11 min-w-11 items-center justify-center border border-rule px-3 hover:underline";

/** Numbered pages of search results: plain links, so they work without JavaScript. */
export function SearchPagination({ params, page, totalPages }: Props) {
  if (totalPages <= 1) return null;
  return (
    <nav aria-label="Result pages" className="mt-8">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && page <= totalPages && (
          <li>
            <Link prefetch={false} href={searchHref(params, page - 1)} rel="prev" className={LINK}>
              <span aria-hidden="true">←</span>&nbsp;Previous
            </Link>
          </li>
        )}
        {searchPageWindow(Math.min(page, totalPages), totalPages).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span
                  aria-current="page"
                  className={`${LINK} border-ink bg-ink font-bold text-paper`}
                >
                  <span className="sr-only">Page </span>
                  {p}
                </span>
              ) : (
                <Link prefetch={false} href={searchHref(params, p)} className={LINK}>
                  <span className="sr-only">Page </span>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        {page < totalPages && (
          <li>
            <Link prefetch={false} href={searchHref(params, page + 1)} rel="next" className={LINK}>
              Next&nbsp;<span aria-hidden="true">→</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}

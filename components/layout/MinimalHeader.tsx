import Link from "next/link";

/**
 * The masthead when the publication and its sections could not be read at all (the database
 * fails and this process never read them: lib/news/last-known.ts), and on the last-resort error
 * page: the site's name linking home and a plain search form (a GET to /search, no JavaScript
 * needed). `name`: what to call the site.
 */
export function MinimalHeader({ name }: { name: string }) {
  return (
    <header className="border-b border-rule">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <Link
          prefetch={false}
          href="/"
          className="font-serif text-[1.75rem] leading-tight font-bold tracking-tight no-underline"
        >
          {name}
        </Link>
        <form action="/search" method="get" role="search" className="flex gap-2">
          <label htmlFor="minimal-search" className="sr-only">
            Search
          </label>
          <input
            id="minimal-search"
            name="q"
            type="search"
            className="min-h-11 border border-rule px-2"
          />
          <button type="submit" className="min-h-11 border border-ink px-4 font-semibold">
            Search
          </button>
        </form>
      </div>
    </header>
  );
}

import Link from "next/link";
import { KstTime } from "@/components/ui/KstTime";
import { DESK_STATES, deskHref, type DeskQuery } from "@/lib/newsroom/desk-query";
import type { DeskRow } from "./editor/types";
import { stateName } from "./state-names";

type Props = {
  query: DeskQuery;
  /** Whether "mine" is the default for this staff member (writers). */
  defaultMine: boolean;
  rows: DeskRow[];
  hasMore: boolean;
  total: number;
  sections: { id: number; name: string }[];
};

const TAB_NAMES: Record<DeskQuery["state"], string> = {
  draft: "Drafts",
  review: "In review",
  scheduled: "Scheduled",
  published: "Published",
  withdrawn: "Withdrawn",
};

const FIELD =
  "min-h-11 w-full rounded border border-muted bg-paper px-3 text-base text-ink focus-visible:outline-3";
const LABEL = "mb-1 block text-sm font-semibold";

/**
 * The story desk (issue 17, "A story desk"): tabs Drafts / In review / Scheduled / Published /
 * Withdrawn, a GET filter form (section, author, words in the headline, newest or oldest first,
 * mine or all), a table of stories (headline linking to the editor, section, bylines, last
 * update in KST, state, a "pending changes" marker) and paging links. Works without JavaScript.
 */
export function StoryDesk({ query, defaultMine, rows, hasMore, total, sections }: Props) {
  const href = (patch: Partial<DeskQuery>) => deskHref({ ...query, ...patch }, defaultMine);
  return (
    <div>
      <nav aria-label="Story states" className="border-b border-rule">
        <ul className="flex flex-wrap gap-x-1">
          {DESK_STATES.map((state) => {
            const current = state === query.state;
            return (
              <li key={state}>
                <Link
                  href={href({ state, page: 1 })}
                  aria-current={current ? "page" : undefined}
                  className={`inline-block min-h-11 px-3 py-3 font-semibold hover:underline ${
                    current ? "border-b-4 border-accent" : "text-muted"
                  }`}
                >
                  {TAB_NAMES[state]}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <form
        method="get"
        action="/newsroom"
        aria-label="Filter stories"
        className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
      >
        <input type="hidden" name="state" value={query.state} />
        <div className="lg:col-span-2">
          <label htmlFor="desk-words" className={LABEL}>
            Words in the headline
          </label>
          <input
            id="desk-words"
            name="words"
            type="search"
            defaultValue={query.words ?? ""}
            className={FIELD}
          />
        </div>
        <div>
          <label htmlFor="desk-section" className={LABEL}>
            Section
          </label>
          <select
            id="desk-section"
            name="section"
            defaultValue={query.section ?? ""}
            className={FIELD}
          >
            <option value="">All sections</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="desk-author" className={LABEL}>
            Author
          </label>
          <input
            id="desk-author"
            name="author"
            type="text"
            defaultValue={query.author ?? ""}
            className={FIELD}
          />
        </div>
        <div>
          <label htmlFor="desk-sort" className={LABEL}>
            Order
          </label>
          <select id="desk-sort" name="sort" defaultValue={query.sort} className={FIELD}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </div>
        <div>
          <label htmlFor="desk-show" className={LABEL}>
            Show
          </label>
          <select
            id="desk-show"
            name="show"
            defaultValue={query.mine ? "mine" : "all"}
            className={FIELD}
          >
            <option value="mine">My stories</option>
            <option value="all">All stories</option>
          </select>
        </div>
        <div className="sm:col-span-2 lg:col-span-6">
          <button
            type="submit"
            className="min-h-11 rounded bg-accent px-5 font-semibold text-accent-ink hover:underline"
          >
            Filter
          </button>
        </div>
      </form>
      <p className="mt-4 text-sm text-muted" role="status">
        {total === 1 ? "1 story" : `${total} stories`}
      </p>
      {rows.length === 0 ? (
        <p className="mt-4">No stories here.</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">
              {TAB_NAMES[query.state]}: {query.sort} first, page {query.page}
            </caption>
            <thead>
              <tr className="border-b border-rule">
                <th scope="col" className="py-2 pr-3">
                  Headline
                </th>
                <th scope="col" className="py-2 pr-3">
                  Section
                </th>
                <th scope="col" className="py-2 pr-3">
                  Byline
                </th>
                <th scope="col" className="py-2 pr-3">
                  Updated (KST)
                </th>
                <th scope="col" className="py-2">
                  State
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-rule align-top">
                  <td className="py-2 pr-3">
                    <Link
                      href={`/newsroom/stories/${row.id}`}
                      className="headline inline-block min-h-6 text-base hover:underline"
                    >
                      {row.headline.trim() || `Untitled story ${row.id}`}
                    </Link>
                  </td>
                  <td className="py-2 pr-3">{row.sectionName ?? "—"}</td>
                  <td className="py-2 pr-3">{row.authorNames.join(", ") || "—"}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    <KstTime iso={row.updatedAt} />
                  </td>
                  <td className="py-2">
                    {stateName(row.state)}
                    {row.hasPendingChanges ? (
                      <span className="mt-1 block text-xs font-semibold text-kicker">
                        Pending changes
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {query.page > 1 || hasMore ? (
        <nav aria-label="Pages" className="mt-4 flex gap-3">
          {query.page > 1 ? (
            <Link href={href({ page: query.page - 1 })} rel="prev" className="pill">
              Previous page
            </Link>
          ) : null}
          {hasMore ? (
            <Link href={href({ page: query.page + 1 })} rel="next" className="pill">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

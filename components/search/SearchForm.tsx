import type { SectionNode } from "@/lib/domain";

type Props = {
  query: string;
  section: string | null;
  from: string | null;
  to: string | null;
  sections: SectionNode[];
};

const FIELD =
  "min-h-11 w-full rounded border border-muted bg-paper px-3 text-base text-ink focus-visible:outline-3";
const LABEL = "mb-1 block text-sm font-semibold";

/**
 * The full search form of the results page: words, section and date range, as a plain GET form
 * to /search (works without JavaScript). Dates are `<input type="date">` (YYYY-MM-DD, read as KST
 * days); an empty field means "no limit".
 */
export function SearchForm({ query, section, from, to, sections }: Props) {
  return (
    <form action="/search" method="get" role="search" aria-label="Search articles" className="mt-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1">
          <label htmlFor="search-q" className={LABEL}>
            Search for
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={query}
            autoComplete="off"
            enterKeyHint="search"
            className={FIELD}
          />
        </div>
        <button
          type="submit"
          className="min-h-11 rounded bg-accent px-5 font-semibold text-accent-ink hover:underline"
        >
          Search
        </button>
      </div>
      <fieldset className="mt-4 grid gap-3 sm:grid-cols-3">
        <legend className="sr-only">Narrow the results</legend>
        <div>
          <label htmlFor="search-section" className={LABEL}>
            Section
          </label>
          <select id="search-section" name="section" defaultValue={section ?? ""} className={FIELD}>
            <option value="">All sections</option>
            {sections.map((top) => [
              <option key={top.id} value={top.path.slice(1)}>
                {top.name}
              </option>,
              ...top.children.map((child) => (
                <option key={child.id} value={child.path.slice(1)}>
                  {`${top.name} › ${child.name}`}
                </option>
              )),
            ])}
          </select>
        </div>
        <DateField name="from" label="From" value={from} />
        <DateField name="to" label="To" value={to} />
      </fieldset>
    </form>
  );
}

/** A labelled date field (a KST day, YYYY-MM-DD) of the form; empty means "no limit". */
function DateField({
  name,
  label,
  value,
}: {
  name: "from" | "to";
  label: string;
  value: string | null;
}) {
  return (
    <div>
      <label htmlFor={`search-${name}`} className={LABEL}>
        {label} <span className="font-normal text-muted">(KST)</span>
      </label>
      <input
        id={`search-${name}`}
        name={name}
        type="date"
        min="1900-01-01"
        max="2100-12-31"
        defaultValue={value ?? ""}
        className={FIELD}
      />
    </div>
  );
}

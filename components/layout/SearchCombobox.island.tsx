"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { formatKstDate } from "@/lib/format/date";
import type { Suggestion } from "@/lib/search/types";
import { Highlighted } from "../search/Highlighted";

/** Wait this long after the last keystroke before asking for suggestions. */
export const SUGGEST_DEBOUNCE_MS = 200;
const MIN_CHARS = 2;

async function fetchSuggestions(q: string, signal: AbortSignal): Promise<Suggestion[]> {
  const response = await fetch(`/api/search/suggest?q=${encodeURIComponent(q)}`, {
    headers: { accept: "application/json" },
    signal,
  });
  if (!response.ok) throw new Error(`suggestions answered ${response.status}`);
  return ((await response.json()) as { suggestions: Suggestion[] }).suggestions;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The header's search box: a plain GET form to /search (so it works without JavaScript), which
 * this island turns into a WAI-ARIA 1.2 combobox with a listbox of suggestions (stories whose
 * headline matches), fetched through TanStack Query 200 ms after typing stops.
 * Keyboard: ArrowDown/ArrowUp move through the suggestions (opening the list), Enter opens the
 * highlighted story or, with none highlighted, submits the search; Escape closes the list, or
 * clears the box when it is already closed. Focus stays in the box throughout
 * (aria-activedescendant); a polite live region says how many suggestions there are.
 * The box is `<input type="text">`, not `type="search"`: HTML allows role="combobox" (and so
 * aria-expanded) on a text input but not on a search input (ARIA in HTML, "input type=search"),
 * so the Nu Html Checker rejects the latter. `inputMode` and `enterKeyHint` keep the phone's
 * search keyboard, and the form's role="search" keeps the search landmark.
 */
export function SearchCombobox() {
  const id = useId();
  const inputId = `${id}-q`;
  const listId = `${id}-list`;
  const router = useRouter();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebounced(text.trim(), SUGGEST_DEBOUNCE_MS);
  const enabled = [...q].length >= MIN_CHARS;
  const { data, isPlaceholderData } = useQuery({
    queryKey: ["search-suggest", q],
    queryFn: ({ signal }) => fetchSuggestions(q, signal),
    enabled,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
  const suggestions = enabled && [...text.trim()].length >= MIN_CHARS ? (data ?? []) : [];
  const expanded = open && suggestions.length > 0;
  // While the box holds newer text than the list (debounce, or the previous list kept on screen
  // until the new one arrives), the list can be read but not chosen from.
  const selectable = !isPlaceholderData && q === text.trim();
  const activeIndex = selectable && active < suggestions.length ? active : -1;

  const go = (suggestion: Suggestion) => {
    setOpen(false);
    router.push(suggestion.path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (suggestions.length === 0 || !selectable) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      const n = suggestions.length;
      setOpen(true);
      // From the box, Down goes to the first and Up to the last; then they wrap around.
      setActive((i) => (!expanded || i < 0 ? (step === 1 ? 0 : n - 1) : (i + step + n) % n));
    } else if (event.key === "Enter") {
      const chosen = expanded && activeIndex >= 0 ? suggestions[activeIndex] : undefined;
      if (chosen) {
        event.preventDefault();
        go(chosen);
      }
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text !== "") {
        event.preventDefault();
        setText("");
      }
    }
  };

  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label="Site search"
      className="relative flex min-w-0 flex-1 items-center justify-end gap-1 py-1.5 sm:flex-none"
      onSubmit={() => setOpen(false)}
    >
      <label htmlFor={inputId} className="sr-only">
        Search stories
      </label>
      <input
        id={inputId}
        name="q"
        type="text"
        inputMode="search"
        placeholder="Search"
        autoComplete="off"
        enterKeyHint="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={
          expanded && activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined
        }
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1); // a new list starts with nothing highlighted
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => setOpen(true)}
        className="min-h-10 w-full min-w-0 rounded border border-muted bg-paper px-2 text-base text-ink placeholder:text-muted sm:w-56 lg:w-48"
      />
      <button
        type="submit"
        className="min-h-10 shrink-0 rounded bg-accent px-3 text-sm font-semibold text-accent-ink hover:underline"
      >
        Search
      </button>
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggested stories"
        hidden={!expanded}
        className="absolute top-full right-0 z-50 mt-1 max-h-[70vh] w-[min(28rem,calc(100vw-1rem))] overflow-y-auto rounded border border-rule bg-paper py-1 text-left shadow-lg"
      >
        {suggestions.map((s, i) => (
          <li
            key={s.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === activeIndex}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              go(s);
            }}
            onMouseMove={() => setActive(i)}
            className={`min-h-11 cursor-pointer px-3 py-2 ${i === activeIndex ? "bg-rule/60 outline-2 -outline-offset-2 outline-accent" : ""}`}
          >
            <span className="block font-serif leading-snug">
              <Highlighted parts={s.headlineParts} />
            </span>
            <span className="block text-xs text-muted">
              {s.section} · {formatKstDate(s.publishedAt)}
            </span>
          </li>
        ))}
      </ul>
      <p aria-live="polite" aria-atomic="true" className="sr-only">
        {expanded
          ? `${suggestions.length} suggested ${suggestions.length === 1 ? "story" : "stories"}. Use the arrow keys to choose.`
          : ""}
      </p>
    </form>
  );
}

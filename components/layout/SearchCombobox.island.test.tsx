import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, test, vi, type Mock } from "vitest";
import type { Suggestion } from "@/lib/search/types";
import { SearchCombobox, SUGGEST_DEBOUNCE_MS } from "./SearchCombobox.island";

const router = vi.hoisted(() => ({ push: vi.fn() }));
vi.mock("next/navigation", () => ({ useRouter: () => router }));

/** A suggestion whose headline starts with the matched word "Korea". */
function suggestion(id: number, rest: string): Suggestion {
  return {
    id,
    path: `/article/${id}/story-${id}`,
    headline: `Korea${rest}`,
    headlineParts: [
      { text: "Korea", match: true },
      { text: rest, match: false },
    ],
    // 20:30 UTC on the 15th is 05:30 KST on the 16th.
    publishedAt: "2021-09-15T20:30:00.000Z",
    section: "National",
  };
}

const THREE = [
  suggestion(1, " summit opens"),
  suggestion(2, " trade talks"),
  suggestion(3, " wins"),
];

let fetchMock: Mock<typeof fetch>;
let suggestions: Suggestion[];

beforeEach(() => {
  router.push.mockReset();
  suggestions = THREE;
  fetchMock = vi.fn<typeof fetch>(
    async () => ({ ok: true, json: async () => ({ suggestions }) }) as Response,
  );
  vi.stubGlobal("fetch", fetchMock);
});

/** Renders the box in a fresh QueryClient and focuses nothing yet. */
function renderBox(options?: Parameters<typeof userEvent.setup>[0]) {
  const user = userEvent.setup(options);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <SearchCombobox />
    </QueryClientProvider>,
  );
  const form = screen.getByRole("search", { name: "Site search" }) as HTMLFormElement;
  const submitted = vi.fn((event: SubmitEvent) => event.preventDefault());
  form.addEventListener("submit", submitted);
  const input = screen.getByRole("combobox", { name: "Search stories" });
  // The list the box controls (hidden, and so out of the accessibility tree, until it opens).
  const listbox = document.getElementById(input.getAttribute("aria-controls") ?? "")!;
  expect(listbox).toHaveAttribute("role", "listbox");
  expect(listbox).toHaveAttribute("aria-label", "Suggested stories");
  return { user, form, input, listbox, submitted };
}

/** Types `text` into the box and waits for the suggestions to be listed. */
async function typeAndList(text = "ko") {
  const box = renderBox();
  await box.user.type(box.input, text);
  const options = await screen.findAllByRole("option");
  expect(box.input).toHaveAttribute("aria-expanded", "true");
  return { ...box, options };
}

/** Waits out the debounce (and a margin), for tests that expect no request. */
const afterDebounce = () =>
  new Promise((resolve) => setTimeout(resolve, SUGGEST_DEBOUNCE_MS + 100));

describe("SearchCombobox: the form and the request", () => {
  test("is a GET form to /search with a collapsed combobox before anything is typed", () => {
    const { form, input, listbox } = renderBox();
    expect(form).toHaveAttribute("action", "/search");
    expect(form).toHaveAttribute("method", "get");
    expect(input).toHaveAttribute("name", "q");
    // type="text": HTML allows role="combobox" there but not on type="search"; the phone still
    // shows its search keyboard.
    expect(input).toHaveAttribute("type", "text");
    expect(input).toHaveAttribute("inputmode", "search");
    expect(input).toHaveAttribute("enterkeyhint", "search");
    expect(input).toHaveAttribute("aria-autocomplete", "list");
    expect(input).toHaveAttribute("aria-expanded", "false");
    expect(input).not.toHaveAttribute("aria-activedescendant");
    expect(listbox).not.toBeVisible();
  });

  test.each([
    { typed: "ko", url: "/api/search/suggest?q=ko" },
    { typed: "  ko  ", url: "/api/search/suggest?q=ko" },
    { typed: "Seoul & Busan?", url: "/api/search/suggest?q=Seoul%20%26%20Busan%3F" },
    { typed: "한국", url: "/api/search/suggest?q=%ED%95%9C%EA%B5%AD" },
  ])("asks for suggestions for $typed once typing stops: $url", async ({ typed, url }) => {
    const { user, input } = renderBox();
    await user.type(input, typed);
    expect(await screen.findAllByRole("option")).toHaveLength(3);
    expect(fetchMock).toHaveBeenCalledOnce();
    const [requested, init] = fetchMock.mock.calls[0]!;
    expect(requested).toBe(url);
    expect(init?.headers).toEqual({ accept: "application/json" });
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  test("waits until typing has paused for 200 ms, then asks once for the whole text", async () => {
    // Fake clock, and fireEvent rather than user-event (whose waits need a real clock).
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { input } = renderBox();
    for (const text of ["ko", "kor", "kore", "korea"]) {
      fireEvent.change(input, { target: { value: text } });
      await act(() => vi.advanceTimersByTimeAsync(SUGGEST_DEBOUNCE_MS - 1));
      expect(fetchMock).not.toHaveBeenCalled();
    }
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(fetchMock.mock.calls[0]![0]).toBe("/api/search/suggest?q=korea");
  });

  test.each(["k", "  k ", "한", "😀"])("asks nothing for one character (%j)", async (typed) => {
    const { user, input } = renderBox();
    await user.type(input, typed);
    await afterDebounce();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(input).toHaveAttribute("aria-expanded", "false");
  });

  test("renders each suggestion with its matches in <mark>, its section and KST date", async () => {
    const { options } = await typeAndList();
    expect(options.map((o) => o.textContent)).toEqual(
      THREE.map((s) => `${s.headline}National · Sept 16, 2021`),
    );
    const marks = options[0]!.querySelectorAll("mark");
    expect([...marks].map((m) => m.textContent)).toEqual(["Korea"]);
    expect(options[0]).toHaveTextContent("Korea summit opens");
  });

  test.each([
    [3, "3 suggested stories. Use the arrow keys to choose."],
    [1, "1 suggested story. Use the arrow keys to choose."],
  ])("announces %i suggestion(s) politely", async (count, message) => {
    suggestions = THREE.slice(0, count);
    await typeAndList();
    expect(screen.getByText(message)).toHaveAttribute("aria-live", "polite");
  });

  test("shows no list when nothing matches", async () => {
    suggestions = [];
    const { user, input } = renderBox();
    await user.type(input, "zz");
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledOnce());
    await afterDebounce();
    expect(input).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryAllByRole("option")).toHaveLength(0);
  });
});

describe("SearchCombobox: keyboard", () => {
  test.each([
    { keys: "{ArrowDown}", active: 0, which: "first" },
    { keys: "{ArrowDown}{ArrowDown}", active: 1, which: "second" },
    { keys: "{ArrowDown}{ArrowDown}{ArrowDown}", active: 2, which: "third" },
    { keys: "{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}", active: 0, which: "first" },
    { keys: "{ArrowUp}", active: 2, which: "third" },
    { keys: "{ArrowUp}{ArrowUp}", active: 1, which: "second" },
    { keys: "{ArrowDown}{ArrowUp}", active: 2, which: "third" },
    { keys: "{ArrowDown}{ArrowDown}{ArrowUp}", active: 0, which: "first" },
  ])("$keys makes the $which option active, focus staying in the box", async ({ keys, active }) => {
    const { user, input, options } = await typeAndList();
    await user.keyboard(keys);
    expect(input).toHaveFocus();
    expect(input).toHaveAttribute("aria-activedescendant", options[active]!.id);
    expect(options.map((o) => o.getAttribute("aria-selected"))).toEqual(
      options.map((_, i) => String(i === active)),
    );
  });

  test("Enter opens the active suggestion instead of submitting the form", async () => {
    const { user, input, submitted } = await typeAndList();
    await user.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    expect(router.push).toHaveBeenCalledExactlyOnceWith(THREE[1]!.path);
    expect(submitted).not.toHaveBeenCalled();
    expect(input).toHaveAttribute("aria-expanded", "false");
  });

  test("Enter with no suggestion active submits the search", async () => {
    const { user, input, submitted } = await typeAndList();
    await user.keyboard("{Enter}");
    expect(submitted).toHaveBeenCalledOnce();
    expect(router.push).not.toHaveBeenCalled();
    expect(input).toHaveAttribute("aria-expanded", "false");
  });

  test("Escape closes the list, keeping the text; a second Escape clears the box", async () => {
    const { user, input, listbox } = await typeAndList();
    await user.keyboard("{ArrowDown}{Escape}");
    expect(input).toHaveAttribute("aria-expanded", "false");
    expect(input).not.toHaveAttribute("aria-activedescendant");
    expect(listbox).not.toBeVisible();
    expect(input).toHaveValue("ko");
    await user.keyboard("{Escape}");
    expect(input).toHaveValue("");
    expect(input).toHaveFocus();
  });

  test("ArrowDown reopens a list closed with Escape, at the first suggestion", async () => {
    const { user, input, options } = await typeAndList();
    await user.keyboard("{ArrowDown}{ArrowDown}{Escape}{ArrowDown}");
    expect(input).toHaveAttribute("aria-expanded", "true");
    expect(input).toHaveAttribute("aria-activedescendant", options[0]!.id);
  });

  test("a list older than the text can be read but not chosen from", async () => {
    const { user, input } = await typeAndList();
    fetchMock.mockImplementation(() => new Promise<Response>(() => {})); // the new list never comes
    await user.type(input, "r");
    await afterDebounce();
    expect(screen.getAllByRole("option")).toHaveLength(3); // still on screen
    await user.keyboard("{ArrowDown}{Enter}");
    expect(input).not.toHaveAttribute("aria-activedescendant");
    expect(router.push).not.toHaveBeenCalled();
  });

  test("typing again starts the new list with nothing active", async () => {
    const { user, input } = await typeAndList();
    await user.keyboard("{ArrowDown}");
    await user.type(input, "r");
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    await afterDebounce();
    expect(input).toHaveAttribute("aria-expanded", "true");
    expect(input).not.toHaveAttribute("aria-activedescendant");
  });
});

describe("SearchCombobox: pointer and focus", () => {
  test("pressing a suggestion opens it", async () => {
    const { user, options } = await typeAndList();
    await user.pointer({ keys: "[MouseLeft>]", target: options[2]! });
    expect(router.push).toHaveBeenCalledExactlyOnceWith(THREE[2]!.path);
  });

  test("hovering a suggestion makes it active", async () => {
    const { user, input, options } = await typeAndList();
    await user.hover(within(options[1]!).getByText("National · Sept 16, 2021"));
    expect(input).toHaveAttribute("aria-activedescendant", options[1]!.id);
  });

  test("leaving the box closes the list; coming back reopens it", async () => {
    const { user, input } = await typeAndList();
    await user.tab(); // to the Search button
    expect(input).toHaveAttribute("aria-expanded", "false");
    await user.click(input);
    expect(input).toHaveAttribute("aria-expanded", "true");
  });
});

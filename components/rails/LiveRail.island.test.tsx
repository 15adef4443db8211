import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi, type Mock } from "vitest";
import type { Rail, RailItem } from "@/lib/domain";
import { RAIL_REFRESH_MS, RAILS, railQueryKey, type RailSpec } from "@/lib/rails";
import { LiveRail } from "./LiveRail.island";

let fetchMock: Mock<typeof fetch>;

beforeEach(() => {
  fetchMock = vi.fn<typeof fetch>();
  vi.stubGlobal("fetch", fetchMock);
});

afterEach(() => {
  // Back to jsdom's own getter ("visible").
  delete (document as unknown as Record<string, unknown>).visibilityState;
});

/** A rail story published at 03:04 UTC (12:04 KST). */
function story(id: number, headline: string): RailItem {
  return {
    id,
    path: `/article/${id}/story-${id}`,
    headline,
    publishedAt: "2024-05-01T03:04:00.000Z",
    views: null,
  };
}

const SERVER_RAIL: Rail = {
  items: [story(1, "First story"), story(2, "Second story")],
  window: "24h",
};
const FRESH_RAIL: Rail = { items: [story(3, "Fresher story")], window: "24h" };

/** A JSON answer of the rail route. */
function answer(body: unknown, status = 200) {
  return { ok: status >= 200 && status < 300, status, json: async () => body } as Response;
}

/**
 * Renders the rail inside its own QueryClient (no retries, so a failure shows at once), with
 * `initial` in the cache as RailsAside's HydrationBoundary puts it there from the server.
 */
function renderRail(spec: RailSpec, initial?: Rail) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  if (initial) client.setQueryData(railQueryKey(spec.key), initial);
  render(
    <QueryClientProvider client={client}>
      <LiveRail rail={spec} />
    </QueryClientProvider>,
  );
  const state = () => client.getQueryState(railQueryKey(spec.key))!;
  return { rail: screen.getByRole("region", { name: spec.title }), state };
}

/**
 * Fakes only the interval clock that drives the refresh; promises and React's updates run for
 * real, so the tests can await what the refresh renders.
 */
function fakeRefreshClock() {
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
}

/** Lets `ms` of the refresh clock pass. */
function elapse(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

describe("LiveRail", () => {
  test.each([
    { spec: RAILS.mostPopular, list: "OL", marker: ["1", "2"] },
    { spec: RAILS.latest, list: "UL", marker: ["12:04", "12:04"] },
  ])(
    "$spec.title shows the server's stories at once, without a fetch",
    ({ spec, list, marker }) => {
      const { rail } = renderRail(spec, SERVER_RAIL);
      expect(within(rail).getByRole("heading", { level: 2 })).toHaveAttribute(
        "id",
        `rail-${spec.key}`,
      );
      const links = within(rail).getAllByRole("link");
      expect(links.map((a) => [a.textContent, a.getAttribute("href")])).toEqual(
        SERVER_RAIL.items.map((item) => [item.headline, item.path]),
      );
      expect(links[0]!.closest("ol, ul")!.tagName).toBe(list);
      const markers = [...rail.querySelectorAll(".rail-rank, .rail-time")].map(
        (m) => m.textContent,
      );
      expect(markers).toEqual(marker);
      expect(fetchMock).not.toHaveBeenCalled();
    },
  );

  test.each([RAILS.mostPopular, RAILS.latest])(
    "$title refreshes from $endpoint every minute and shows the new stories",
    async (spec) => {
      fakeRefreshClock();
      fetchMock.mockResolvedValue(answer(FRESH_RAIL));
      const { rail } = renderRail(spec, SERVER_RAIL);
      elapse(RAIL_REFRESH_MS - 1);
      expect(fetchMock).not.toHaveBeenCalled();
      elapse(1);
      expect(fetchMock).toHaveBeenCalledExactlyOnceWith(spec.endpoint, {
        headers: { accept: "application/json" },
      });
      expect(await within(rail).findByRole("link", { name: "Fresher story" })).toBeInTheDocument();
      expect(within(rail).queryByRole("link", { name: "First story" })).not.toBeInTheDocument();
      elapse(RAIL_REFRESH_MS);
      expect(fetchMock).toHaveBeenCalledTimes(2);
    },
  );

  test.each([
    ["answers 503", () => Promise.resolve(answer({ error: "unavailable" }, 503))],
    ["cannot be reached", () => Promise.reject(new TypeError("Failed to fetch"))],
  ])("keeps the last stories when the refresh %s", async (_, failure) => {
    fakeRefreshClock();
    fetchMock.mockImplementation(failure);
    const { rail, state } = renderRail(RAILS.latest, SERVER_RAIL);
    elapse(RAIL_REFRESH_MS);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(state().errorUpdateCount).toBe(1));
    expect(
      within(rail)
        .getAllByRole("link")
        .map((a) => a.textContent),
    ).toEqual(["First story", "Second story"]);
    expect(within(rail).queryByText("No stories yet.")).not.toBeInTheDocument();
  });

  test("does not refresh while the tab is in the background", async () => {
    fakeRefreshClock();
    fetchMock.mockResolvedValue(answer(FRESH_RAIL));
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    const { rail } = renderRail(RAILS.latest, SERVER_RAIL);
    elapse(3 * RAIL_REFRESH_MS);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(within(rail).getByRole("link", { name: "First story" })).toBeInTheDocument();
  });

  test("without server data it says it is loading, then shows what it fetched", async () => {
    fetchMock.mockResolvedValue(answer(SERVER_RAIL));
    const { rail } = renderRail(RAILS.latest);
    expect(within(rail).getByRole("status")).toHaveTextContent("Loading…");
    expect(await within(rail).findByRole("link", { name: "First story" })).toBeInTheDocument();
    expect(within(rail).queryByRole("status")).not.toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledExactlyOnceWith(RAILS.latest.endpoint, {
      headers: { accept: "application/json" },
    });
  });

  test("without server data a failed load ends the loading message", async () => {
    fetchMock.mockResolvedValue(answer({ error: "unavailable" }, 500));
    const { rail } = renderRail(RAILS.mostPopular);
    expect(await within(rail).findByText("No stories yet.")).toBeInTheDocument();
    expect(within(rail).queryByRole("status")).not.toBeInTheDocument();
  });
});

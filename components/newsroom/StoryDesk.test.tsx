import { render, screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { parseDeskQuery } from "@/lib/newsroom/desk-query";
import type { DeskRow } from "./editor/types";
import { StoryDesk } from "./StoryDesk";

const row = (over: Partial<DeskRow> = {}): DeskRow => ({
  id: 12,
  headline: "Rain <b>in</b> Seoul",
  state: "published",
  sectionName: "National",
  authorNames: ["Kim Min-ji", "Yonhap"],
  ownerId: "u1",
  updatedAt: "2026-05-01T15:30:00.000Z",
  publishedAt: "2026-05-01T15:00:00.000Z",
  hasPendingChanges: true,
  ...over,
});

describe("StoryDesk", () => {
  test("tabs, a row per story linking to its editor, KST times and the pending marker", () => {
    const query = parseDeskQuery({ state: "published", words: "rain" }, true);
    render(
      <StoryDesk
        query={query}
        defaultMine
        rows={[row()]}
        hasMore={false}
        total={1}
        sections={[{ id: 1, name: "National" }]}
      />,
    );
    const tabs = screen.getByRole("navigation", { name: "Story states" });
    expect(within(tabs).getByRole("link", { name: "Published" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    expect(within(tabs).getByRole("link", { name: "In review" })).toHaveAttribute(
      "href",
      "/newsroom?state=review&words=rain",
    );
    // Hostile text is text.
    const link = screen.getByRole("link", { name: "Rain <b>in</b> Seoul" });
    expect(link).toHaveAttribute("href", "/newsroom/stories/12");
    const cells = within(link.closest("tr")!).getAllByRole("cell");
    expect(cells.map((c) => c.textContent)).toEqual([
      "Rain <b>in</b> Seoul",
      "National",
      "Kim Min-ji, Yonhap",
      "May 2, 2026 - 00:30",
      "PublishedPending changes",
    ]);
    expect(screen.getByLabelText("Words in the headline")).toHaveValue("rain");
    expect(screen.queryByRole("navigation", { name: "Pages" })).toBeNull();
  });

  test("paging links keep the filters", () => {
    const query = parseDeskQuery({ state: "review", page: "2", show: "all" }, true);
    render(
      <StoryDesk
        query={query}
        defaultMine
        rows={[row({ headline: "" })]}
        hasMore
        total={41}
        sections={[]}
      />,
    );
    const pages = screen.getByRole("navigation", { name: "Pages" });
    expect(within(pages).getByRole("link", { name: "Previous page" })).toHaveAttribute(
      "href",
      "/newsroom?state=review&show=all",
    );
    expect(within(pages).getByRole("link", { name: "Next page" })).toHaveAttribute(
      "href",
      "/newsroom?state=review&show=all&page=3",
    );
    expect(screen.getByRole("link", { name: "Untitled story 12" })).toBeInTheDocument();
    expect(screen.getByText("41 stories")).toBeInTheDocument();
  });
});

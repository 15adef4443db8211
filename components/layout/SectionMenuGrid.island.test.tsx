import { render, screen, within } from "@testing-library/react";
import type { ComponentProps } from "react";
import { describe, expect, test, vi } from "vitest";
import { SectionMenuGrid, type MenuSection } from "./SectionMenuGrid.island";

// next/link as a plain anchor that shows the `prefetch` it was given (the real one needs a router).
vi.mock("next/link", async () => {
  const { createElement } = await import("react");
  type LinkProps = ComponentProps<"a"> & { href: string; prefetch?: boolean | null };
  return {
    default: ({ prefetch, ...props }: LinkProps) =>
      createElement("a", { ...props, "data-prefetch": String(prefetch) }),
  };
});

const SECTIONS: MenuSection[] = [
  {
    name: "National",
    path: "/national",
    children: [
      { name: "Politics", path: "/national/politics" },
      { name: "North Korea", path: "/national/north-korea" },
    ],
  },
  { name: "Opinion", path: "/opinion", children: [] },
  {
    name: "World",
    path: "/world",
    children: [{ name: "World News", path: "/world/world-news" }],
  },
];

/** The grid's top-level list items, in order. */
function topItems(container: HTMLElement) {
  const grid = container.querySelector("ul")!;
  return [...grid.children] as HTMLElement[];
}

describe("SectionMenuGrid", () => {
  test("lists every top-level section once, in the order given", () => {
    const { container } = render(<SectionMenuGrid sections={SECTIONS} />);
    const names = topItems(container).map((li) => li.querySelector(".menu-top")?.textContent);
    expect(names).toEqual(["National", "Opinion", "World"]);
  });

  test.each(SECTIONS.map((section, index) => [section.name, index, section] as const))(
    "%s: links the section and exactly its subsections, in order",
    (_, index, section) => {
      const { container } = render(<SectionMenuGrid sections={SECTIONS} />);
      const item = within(topItems(container)[index]!);
      expect(item.getByRole("link", { name: section.name })).toHaveAttribute("href", section.path);
      const sub = item.queryAllByRole("link").filter((a) => a.classList.contains("menu-sub"));
      expect(sub.map((a) => [a.textContent, a.getAttribute("href")])).toEqual(
        section.children.map((child) => [child.name, child.path]),
      );
    },
  );

  test("turns prefetching off for every link (45 links would prefetch 45 pages)", () => {
    render(<SectionMenuGrid sections={SECTIONS} />);
    const links = screen.getAllByRole("link");
    expect(links).toHaveLength(6);
    for (const link of links) expect(link).toHaveAttribute("data-prefetch", "false");
  });

  test("renders an empty grid without sections", () => {
    const { container } = render(<SectionMenuGrid sections={[]} />);
    expect(topItems(container)).toHaveLength(0);
    expect(screen.queryAllByRole("link")).toHaveLength(0);
  });
});

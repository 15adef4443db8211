import { render, screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import type { BodyBlock } from "@/lib/domain";
import { ArticleBody } from "./ArticleBody";

const HOSTILE = `"><img src=x onerror="alert(1)"><script>alert(2)</script>`;

const body: BodyBlock[] = [
  {
    type: "paragraph",
    text: `Rain ${HOSTILE} fell on Seoul, says desk.`,
    runs: [
      { text: "Rain ", bold: true },
      { text: HOSTILE, italic: true },
      { text: " fell on " },
      { text: "Seoul", href: "https://example.org/seoul" },
      { text: ", says " },
      { text: "desk", href: "mailto:desk@herald.example" },
      { text: "." },
    ],
  },
  { type: "heading", text: `Sub ${HOSTILE}` },
  { type: "quote", text: "It will pass.", runs: [{ text: "It will pass.", bold: true }] },
  { type: "list", ordered: false, items: [{ text: "Umbrellas" }, { text: "Boots" }] },
  {
    type: "list",
    ordered: true,
    items: [
      { text: "First" },
      { text: "Own", runs: [{ text: "Own", href: "http://localhost:3000/national" }] },
    ],
  },
  {
    type: "photo",
    imageId: 4,
    alt: `Alt ${HOSTILE}`,
    caption: `<img src=x onerror=alert(3)> Gangnam at noon`,
    credit: "Kim / Herald",
    src: "/images/photos/gangnam.jpg",
    width: 1200,
    height: 800,
  },
  // An image that was not found on read: no src, left out.
  { type: "photo", imageId: 5, alt: "gone", caption: "Missing photo", credit: "x" },
];

describe("ArticleBody", () => {
  test("renders every block type as elements, hostile text as text", () => {
    const { container } = render(<ArticleBody blocks={body} />);
    const root = container.querySelector("[data-article-body]")!;
    // Nothing hostile became an element.
    expect(root.querySelectorAll("script")).toHaveLength(0);
    expect(root.querySelectorAll("img")).toHaveLength(1);
    expect(root.querySelector("[onerror]")).toBeNull();

    const paragraph = root.querySelector("p")!;
    expect(paragraph.textContent).toBe(`Rain ${HOSTILE} fell on Seoul, says desk.`);
    expect(within(paragraph).getByText("Rain").tagName).toBe("STRONG");
    expect(within(paragraph).getByText(HOSTILE).tagName).toBe("EM");

    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent(`Sub ${HOSTILE}`);
    expect(root.querySelector("blockquote strong")).toHaveTextContent("It will pass.");
    const [bulleted, numbered] = screen.getAllByRole("list");
    expect(bulleted!.tagName).toBe("UL");
    expect(
      within(bulleted!)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Umbrellas", "Boots"]);
    expect(numbered!.tagName).toBe("OL");

    const figure = root.querySelector("figure")!;
    expect(within(figure).getByRole("img")).toHaveAttribute("alt", `Alt ${HOSTILE}`);
    expect(figure.querySelector("figcaption")!.textContent).toBe(
      "<img src=x onerror=alert(3)> Gangnam at noon (Kim / Herald)",
    );
    expect(screen.queryByText("Missing photo")).toBeNull();
    expect(root.querySelectorAll("figure")).toHaveLength(1);
  });

  test("links: outside hosts nofollow noopener, this site and mailto plain", () => {
    render(<ArticleBody blocks={body} />);
    expect(screen.getByRole("link", { name: "Seoul" })).toHaveAttribute("rel", "nofollow noopener");
    expect(screen.getByRole("link", { name: "Seoul" })).not.toHaveAttribute("target");
    expect(screen.getByRole("link", { name: "desk" })).not.toHaveAttribute("rel");
    expect(screen.getByRole("link", { name: "Own" })).not.toHaveAttribute("rel");
  });

  test.each(["javascript:alert(1)", "data:text/html,<b>x</b>", "JAVASCRIPT:alert(1)", "/x"])(
    "prints a stored %j link as plain text, never as an href",
    (href) => {
      const { container } = render(
        <ArticleBody
          blocks={[{ type: "paragraph", text: "click me", runs: [{ text: "click me", href }] }]}
        />,
      );
      expect(container.querySelector("a")).toBeNull();
      expect(container.textContent).toBe("click me");
    },
  );

  test("renders today's {type, text} bodies as before", () => {
    const { container } = render(
      <ArticleBody
        blocks={[
          { type: "paragraph", text: "One." },
          { type: "heading", text: "Two" },
        ]}
      />,
    );
    expect(container.querySelector("[data-article-body]")!.innerHTML).toBe(
      '<p class="mb-5">One.</p><h2 class="mt-8 mb-3 font-sans text-xl font-bold">Two</h2>',
    );
  });
});

import { describe, expect, test } from "vitest";
import type { BodyBlock } from "../domain";
import { bodyBlocksSchema } from "./blocks";
import { blocksToTiptap, PHOTO_NODE, tiptapToBlocks } from "./tiptap";

const body: BodyBlock[] = [
  {
    type: "paragraph",
    text: "Rain fell on Seoul.",
    runs: [
      { text: "Rain", bold: true },
      { text: " fell on " },
      { text: "Seoul", bold: true, italic: true, href: "https://example.org/seoul" },
      { text: "." },
    ],
  },
  { type: "paragraph", text: "Plain words." },
  { type: "heading", text: "Next" },
  { type: "quote", text: "Line one\nline two" },
  {
    type: "list",
    ordered: false,
    items: [{ text: "a" }, { text: "b", runs: [{ text: "b", italic: true }] }],
  },
  { type: "list", ordered: true, items: [{ text: "first" }] },
  {
    type: "photo",
    imageId: 7,
    alt: "Alt",
    caption: "Cap",
    credit: "Cred",
    src: "/images/photos/x.jpg",
    width: 10,
    height: 5,
  },
];

const text = (t: string, marks?: unknown[]) => ({
  type: "text",
  text: t,
  ...(marks ? { marks } : {}),
});
const doc = (...content: unknown[]) => ({ type: "doc", content });
const p = (...content: unknown[]) => ({ type: "paragraph", content });

describe("blocks <-> Tiptap", () => {
  test("round-trips every block type", () => {
    expect(tiptapToBlocks(blocksToTiptap(body))).toEqual(body);
  });

  test("an empty body is one empty paragraph, and empty paragraphs are not blocks", () => {
    expect(blocksToTiptap([])).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(tiptapToBlocks(doc({ type: "paragraph" }, p(text("   "))))).toEqual([]);
  });

  test("the heading maps to a level-2 heading, photos to the photo node", () => {
    const tiptap = blocksToTiptap(body);
    expect(tiptap.content![2]).toEqual({
      type: "heading",
      attrs: { level: 2 },
      content: [{ type: "text", text: "Next" }],
    });
    expect(tiptap.content![6]!.type).toBe(PHOTO_NODE);
  });
});

describe("tiptapToBlocks with hostile input", () => {
  test.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    " javascript:alert(1)",
    "java\nscript:alert(1)",
  ])("drops the link %j and keeps its text", (href) => {
    const blocks = tiptapToBlocks(doc(p(text("click", [{ type: "link", attrs: { href } }]))));
    expect(blocks).toEqual([{ type: "paragraph", text: "click" }]);
  });

  test("unknown nodes and marks are dropped, their text kept, never HTML", () => {
    const blocks = tiptapToBlocks(
      doc(
        { type: "codeBlock", content: [text("<script>alert(1)</script>")] },
        { type: "table", content: [{ type: "tableRow", content: [p(text("cell"))] }] },
        p(
          text("x", [
            { type: "underline" },
            { type: "code" },
            { type: "textStyle", attrs: { style: "x" } },
          ]),
        ),
        { type: "horizontalRule" },
        { type: "iframe", attrs: { src: "https://evil.example" } },
        p(text("<img src=x onerror=alert(1)>")),
      ),
    );
    expect(blocks).toEqual([
      { type: "paragraph", text: "cell" },
      { type: "paragraph", text: "x" },
      { type: "paragraph", text: "<img src=x onerror=alert(1)>" },
    ]);
    expect(bodyBlocksSchema.safeParse(blocks).success).toBe(true);
  });

  test("garbage, not a document, and malformed nodes give no blocks and never throw", () => {
    for (const value of [
      null,
      42,
      "doc",
      [],
      { type: 1 },
      { content: "x" },
      doc(null, 7, { type: "paragraph", content: "x" }),
    ])
      expect(tiptapToBlocks(value)).toEqual([]);
  });

  test("control characters are removed; a deeply nested document does not overflow", () => {
    expect(tiptapToBlocks(doc(p(text("a\u0000b\u0007c"))))).toEqual([
      { type: "paragraph", text: "abc" },
    ]);
    let node: unknown = p(text("deep"));
    for (let i = 0; i < 10_000; i++) node = { type: "div", content: [node] };
    expect(() => tiptapToBlocks(doc(node))).not.toThrow();
  });

  test("a photo needs a positive integer imageId; src only when it is a path on this site", () => {
    const photo = (attrs: Record<string, unknown>) =>
      tiptapToBlocks(doc({ type: PHOTO_NODE, attrs }));
    expect(photo({ imageId: "nope", alt: "a" })).toEqual([]);
    expect(photo({ imageId: -3 })).toEqual([]);
    expect(
      photo({ imageId: 3, alt: "a", caption: "c", credit: "d", src: "javascript:alert(1)" }),
    ).toEqual([{ type: "photo", imageId: 3, alt: "a", caption: "c", credit: "d" }]);
    expect(photo({ imageId: 3, src: "//evil.example/x.jpg", alt: 5 })).toEqual([
      { type: "photo", imageId: 3, alt: "", caption: "", credit: "" },
    ]);
  });

  test("nested lists are flattened into their parent's items; a quote's paragraphs join by line", () => {
    const blocks = tiptapToBlocks(
      doc(
        {
          type: "bulletList",
          content: [
            {
              type: "listItem",
              content: [
                p(text("one")),
                {
                  type: "orderedList",
                  content: [{ type: "listItem", content: [p(text("one.a"))] }],
                },
              ],
            },
            { type: "listItem", content: [p(text("two"))] },
          ],
        },
        { type: "blockquote", content: [p(text("a")), p(text("b", [{ type: "bold" }]))] },
      ),
    );
    expect(blocks).toEqual([
      {
        type: "list",
        ordered: false,
        items: [{ text: "one" }, { text: "one.a" }, { text: "two" }],
      },
      { type: "quote", text: "a\nb", runs: [{ text: "a\n" }, { text: "b", bold: true }] },
    ]);
  });
});

import { describe, expect, test } from "vitest";
import type { BodyBlock } from "../domain";
import {
  BODY_LIMITS,
  blockText,
  bodyBlocksSchema,
  bodyText,
  describeBodyIssues,
  leadText,
  linkProblem,
  parseStoredBody,
} from "./blocks";

const problem = (body: unknown) => {
  const result = bodyBlocksSchema.safeParse(body);
  return result.success ? null : describeBodyIssues(result.error);
};

const rich: BodyBlock[] = [
  {
    type: "paragraph",
    text: "Rain fell on Seoul.",
    runs: [
      { text: "Rain", bold: true },
      { text: " fell on " },
      { text: "Seoul", italic: true, href: "https://example.org/seoul" },
      { text: "." },
    ],
  },
  { type: "heading", text: "What comes next" },
  { type: "quote", text: "It will pass.", runs: [{ text: "It will pass." }] },
  {
    type: "list",
    ordered: true,
    items: [{ text: "One" }, { text: "Two", runs: [{ text: "Two", bold: true }] }],
  },
  {
    type: "photo",
    imageId: 3,
    alt: "A wet street",
    caption: "Gangnam at noon",
    credit: "Kim / Herald",
  },
];

describe("bodyBlocksSchema", () => {
  test("takes every block type, and today's {type, text} bodies unchanged", () => {
    expect(bodyBlocksSchema.parse(rich)).toEqual(rich);
    const old = [
      { type: "paragraph", text: "Plain." },
      { type: "heading", text: "Sub" },
    ];
    expect(bodyBlocksSchema.parse(old)).toEqual(old);
  });

  test("drops a photo's src and size (filled in on read) and unknown keys", () => {
    const parsed = bodyBlocksSchema.parse([
      { ...rich[4], src: "/x.jpg", width: 10, height: 10, html: "<b>x</b>" },
    ]);
    expect(parsed).toEqual([rich[4]]);
  });

  test.each([
    ["javascript:alert(1)", /not javascript:/],
    ["JaVaScRiPt:alert(1)", /not javascript:/],
    ["data:text/html,<script>alert(1)</script>", /not data:/],
    ["java\tscript:alert(1)", /spaces/],
    [" https://example.org", /spaces/],
    ["vbscript:msgbox", /not vbscript:/],
    ["/relative/path", /full address/],
    ["https://", /full address/],
  ])("refuses the link %j", (href, message) => {
    const body = [{ type: "paragraph", text: "x", runs: [{ text: "x", href }] }];
    expect(problem(body)).toMatch(message);
    expect(problem(body)).toMatch(/^body, block 1, run 1: /);
  });

  test.each(["http://example.org/a?b=c#d", "https://한국.kr/기사", "mailto:desk@herald.example"])(
    "takes the link %j",
    (href) => {
      expect(linkProblem(href)).toBeNull();
      expect(problem([{ type: "paragraph", text: "x", runs: [{ text: "x", href }] }])).toBeNull();
    },
  );

  test("runs must join to the text, so what search reads is what shows", () => {
    expect(
      problem([{ type: "paragraph", text: "Hello", runs: [{ text: "Hel" }, { text: "p" }] }]),
    ).toBe("body, block 1: the runs' text does not join to the block's text");
  });

  test("refuses unknown types, empty blocks and lists, bad photo ids", () => {
    expect(problem([{ type: "html", text: "<b>x</b>" }])).toMatch(
      /type must be paragraph, heading, quote, list or photo/,
    );
    expect(problem([{ type: "paragraph", text: "" }])).toMatch(/empty/);
    expect(problem([{ type: "list", ordered: false, items: [] }])).toMatch(/no items/);
    expect(problem([{ ...rich[4], imageId: -1 }])).not.toBeNull();
    expect(problem([{ ...rich[4], imageId: 1.5 }])).not.toBeNull();
    expect(problem("not a list")).not.toBeNull();
  });

  test("refuses a 5 MB body with a message that gives the limit", () => {
    const big = Array.from({ length: 50 }, () => ({
      type: "paragraph",
      text: "x".repeat(100_000),
    }));
    expect(problem(big)).toBe(
      `body: the body is 5,000,000 characters; the limit is ${BODY_LIMITS.characters.toLocaleString("en")}`,
    );
    expect(problem([{ type: "paragraph", text: "x".repeat(5_000_000) }])).toMatch(
      /text is 5,000,000 characters; the limit is 200,000/,
    );
    expect(problem(Array.from({ length: 1001 }, () => ({ type: "heading", text: "h" })))).toMatch(
      /1001 blocks; the limit is 1000/,
    );
  });

  test("hostile text is kept as text; invalid Unicode and control characters are refused", () => {
    const hostile = [
      { type: "paragraph", text: "<script>alert(1)</script>" },
      { type: "photo", imageId: 1, alt: "x", caption: "<img src=x onerror=alert(1)>", credit: "c" },
    ];
    expect(bodyBlocksSchema.parse(hostile)).toEqual(hostile);
    expect(problem([{ type: "heading", text: "bad \uD800" }])).toMatch(/lone surrogate/);
    expect(problem([{ type: "heading", text: "bell \u0007" }])).toMatch(/control character/);
  });
});

describe("blockText and bodyText", () => {
  test("give each block's plain text, one block a line, marks dropped", () => {
    expect(rich.map(blockText)).toEqual([
      "Rain fell on Seoul.",
      "What comes next",
      "It will pass.",
      "One\nTwo",
      "Gangnam at noon",
    ]);
    expect(bodyText(rich)).toBe(
      "Rain fell on Seoul.\nWhat comes next\nIt will pass.\nOne\nTwo\nGangnam at noon",
    );
    expect(bodyText([{ ...rich[4], caption: "" } as BodyBlock, rich[1]!])).toBe("What comes next");
  });

  test("leadText is the first block's text (as summaries always read it), photos passed over", () => {
    expect(leadText([rich[1]!, rich[0]!])).toBe("What comes next");
    expect(leadText([rich[4]!, rich[3]!])).toBe("One\nTwo");
    expect(leadText([rich[4]!])).toBe("");
    expect(leadText([])).toBe("");
  });
});

describe("parseStoredBody", () => {
  test("reads stored blocks and leaves out what is not a block, never throwing", () => {
    expect(parseStoredBody(JSON.stringify(rich))).toEqual(rich);
    expect(parseStoredBody("not json")).toEqual([]);
    expect(parseStoredBody('{"type":"paragraph"}')).toEqual([]);
    expect(
      parseStoredBody(
        JSON.stringify([
          null,
          { type: "script", text: "x" },
          { type: "list", items: "x" },
          { type: "paragraph", text: "kept" },
        ]),
      ),
    ).toEqual([{ type: "paragraph", text: "kept" }]);
  });
});

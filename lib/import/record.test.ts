import { describe, expect, it } from "vitest";
import { describeIssues, importRecordSchema, toPlainText } from "./record";

const base = { id: "x", headline: "Headline", body: ["Body."], published: "2020-01-01" };
const reason = (fields: Record<string, unknown>) => {
  const result = importRecordSchema.safeParse({ ...base, ...fields });
  return result.success ? null : describeIssues(result.error);
};

describe("import record", () => {
  it("refuses dates whose UTC year leaves 1000-9999, which would sort wrongly as text", () => {
    expect(reason({ published: "9999-12-31T23:00:00-14:00" })).toBe(
      "published: date out of range (years 1000 to 9999 in UTC)",
    );
    expect(reason({ updated: "9999-12-31T23:30:00-05:00" })).toBe(
      "updated: date out of range (years 1000 to 9999 in UTC)",
    );
    expect(reason({ published: "9999-12-31T00:00:00Z" })).toBeNull();
  });

  it("accepts only http(s) source addresses", () => {
    expect(reason({ source_url: "javascript:alert(1)//wikinews.org" })).toMatch(/^source_url: /);
    expect(reason({ source_url: "data:text/html,<script>alert(1)</script>" })).toMatch(
      /^source_url: /,
    );
    expect(reason({ source_url: "https://en.wikinews.org/wiki/X" })).toBeNull();
  });

  it("names the limit when a field is too long or a list too many", () => {
    expect(reason({ headline: "h".repeat(312) })).toBe(
      "headline: headline is 312 characters; the limit is 300",
    );
    // The headline is measured as stored, after HTML is stripped.
    expect(reason({ headline: `<b>${"h".repeat(300)}</b>` })).toBeNull();
    expect(reason({ standfirst: "s".repeat(601) })).toBe(
      "standfirst: standfirst is 601 characters; the limit is 600",
    );
    expect(reason({ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) })).toBe(
      "tags: tags has 51 names; the limit is 50",
    );
    expect(reason({ tags: ["t".repeat(101)] })).toBe(
      "tags.0: tag is 101 characters; the limit is 100",
    );
    expect(reason({ categories: ["c".repeat(101)] })).toBe(
      "categories.0: category is 101 characters; the limit is 100",
    );
    expect(reason({ author: "a".repeat(201) })).toBe(
      "author: author is 201 characters; the limit is 200",
    );
    expect(reason({ licence: "l".repeat(301) })).toBe(
      "licence: licence is 301 characters; the limit is 300",
    );
    expect(reason({ id: "i".repeat(201) })).toBe("id: id is 201 characters; the limit is 200");
    expect(reason({ body: Array.from({ length: 1001 }, () => "p") })).toBe(
      "body: body has 1001 paragraphs; the limit is 1000",
    );
    expect(reason({ body: ["b".repeat(150_000), "b".repeat(50_001)] })).toBe(
      "body: body is 200001 characters; the limit is 200000",
    );
    expect(reason({ body: ["b".repeat(150_000), "b".repeat(50_000)] })).toBeNull();
  });

  it("refuses text that is not valid Unicode in every text field, naming the field", () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ headline: "A \ud800" }, "headline"],
      [{ standfirst: "\uFFFE" }, "standfirst"],
      [{ body: ["fine", "B\uFFFF"] }, "body.1"],
      [{ category: "\udc00" }, "category"],
      [{ categories: ["ok", "\uFDD0"] }, "categories.1"],
      [{ tags: ["\ud800x"] }, "tags.0"],
      [{ author: "Kim\uFFFF" }, "author"],
      [{ licence: "CC\uFFFE" }, "licence"],
      [{ source_url: "https://example.org/\ud800" }, "source_url"],
      [{ lead_image: { file: "a\uFFFF.jpg", caption: "C", credit: "D" } }, "lead_image.file"],
      [{ lead_image: { caption: "C\ud800", credit: "D" } }, "lead_image.caption"],
      [{ lead_image: { caption: "C", credit: "\u{10FFFF}" } }, "lead_image.credit"],
    ];
    for (const [fields, path] of cases)
      expect(reason(fields)).toMatch(
        new RegExp(`^${path.replace(".", "\\.")}: not valid Unicode: `),
      );
  });

  it("refuses a noncharacter that only an HTML reference spells", () => {
    expect(reason({ headline: "x &#xFFFF; y" })).toMatch(
      /^headline: not valid Unicode: noncharacter U\+FFFF/,
    );
    // HTML turns a reference to a surrogate into U+FFFD, the mark of damaged text.
    expect(reason({ body: ["x &#xD800; y"] })).toMatch(/^body\.0: not valid Unicode: replacement/);
  });

  it("refuses tags and bylines with no letter or digit of any script, and keeps the others", () => {
    expect(reason({ tags: ["한국 태그", "!!!"] })).toBe(
      'tags.1: tag "!!!" has no letter or digit of any script to make a URL slug from',
    );
    expect(reason({ categories: ["🎉"] })).toBe(
      'categories.0: tag "🎉" has no letter or digit of any script to make a URL slug from',
    );
    // Categories become tags only without `tags`.
    expect(reason({ categories: ["🎉"], tags: ["Fireworks"] })).toBeNull();
    expect(reason({ author: "—" })).toBe(
      'author: author "—" has no letter or digit of any script to make a URL slug from',
    );
    expect(reason({ tags: ["한국 태그", "Москва", "東京"], author: "김민지" })).toBeNull();
  });

  it("keeps today's paragraph strings and takes block objects of the body model", () => {
    const body = [
      "<p>First &amp; plain</p>",
      "",
      { type: "heading", text: "A subheading" },
      {
        type: "paragraph",
        text: "Go here",
        runs: [{ text: "Go " }, { text: "here", href: "https://example.org" }],
      },
      { type: "list", ordered: false, items: [{ text: "a" }, { text: "b" }] },
    ];
    expect(importRecordSchema.parse({ ...base, body }).body).toEqual([
      { type: "paragraph", text: "First & plain" },
      body[2],
      body[3],
      body[4],
    ]);
  });

  it("refuses hostile or unknown block objects, naming the entry", () => {
    expect(
      reason({
        body: [
          "ok",
          { type: "paragraph", text: "x", runs: [{ text: "x", href: "javascript:alert(1)" }] },
        ],
      }),
    ).toBe("body.1.runs.0.href: links may only be http, https or mailto (not javascript:)");
    expect(
      reason({ body: [{ type: "photo", imageId: 1, alt: "a", caption: "c", credit: "d" }] }),
    ).toBe("body.0: photo blocks cannot be imported");
    expect(reason({ body: [{ type: "html", text: "<b>x</b>" }] })).toMatch(
      /^body\.0\.type: .*paragraph, heading/,
    );
    expect(reason({ body: [42] })).toMatch(/^body\.0: /);
  });

  it("drops control characters from text", () => {
    const parsed = importRecordSchema.parse({ ...base, headline: "A\u0001B\u0008C\u007F D\tE" });
    expect(parsed.headline).toBe("ABC D E");
  });
});

describe("toPlainText", () => {
  it("leaves clean text as it is and cleans everything else", () => {
    expect(toPlainText("Plain words, one space apart.")).toBe("Plain words, one space apart.");
    expect(toPlainText("non\u00a0breaking")).toBe("non breaking");
    expect(toPlainText("tab\there, new\nline")).toBe("tab here, new line");
    expect(toPlainText("  padded  and  doubled  ")).toBe("padded and doubled");
    expect(toPlainText(" lead")).toBe("lead");
    expect(toPlainText("trail ")).toBe("trail");
    expect(toPlainText("bell\u0007 and del\u007f")).toBe("bell and del");
    expect(toPlainText("<b>bold</b> &amp; sure")).toBe("bold & sure");
    expect(toPlainText("한국 🇰🇷 text")).toBe("한국 🇰🇷 text");
  });
});

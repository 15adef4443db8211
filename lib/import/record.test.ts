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

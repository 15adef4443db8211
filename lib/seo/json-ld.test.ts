import { describe, expect, it } from "vitest";
import { serializeJsonLd } from "./json-ld";

const HOSTILE = `Q&A: "Seoul" </script><script>alert(1)</script> 한국 🇰🇷 \u2028`;

describe("serializeJsonLd", () => {
  it("cannot close its script tag, and parses back to the exact text", () => {
    const json = serializeJsonLd({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: HOSTILE,
    });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(json).toContain("\\u003c/script\\u003e");
    expect((JSON.parse(json) as { headline: string }).headline).toBe(HOSTILE);
  });
});

import { describe, expect, it } from "vitest";
import { emptyStory, fieldErrors, storyDraftSchema, storyReadySchema } from "./story-content";

const ready = () => ({
  ...emptyStory(),
  headline: "Seoul rain",
  slug: "seoul-rain",
  sectionId: 1,
  byline: [{ name: "Kim Ji-won", kind: "staff" as const }],
  body: [{ type: "paragraph", text: "It rained." }],
});

describe("story content checks", () => {
  it("lets a draft be saved half-written, but not publish it", () => {
    expect(storyDraftSchema.safeParse(emptyStory()).success).toBe(true);
    const result = storyReadySchema.safeParse(emptyStory());
    expect(result.success).toBe(false);
    expect(Object.keys(fieldErrors(result.error!)).sort()).toEqual(
      ["body", "byline", "headline", "sectionId", "slug"].sort(),
    );
  });

  it("refuses a headline over 110 characters even in a draft, naming the limit", () => {
    const result = storyDraftSchema.safeParse({ ...emptyStory(), headline: "x".repeat(111) });
    expect(fieldErrors(result.error!).headline).toMatch(/at most 110/);
  });

  it("keeps hostile text as typed: it is escaped where printed, never stripped", () => {
    const headline = `<img src=x onerror=alert(1)> "Q&A"`;
    const parsed = storyReadySchema.parse({ ...ready(), headline });
    expect(parsed.headline).toBe(headline);
  });

  it("needs alt text and a credit for the lead photo and every body photo before publishing", () => {
    expect(storyReadySchema.safeParse(ready()).success).toBe(true);
    const lead = storyReadySchema.safeParse({
      ...ready(),
      lead: { imageId: 3, caption: "", credit: "", alt: "" },
    });
    expect(fieldErrors(lead.error!)).toMatchObject({
      "lead.alt": expect.stringMatching(/alt text/),
      "lead.credit": expect.stringMatching(/Credit/),
    });
    const body = storyReadySchema.safeParse({
      ...ready(),
      body: [
        { type: "paragraph", text: "Before." },
        { type: "photo", imageId: 4, alt: "A street", caption: "", credit: "Yonhap" },
        { type: "photo", imageId: 5, alt: " ", caption: "", credit: "AP" },
      ],
    });
    expect(fieldErrors(body.error!).body).toBe("Describe photo 2 of the body (alt text)");
  });

  it("takes slugs in any language but refuses what is not URL-safe", () => {
    expect(storyDraftSchema.safeParse({ ...emptyStory(), slug: "서울-폭우-2026" }).success).toBe(
      true,
    );
    for (const slug of ["Seoul", "a--b", "-a", "a b", "a/b"])
      expect(storyDraftSchema.safeParse({ ...emptyStory(), slug }).success, slug).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { emptyStory } from "./story-content";
import { diffContent } from "./story-diff";

describe("diffContent", () => {
  it("compares the body paragraph by paragraph, and keeps hostile text as text", () => {
    const a = {
      ...emptyStory(),
      body: [
        { type: "paragraph" as const, text: "First paragraph." },
        { type: "paragraph" as const, text: "Second <img onerror=x> paragraph." },
      ],
    };
    const b = {
      ...a,
      standfirst: "New standfirst",
      body: [a.body[0]!, { type: "heading" as const, text: "A subheading" }, a.body[1]!],
    };
    const [headline, standfirst, body] = diffContent(a, b);
    expect(headline!.parts).toEqual([]);
    expect(standfirst!.parts).toEqual([{ value: "New standfirst", added: true }]);
    expect(body!.parts).toEqual([
      { value: "First paragraph.\n" },
      { value: "A subheading\n", added: true },
      { value: "Second <img onerror=x> paragraph.\n" },
    ]);
  });
});

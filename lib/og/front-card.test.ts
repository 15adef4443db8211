import { describe, expect, it } from "vitest";
import type { Publication, SectionNode } from "../domain";
import { frontCardContent, HOME_TAGLINE } from "./front-card";
import { frontCardPath } from "./paths";

const publication = { name: "The Korea Herald" } as Publication;
const tree: SectionNode[] = [
  {
    id: 1,
    slug: "national",
    name: "National",
    path: "/national",
    legacyCode: null,
    children: [{ id: 2, slug: "politics", name: "Politics", path: "/national/politics" }],
  },
];

describe("frontCardContent", () => {
  it("gives the home page the masthead and the tagline", () => {
    for (const segments of [undefined, []])
      expect(frontCardContent(segments, publication, tree)).toEqual({
        kicker: "",
        title: "The Korea Herald",
        footer: HOME_TAGLINE,
        titleStyle: "name",
      });
  });

  it("gives a section its name over the masthead", () => {
    expect(frontCardContent(["national"], publication, tree)).toMatchObject({
      kicker: "",
      title: "National",
      footer: "The Korea Herald",
    });
  });

  it("gives a subsection its name under its parent's", () => {
    expect(frontCardContent(["national", "politics"], publication, tree)).toMatchObject({
      kicker: "National",
      title: "Politics",
      footer: "The Korea Herald",
    });
  });

  it.each([
    [["sports"]],
    [["national", "weather"]],
    [["politics"]],
    [["National"]],
    [["national", "before"]],
    [["national", "politics", "extra"]],
  ])("is null for %j, which is not a front", (segments) => {
    expect(frontCardContent(segments, publication, tree)).toBeNull();
  });
});

describe("frontCardPath", () => {
  it.each([
    ["/", "/og/front"],
    ["/national", "/og/front/national"],
    ["/national/politics", "/og/front/national/politics"],
  ])("%s → %s", (front, path) => {
    expect(frontCardPath(front)).toBe(path);
  });
});

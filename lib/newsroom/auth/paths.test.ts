import { describe, expect, it } from "vitest";
import { safeNext, signInPath } from "./paths";

describe("safeNext", () => {
  it("keeps a newsroom path with its query", () => {
    expect(safeNext("/newsroom/stories/4?tab=history")).toBe("/newsroom/stories/4?tab=history");
    expect(safeNext("/newsroom")).toBe("/newsroom");
  });

  it("refuses anything that could leave the site or the newsroom", () => {
    for (const next of [
      "https://evil.example/newsroom",
      "//evil.example/newsroom",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "/newsroomx",
      "/article/1",
      "/newsroom/../admin",
      "/newsroom/sign-in",
      "/newsroom\n/x",
      "",
      null,
    ])
      expect(safeNext(next), String(next)).toBe("/newsroom");
  });

  it("builds the sign-in URL with next only when it is useful", () => {
    expect(signInPath("/newsroom")).toBe("/newsroom/sign-in");
    expect(signInPath("/newsroom/audit?page=2")).toBe(
      "/newsroom/sign-in?next=%2Fnewsroom%2Faudit%3Fpage%3D2",
    );
    expect(signInPath("https://evil.example")).toBe("/newsroom/sign-in");
  });
});

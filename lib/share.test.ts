import { describe, expect, it } from "vitest";
import { shareLinks } from "./share";

const URL_ = "https://herald.example/article/7/seoul-talks?x=1&y=2";
const TITLE = 'Seoul & Tokyo "talk" #peace 100% </script>';

describe("shareLinks", () => {
  const links = shareLinks(URL_, TITLE);
  const byService = Object.fromEntries(links.map((l) => [l.service, l]));

  it("offers email, X, Facebook and LinkedIn, in that order", () => {
    expect(links.map((l) => l.service)).toEqual(["Email", "X", "Facebook", "LinkedIn"]);
  });

  it("encodes the URL and title so they come back exactly, whatever they contain", () => {
    const x = new URL(byService.X!.href);
    expect(x.origin).toBe("https://x.com");
    expect(x.searchParams.get("url")).toBe(URL_);
    expect(x.searchParams.get("text")).toBe(TITLE);
    expect(new URL(byService.Facebook!.href).searchParams.get("u")).toBe(URL_);
    expect(new URL(byService.LinkedIn!.href).searchParams.get("url")).toBe(URL_);
    for (const link of links) expect(link.href).not.toMatch(/[\s"<>]/);
  });

  it("writes the email with the headline as subject and the link in the body (spaces as %20, not +)", () => {
    const mail = byService.Email!.href;
    expect(mail.startsWith("mailto:?subject=")).toBe(true);
    expect(mail).not.toContain("+");
    const params = new URLSearchParams(mail.slice("mailto:?".length));
    expect(params.get("subject")).toBe(TITLE);
    expect(params.get("body")).toBe(`${TITLE}\n\n${URL_}`);
    expect(byService.Email!.external).toBe(false);
  });
});

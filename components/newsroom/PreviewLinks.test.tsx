import { render, screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import type { PreviewLinkView } from "@/lib/newsroom/preview-links";
import { PreviewLinks } from "./PreviewLinks";

const HOSTILE = `<img src=x onerror=alert(1)>`;
const link = (over: Partial<PreviewLinkView>): PreviewLinkView => ({
  id: "AAAAAAAAAAAAAAAAAAAAAA",
  articleId: 7,
  revision: null,
  createdBy: "u1",
  createdByName: "Kim Editor",
  createdAt: "2026-12-01T00:00:00.000Z",
  expiresAt: "2026-12-02T00:00:00.000Z",
  revokedAt: null,
  revokedBy: null,
  state: "active",
  ...over,
});
const LINKS = [
  link({ id: "active-link-000000000", createdByName: HOSTILE }),
  link({ id: "revoked-link-00000000", state: "revoked", revokedAt: "2026-12-01T01:00:00.000Z" }),
  link({ id: "expired-link-00000000", state: "expired", createdBy: null, createdByName: null }),
];
const noop = async () => {};

describe("PreviewLinks", () => {
  test("lists every link with who made it, when, its expiry and state; only active ones can be revoked", () => {
    render(
      <PreviewLinks
        articleId={7}
        links={LINKS}
        canShare
        madeUrl={null}
        share={noop}
        revoke={noop}
      />,
    );
    const table = screen.getByRole("table", { name: /Preview links of this story/ });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[3]!.textContent)).toEqual([
      "Active",
      "Revoked",
      "Expired",
    ]);
    // Hostile text is text, never markup.
    expect(rows[0]!.textContent).toContain(HOSTILE);
    expect(document.querySelector("img")).toBeNull();
    expect(rows[0]!.textContent).toContain("Dec 1, 2026 - 09:00 KST");
    expect(rows[2]!.textContent).toContain("npm run preview-link");
    const revokes = screen.getAllByRole("button", { name: /^Revoke the link made/ });
    expect(revokes).toHaveLength(1);
    expect(revokes[0]!.closest("form")!.querySelector('input[name="linkId"]')).toHaveProperty(
      "value",
      "active-link-000000000",
    );
  });

  test("offers Share preview with validity 1 hour to 7 days, 24 hours chosen, and shows a made URL once", () => {
    render(
      <PreviewLinks
        articleId={7}
        links={[]}
        canShare
        madeUrl="http://localhost/api/draft?token=abc"
        share={noop}
        revoke={noop}
      />,
    );
    const select = screen.getByLabelText("Valid for") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      "1 hour",
      "24 hours",
      "3 days",
      "7 days",
    ]);
    expect(select.value).toBe("24");
    expect(screen.getByRole("button", { name: "Share preview" })).toBeTruthy();
    expect(screen.getByRole("status")).toBeTruthy();
    expect((screen.getByLabelText(/Preview link made/) as HTMLInputElement).value).toBe(
      "http://localhost/api/draft?token=abc",
    );
    expect(screen.getByText("No preview links yet.")).toBeTruthy();
  });

  test("a writer sees the list but no form and no Revoke", () => {
    render(
      <PreviewLinks
        articleId={7}
        links={LINKS}
        canShare={false}
        madeUrl={null}
        share={noop}
        revoke={noop}
      />,
    );
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.queryByLabelText("Valid for")).toBeNull();
  });
});

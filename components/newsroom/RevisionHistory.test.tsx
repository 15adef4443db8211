import { render, screen, within } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import type { RevisionRow } from "./editor/types";
import { RevisionDiff } from "./RevisionDiff";
import { RevisionHistory } from "./RevisionHistory";

const revisions: RevisionRow[] = [
  {
    number: 3,
    createdAt: "2026-05-01T03:00:00.000Z",
    createdBy: "u2",
    createdByName: "Lee Jun",
    note: null,
    published: false,
  },
  {
    number: 2,
    createdAt: "2026-05-01T02:00:00.000Z",
    createdBy: "u1",
    createdByName: "Kim Min-ji",
    note: "Published",
    published: true,
  },
  {
    number: 1,
    createdAt: "2026-05-01T01:00:00.000Z",
    createdBy: "u1",
    createdByName: "Kim Min-ji",
    note: null,
    published: false,
  },
];

describe("RevisionHistory", () => {
  test("lists revisions with who, when (KST) and the published one; compares the newest two by default", () => {
    render(<RevisionHistory storyId={5} version={9} revisions={revisions} compare={null} />);
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText("Published: readers see this")).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent("May 1, 2026 - 12:00");
    expect(rows[0]).toHaveTextContent("Lee Jun");
    expect(screen.getByRole("radio", { name: "From revision 2" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "To revision 3" })).toBeChecked();
    expect(screen.getByRole("button", { name: "Compare" }).closest("form")).toHaveAttribute(
      "action",
      "/newsroom/stories/5/history",
    );
    // No restore action given (not allowed): no restore buttons.
    expect(screen.queryByRole("button", { name: /Restore/ })).toBeNull();
  });

  test("offers to restore every revision but the newest, posting the story's version", () => {
    const restore = async () => {};
    render(
      <RevisionHistory
        storyId={5}
        version={9}
        revisions={revisions}
        compare={{ from: 1, to: 3 }}
        restore={restore}
      />,
    );
    expect(screen.getByRole("radio", { name: "From revision 1" })).toBeChecked();
    expect(screen.queryByRole("button", { name: "Restore revision 3" })).toBeNull();
    const form = screen.getByRole("button", { name: "Restore revision 1" }).closest("form")!;
    const data = Object.fromEntries(new FormData(form));
    expect(data).toMatchObject({ id: "5", version: "9", number: "1" });
  });
});

describe("RevisionDiff", () => {
  test("marks removed and added text with <del>/<ins> and words, and says when nothing changed", () => {
    render(
      <RevisionDiff
        from={1}
        to={2}
        diff={[
          {
            field: "headline",
            parts: [
              { value: "Rain in " },
              { value: "Seoul", removed: true },
              { value: "Busan", added: true },
            ],
          },
          { field: "standfirst", parts: [{ value: "Same" }] },
          { field: "body", parts: [{ value: "<script>x</script>", added: true }] },
        ]}
      />,
    );
    const headline = screen.getByRole("heading", { name: "Headline" }).nextElementSibling!;
    expect(headline.querySelector("del")).toHaveTextContent("[removed: Seoul]");
    expect(headline.querySelector("ins")).toHaveTextContent("[added: Busan]");
    expect(
      screen.getByRole("heading", { name: "Standfirst" }).nextElementSibling,
    ).toHaveTextContent("No change.");
    expect(screen.getByText("<script>x</script>")).toBeInTheDocument();
  });
});

import { describe, expect, it } from "vitest";
import { readPublish, readRestore, readSendBack, readStep, readWithdraw } from "./story-forms";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
};
const NOW = "2026-05-01T00:00:00.000Z";

describe("workflow forms", () => {
  it("reads id and version, and refuses anything else with a message", () => {
    expect(readStep(form({ id: "7", version: "3" }))).toEqual({ id: 7, version: 3 });
    const bads: Record<string, string>[] = [
      { id: "x", version: "3" },
      { id: "7" },
      { id: "-1", version: "3" },
      { id: "7", version: "1.5" },
    ];
    for (const bad of bads)
      expect(readStep(form(bad))).toMatchObject({ ok: false, kind: "invalid" });
    expect(readRestore(form({ id: "7", version: "3", number: "2" }))).toEqual({
      id: 7,
      version: 3,
      number: 2,
    });
  });

  it("publish now has no time; a schedule is KST, stored UTC, and must be ahead", () => {
    expect(readPublish(form({ id: "7", version: "3" }), NOW)).toEqual({
      id: 7,
      version: 3,
      publishAt: null,
      correction: undefined,
    });
    expect(
      readPublish(form({ id: "7", version: "3", publishAt: "2026-05-01T10:00" }), NOW),
    ).toMatchObject({
      publishAt: "2026-05-01T01:00:00.000Z",
    });
    expect(
      readPublish(form({ id: "7", version: "3", publishAt: "2026-05-01T08:59" }), NOW),
    ).toMatchObject({
      ok: false,
      errors: { publishAt: "Choose a time in the future to schedule, or publish now" },
    });
    expect(readPublish(form({ id: "7", version: "3", publishAt: "" }), NOW)).toMatchObject({
      ok: false,
    });
  });

  it("a correction is trimmed; an empty one is none", () => {
    expect(
      readPublish(form({ id: "7", version: "3", correction: "  Fixed a name. " }), NOW),
    ).toMatchObject({
      correction: "Fixed a name.",
    });
    expect(readPublish(form({ id: "7", version: "3", correction: "  " }), NOW)).toMatchObject({
      correction: undefined,
    });
  });

  it("send back carries the note; withdraw needs the confirmation box", () => {
    expect(readSendBack(form({ id: "7", version: "3", note: "Check the quote" }))).toMatchObject({
      note: "Check the quote",
    });
    expect(readWithdraw(form({ id: "7", version: "3", reason: "Legal" }))).toMatchObject({
      ok: false,
      errors: { confirm: "Tick the box to confirm the withdrawal" },
    });
    expect(readWithdraw(form({ id: "7", version: "3", reason: "Legal", confirm: "yes" }))).toEqual({
      id: 7,
      version: 3,
      reason: "Legal",
    });
  });
});

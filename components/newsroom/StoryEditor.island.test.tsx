import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, test, vi } from "vitest";
import { emptyStory, type StoryContent } from "@/lib/newsroom/story-content";
import { unsavedKey } from "@/lib/newsroom/unsaved";
import type { BodyEditorProps, SaveResult, SaveStory, StoryView } from "./editor/types";
import { StoryEditor } from "./StoryEditor.island";

/** A stand-in for the Tiptap body editor: one paragraph per blank-line-separated chunk. */
function FakeBody({ id, labelledBy, initial, onChange }: BodyEditorProps) {
  return (
    <textarea
      id={id}
      aria-labelledby={labelledBy}
      defaultValue={initial.map((block) => ("text" in block ? block.text : "")).join("\n\n")}
      onChange={(e) =>
        onChange(e.target.value.split("\n\n").map((text) => ({ type: "paragraph", text })))
      }
    />
  );
}

const READY: StoryContent = {
  ...emptyStory(),
  headline: "Rain in Seoul",
  slug: "rain-in-seoul",
  sectionId: 2,
  byline: [{ name: "Kim Min-ji", kind: "staff" }],
  body: [{ type: "paragraph", text: "It rained." }],
};

function view(over: Partial<StoryView> = {}): StoryView {
  return {
    id: 7,
    state: "draft",
    ownerId: "u1",
    version: 3,
    headRevision: 3,
    publishedRevision: null,
    hasPendingChanges: false,
    content: emptyStory(),
    publicPath: "/article/7/x",
    publishedAt: null,
    updatedAt: "2026-05-01T01:00:00.000Z",
    reviewNote: null,
    withdrawnReason: null,
    corrections: [],
    ...over,
  };
}

const SECTIONS = [
  { id: 1, name: "National" },
  { id: 2, name: "World" },
];

function setup(
  save: SaveStory,
  props: Partial<Parameters<typeof StoryEditor>[0]> = {},
  story = view(),
) {
  // Only the timers autosave uses are faked (React's scheduler keeps its own). Testing Library
  // waits on a timer after each event and advances it only when it sees a `jest` global.
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  vi.stubGlobal("jest", { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  const utils = render(
    <StoryEditor
      story={story}
      role="writer"
      sections={SECTIONS}
      save={save}
      actions={{}}
      BodyEditor={FakeBody}
      {...props}
    />,
  );
  return { user, ...utils };
}

/** Lets the clock run `ms` and the promises it releases settle. */
async function wait(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

const saveStatus = () =>
  screen
    .getAllByRole("status")
    .find((el) => el.tagName === "P" && el.getAttribute("aria-live") === "polite")!;

beforeEach(() => {
  window.localStorage.clear();
});

describe("StoryEditor autosave", () => {
  test("saves once, 2 s after the last change, with the version and the content typed", async () => {
    const save = vi.fn<SaveStory>(async () => ({ ok: true, version: 4, revision: 4 }));
    const { user } = setup(save);
    await user.type(screen.getByLabelText("Headline"), "Rain");
    await wait(1999);
    expect(save).not.toHaveBeenCalled();
    expect(saveStatus()).toHaveTextContent("Changes not saved yet");
    await wait(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({
      version: 3,
      content: { ...emptyStory(), headline: "Rain", slug: "rain" },
    });
    expect(saveStatus()).toHaveTextContent("Saved");
    expect(window.localStorage.length).toBe(0);
  });

  test("the next save is based on the version the last one returned", async () => {
    const save = vi.fn<SaveStory>(async ({ version }) => ({
      ok: true,
      version: version + 1,
      revision: version + 1,
    }));
    const { user } = setup(save);
    await user.type(screen.getByLabelText("Standfirst"), "One");
    await wait(2000);
    await user.type(screen.getByLabelText("Standfirst"), " two");
    await wait(2000);
    expect(save.mock.calls.map(([input]) => input.version)).toEqual([3, 4]);
    expect(save.mock.calls[1]![0].content.standfirst).toBe("One two");
  });

  test("a failed save says so, keeps the content on the device and is retried until it succeeds", async () => {
    const save = vi
      .fn<SaveStory>()
      .mockRejectedValueOnce(new Error("network"))
      .mockResolvedValue({ ok: true, version: 4, revision: 4 });
    const { user } = setup(save);
    await user.type(screen.getByLabelText("Headline"), "Flood");
    await wait(2000);
    expect(saveStatus()).toHaveTextContent("Not saved: retrying");
    const kept = JSON.parse(window.localStorage.getItem(unsavedKey(7, 3))!);
    expect(kept.content.headline).toBe("Flood");
    await wait(2000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]![0].content.headline).toBe("Flood");
    expect(saveStatus()).toHaveTextContent("Saved");
    expect(window.localStorage.getItem(unsavedKey(7, 3))).toBeNull();
  });

  test("offline: the status says the edits are kept on this device", async () => {
    vi.stubGlobal("navigator", { ...navigator, onLine: false });
    const save = vi.fn<SaveStory>().mockRejectedValue(new TypeError("Failed to fetch"));
    const { user } = setup(save);
    await user.type(screen.getByLabelText("Headline"), "Typhoon");
    await wait(2000);
    expect(saveStatus()).toHaveTextContent("Offline: kept on this device");
  });

  test("a reload restores what was not saved, and says so", async () => {
    const save = vi.fn<SaveStory>().mockRejectedValue(new Error("down"));
    const first = setup(save);
    await first.user.type(screen.getByLabelText("Headline"), "Unsaved words");
    await wait(2000);
    first.unmount();
    vi.useRealTimers();
    render(
      <StoryEditor
        story={view()}
        role="writer"
        sections={SECTIONS}
        save={save}
        actions={{}}
        BodyEditor={FakeBody}
      />,
    );
    expect(screen.getByLabelText("Headline")).toHaveValue("Unsaved words");
    expect(screen.getByText(/Restored changes that were not saved yet/)).toBeInTheDocument();
  });

  test("a conflict names who saved and when, keeps mine as a revision and offers both ways on", async () => {
    const theirs = view({
      version: 5,
      updatedAt: "2026-05-01T02:30:00.000Z",
      updatedByName: "Lee Jun",
      content: { ...emptyStory(), headline: "Their headline" },
    });
    const save = vi
      .fn<SaveStory>()
      .mockResolvedValueOnce({ ok: false, kind: "conflict", current: theirs, keptAsRevision: 9 })
      .mockResolvedValue({ ok: true, version: 6, revision: 6 });
    const { user } = setup(save);
    await user.type(screen.getByLabelText("Headline"), "Mine");
    await wait(2000);
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Lee Jun saved this story while you were editing");
    expect(alert).toHaveTextContent("May 1, 2026 - 11:30 KST");
    expect(alert).toHaveTextContent("revision 9");
    // Never overwritten silently: no more saves until a choice is made.
    await user.type(screen.getByLabelText("Headline"), "!");
    await wait(10_000);
    expect(save).toHaveBeenCalledTimes(1);
    await user.click(within(alert).getByRole("button", { name: "Keep editing mine (save over)" }));
    await wait(0);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]![0]).toMatchObject({ version: 5, content: { headline: "Mine!" } });
    expect(saveStatus()).toHaveTextContent("Saved");
  });

  test("'Load their version' shows their content and stops saving mine", async () => {
    const theirs = view({ version: 5, content: { ...READY, headline: "Their headline" } });
    const save = vi
      .fn<SaveStory>()
      .mockResolvedValue({ ok: false, kind: "conflict", current: theirs, keptAsRevision: 4 });
    const { user } = setup(save);
    await user.type(screen.getByLabelText("Headline"), "Mine");
    await wait(2000);
    expect(screen.getByRole("alert")).toHaveTextContent("Someone else saved this story");
    await user.click(screen.getByRole("button", { name: "Load their version" }));
    expect(screen.getByLabelText("Headline")).toHaveValue("Their headline");
    expect(screen.getByLabelText("Body")).toHaveValue("It rained.");
    expect(saveStatus()).toHaveTextContent("Saved");
    await wait(10_000);
    expect(save).toHaveBeenCalledTimes(1);
  });
});

describe("StoryEditor fields", () => {
  const ok: SaveStory = async () => ({ ok: true, version: 4, revision: 4 });

  test("the headline counts to 110 and says when it is too long, beside the field", async () => {
    const { user } = setup(ok);
    const headline = screen.getByLabelText("Headline");
    await user.type(headline, "x".repeat(111));
    expect(screen.getByText("111 of 110 characters")).toBeInTheDocument();
    expect(headline).toHaveAttribute("aria-invalid", "true");
    const error = document.getElementById("story-headline-error")!;
    expect(error).toHaveTextContent("The headline is too long: at most 110 characters");
    expect(headline.getAttribute("aria-describedby")).toContain("story-headline-error");
  });

  test("the slug follows the headline until edited by hand", async () => {
    const { user } = setup(ok);
    await user.type(screen.getByLabelText("Headline"), "Rain in Seoul");
    expect(screen.getByLabelText("Slug")).toHaveValue("rain-in-seoul");
    await user.clear(screen.getByLabelText("Slug"));
    await user.type(screen.getByLabelText("Slug"), "seoul-rain");
    await user.type(screen.getByLabelText("Headline"), " again");
    expect(screen.getByLabelText("Slug")).toHaveValue("seoul-rain");
    await user.click(screen.getByRole("button", { name: "Follow the headline" }));
    expect(screen.getByLabelText("Slug")).toHaveValue("rain-in-seoul-again");
  });

  test("errors a save refuses are shown beside their fields", async () => {
    const save = vi.fn<SaveStory>(async (): Promise<SaveResult> => ({
      ok: false,
      kind: "invalid",
      errors: { slug: "Another story has this slug" },
    }));
    const { user } = setup(save);
    await user.type(screen.getByLabelText("Headline"), "Taken");
    await wait(2000);
    expect(saveStatus()).toHaveTextContent("Not saved: fix the marked fields");
    const slug = screen.getByLabelText("Slug");
    expect(slug).toHaveAttribute("aria-invalid", "true");
    expect(document.getElementById("story-slug-error")).toHaveTextContent(
      "Another story has this slug",
    );
  });

  test("a body over the limit is named beside the body, kept on the device and never posted", async () => {
    const save = vi.fn<SaveStory>(async () => ({ ok: true, version: 4, revision: 4 }));
    const { user } = setup(save);
    await user.type(screen.getByLabelText("Headline"), "Long read");
    fireEvent.change(document.getElementById("story-body")!, {
      target: { value: "x".repeat(5_000_000) },
    });
    await wait(2000);
    expect(save).not.toHaveBeenCalled();
    expect(saveStatus()).toHaveTextContent("Not saved: fix the marked fields");
    expect(document.getElementById("story-body-error")).toHaveTextContent(/limit is 200,000/);
    expect(window.localStorage.getItem(unsavedKey(7, 3))).toContain("Long read");
  });

  test("a refused body undone back to what the server holds: the error and the device copy go, nothing posted", async () => {
    const save = vi.fn<SaveStory>(async () => ({ ok: true, version: 4, revision: 4 }));
    setup(save, {}, view({ content: { ...emptyStory(), body: READY.body } }));
    const body = document.getElementById("story-body")!;
    const initial = (body as HTMLTextAreaElement).value;
    expect(initial).toBe("It rained.");
    fireEvent.change(body, { target: { value: "x".repeat(200_001) } });
    await wait(2000);
    expect(saveStatus()).toHaveTextContent("Not saved: fix the marked fields");
    expect(window.localStorage.getItem(unsavedKey(7, 3))).not.toBeNull();
    fireEvent.change(body, { target: { value: initial } });
    await wait(2000);
    expect(save).not.toHaveBeenCalled();
    expect(saveStatus()).toHaveTextContent(/^Saved$/);
    expect(document.getElementById("story-body-error")).toBeNull();
    expect(window.localStorage.getItem(unsavedKey(7, 3))).toBeNull();
  });

  test("bylines: names are added, typed with their kind, and removed", async () => {
    const save = vi.fn<SaveStory>(async () => ({ ok: true, version: 4, revision: 4 }));
    const { user } = setup(save);
    await user.click(screen.getByRole("button", { name: "Add a name" }));
    await user.type(screen.getByLabelText("Name 1"), "Yonhap");
    await user.selectOptions(screen.getByLabelText("Name 1 is"), "agency");
    await user.click(screen.getByRole("button", { name: "Add a name" }));
    await user.type(screen.getByLabelText("Name 2"), "Kim");
    await user.click(screen.getByRole("button", { name: "Remove name 1" }));
    await user.type(screen.getByLabelText("Tags"), "Seoul, weather ,");
    await wait(2000);
    expect(save.mock.lastCall![0].content).toMatchObject({
      byline: [{ name: "Kim", kind: "staff" }],
      tags: ["Seoul", "weather"],
    });
  });

  test("the publication time is entered in KST and saved in UTC", async () => {
    const save = vi.fn<SaveStory>(async () => ({ ok: true, version: 4, revision: 4 }));
    const { user } = setup(save);
    const time = screen.getByLabelText("Publication time (KST)");
    await user.type(time, "2026-06-01T09:30");
    await wait(2000);
    expect(save.mock.lastCall![0].content.publishAt).toBe("2026-06-01T00:30:00.000Z");
  });
});

describe("StoryEditor workflow", () => {
  const ok: SaveStory = async ({ version }) => ({ ok: true, version: version + 1, revision: 1 });

  test("a writer sees Submit for review only; a story not ready gets an error summary, not a post", async () => {
    const submit = vi.fn(async () => null);
    const { user } = setup(ok, { actions: { submit, publish: submit, withdraw: submit } });
    expect(screen.queryByRole("button", { name: "Publish now" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Submit for review" }));
    await wait(0);
    const summary = screen.getByRole("alert");
    expect(summary).toHaveTextContent("There is a problem");
    expect(within(summary).getByRole("link", { name: "Write a headline" })).toHaveAttribute(
      "href",
      "#story-headline",
    );
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText("Headline")).toHaveAttribute("aria-invalid", "true");
    expect(document.getElementById("story-sectionId-error")).toHaveTextContent("Choose a section");
    await user.click(within(summary).getByRole("link", { name: "Choose a section" }));
    expect(screen.getByLabelText("Section")).toHaveFocus();
    expect(submit).not.toHaveBeenCalled();
  });

  test("submitting saves pending edits first, then posts the new version", async () => {
    const submit = vi.fn(async (_: unknown, form: FormData) => {
      void form;
      return null;
    });
    const save = vi.fn(ok);
    const { user } = setup(save, { actions: { submit } }, view({ content: READY }));
    await user.type(screen.getByLabelText("Standfirst"), "More");
    await user.click(screen.getByRole("button", { name: "Submit for review" }));
    await wait(0);
    expect(save).toHaveBeenCalledTimes(1);
    expect(submit).toHaveBeenCalledTimes(1);
    const form = submit.mock.calls[0]![1];
    expect(form.get("id")).toBe("7");
    expect(form.get("version")).toBe("4");
  });

  test("an editor on a published story sees Republish with a correction note and Withdraw", () => {
    const action = vi.fn(async () => null);
    setup(
      ok,
      {
        role: "editor",
        actions: { submit: action, publish: action, withdraw: action, sendBack: action },
      },
      view({ state: "published", content: READY, hasPendingChanges: true }),
    );
    expect(screen.getByRole("button", { name: "Republish" })).toBeInTheDocument();
    expect(screen.getByLabelText("Correction note (optional)")).toBeInTheDocument();
    expect(screen.getByLabelText("Reason (required, kept in the log)")).toBeRequired();
    expect(screen.getByRole("checkbox", { name: /Yes, withdraw it/ })).toBeRequired();
    expect(screen.queryByRole("button", { name: "Submit for review" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Send back" })).toBeNull();
  });

  test("an action's field errors are shown beside the fields and in the summary", async () => {
    const publish = vi.fn(async () => ({
      ok: false as const,
      kind: "invalid" as const,
      message: "The story is not ready.",
      errors: { "lead.alt": "Describe the lead photo (alt text)" },
    }));
    const { user } = setup(
      ok,
      { role: "editor", actions: { publish } },
      view({
        state: "review",
        content: { ...READY, lead: { imageId: 4, caption: "", credit: "AP", alt: "x" } },
      }),
    );
    await user.click(screen.getByRole("button", { name: "Publish now" }));
    await wait(0);
    expect(publish).toHaveBeenCalledTimes(1);
    expect(document.getElementById("story-lead-alt-error")).toHaveTextContent(
      "Describe the lead photo (alt text)",
    );
    expect(screen.getByText("The story is not ready.")).toBeInTheDocument();
  });

  test("shows a scheduled story's time (the article's, not the revision's) in KST, to reschedule", () => {
    const publish = vi.fn();
    setup(
      vi.fn(),
      { role: "editor", actions: { publish } },
      view({ state: "scheduled", publishedAt: "2031-05-01T00:30:00.000Z", content: READY }),
    );
    expect(screen.getByLabelText("Publish at (KST)")).toHaveValue("2031-05-01T09:30");
    expect(screen.getByText(/Scheduled for .* KST\./)).toBeInTheDocument();
  });
});

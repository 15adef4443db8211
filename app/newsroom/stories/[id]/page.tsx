import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { PreviewLinks } from "@/components/newsroom/PreviewLinks";
import { StoryEditor } from "@/components/newsroom/StoryEditor.island";
import { getSectionTree } from "@/lib/news";
import { withPhotoSources } from "@/lib/newsroom/media";
import { previewLinksPanel } from "@/lib/newsroom/preview-links";
import { sectionOptions } from "@/lib/newsroom/section-options";
import { requireStaff } from "@/lib/newsroom/session";
import { getStory, NewsroomForbiddenError } from "@/lib/newsroom/stories";
import { roleAtLeast } from "@/lib/newsroom/roles";
import {
  publishAction,
  saveStoryAction,
  sendBackAction,
  submitAction,
  withdrawAction,
} from "./actions";
import { revokePreview, sharePreview } from "./preview-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit story" };

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const DONE = {
  submitted: "Submitted for review.",
  published: "Published: readers see it now.",
  scheduled: "Scheduled.",
  "sent-back": "Sent back to the writer.",
  withdrawn: "Withdrawn: its address answers “gone” (410).",
} as const;
const doneSchema = z
  .enum(Object.keys(DONE) as [keyof typeof DONE])
  .optional()
  .catch(undefined);
const sharedSchema = z.string().max(100).optional().catch(undefined);

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * /newsroom/stories/[id]: the story editor. 404 for an unknown id, 403 for a writer on a story
 * that is not theirs (or no longer a draft or in review). Data from the stories door; the
 * editor island autosaves through saveStoryAction and posts the workflow forms.
 */
export default async function StoryEditorPage({ params, searchParams }: Props) {
  const staff = await requireStaff();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const story = await getStory(staff, id.data).catch((error: unknown) => {
    if (error instanceof NewsroomForbiddenError) forbidden();
    throw error;
  });
  if (!story) notFound();
  const query = await searchParams;
  const done = doneSchema.parse(typeof query.done === "string" ? query.done : undefined);
  const shared = sharedSchema.parse(typeof query.shared === "string" ? query.shared : undefined);
  const [tree, panel, photos] = await Promise.all([
    getSectionTree(),
    previewLinksPanel(staff, story.id, shared ?? null),
    withPhotoSources(story.content),
  ]);
  const sections = sectionOptions(tree);
  const editor = roleAtLeast(staff.role, "editor");
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-serif text-2xl font-bold">Edit story</h1>
        <p className="flex gap-4 text-sm">
          <Link href="/newsroom" className="underline">
            Story desk
          </Link>
          <Link href={`/newsroom/stories/${story.id}/history`} className="underline">
            History
          </Link>
        </p>
      </div>
      {done ? (
        <p role="status" className="mt-3 rounded border border-rule p-3 font-semibold">
          {DONE[done]}
        </p>
      ) : null}
      <div className="mt-4">
        <StoryEditor
          key={`${story.id}-${story.version}`}
          story={{ ...story, content: photos.content }}
          leadPhotoSrc={photos.leadSrc}
          role={staff.role}
          sections={sections}
          save={saveStoryAction.bind(null, story.id)}
          actions={{
            submit: submitAction,
            ...(editor
              ? { publish: publishAction, sendBack: sendBackAction, withdraw: withdrawAction }
              : {}),
          }}
          historyHref={`/newsroom/stories/${story.id}/history`}
          previewHref={`/newsroom/stories/${story.id}/preview`}
        >
          {panel && !("ok" in panel) ? (
            <PreviewLinks {...panel} share={sharePreview} revoke={revokePreview} />
          ) : null}
        </StoryEditor>
      </div>
    </>
  );
}

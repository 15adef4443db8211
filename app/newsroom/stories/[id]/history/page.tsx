import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { RevisionDiff } from "@/components/newsroom/RevisionDiff";
import { RevisionHistory } from "@/components/newsroom/RevisionHistory";
import { requireStaff } from "@/lib/newsroom/session";
import {
  diffRevisions,
  getStory,
  listRevisions,
  NewsroomForbiddenError,
  NewsroomNotFoundError,
} from "@/lib/newsroom/stories";
import { restoreAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Story history" };

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const number = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const querySchema = z.object({
  from: number.optional().catch(undefined),
  to: number.optional().catch(undefined),
  restored: number.optional().catch(undefined),
  problem: z.enum(["conflict", "invalid", "state"]).optional().catch(undefined),
});
const PROBLEMS = {
  conflict: "Not restored: the story was saved since this page was loaded. Try again.",
  invalid: "Not restored: another story uses that revision's slug.",
  state: "Not restored: the story cannot be changed now.",
} as const;

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * /newsroom/stories/[id]/history: the story's revisions, a comparison of two (?from=&to=) and
 * restore buttons. 404 for an unknown story or revision, 403 where the editor would be 403.
 */
export default async function StoryHistoryPage({ params, searchParams }: Props) {
  const staff = await requireStaff();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const raw = await searchParams;
  const query = querySchema.parse({
    from: first(raw.from),
    to: first(raw.to),
    restored: first(raw.restored),
    problem: first(raw.problem),
  });
  const load = async () => {
    const story = await getStory(staff, id.data);
    if (!story) notFound();
    const revisions = await listRevisions(staff, id.data);
    const compare =
      query.from && query.to
        ? { from: query.from, to: query.to }
        : revisions.length > 1
          ? { from: revisions[1]!.number, to: revisions[0]!.number }
          : null;
    const diff = compare ? await diffRevisions(staff, id.data, compare.from, compare.to) : null;
    return { story, revisions, compare, diff };
  };
  const { story, revisions, compare, diff } = await load().catch((error: unknown) => {
    if (error instanceof NewsroomForbiddenError) forbidden();
    if (error instanceof NewsroomNotFoundError) notFound();
    throw error;
  });
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="font-serif text-2xl font-bold">Story history</h1>
        <Link href={`/newsroom/stories/${story.id}`} className="text-sm underline">
          Back to the story
        </Link>
      </div>
      <p className="mt-1 text-muted">{story.content.headline || `Untitled story ${story.id}`}</p>
      {query.restored ? (
        <p role="status" className="mt-3 rounded border border-rule p-3 font-semibold">
          Revision {query.restored} restored as a new revision.
          {story.state === "published" ? " Republish to show it to readers." : ""}
        </p>
      ) : null}
      {query.problem ? (
        <p role="alert" className="mt-3 rounded border-2 border-kicker p-3 font-semibold">
          {PROBLEMS[query.problem]}
        </p>
      ) : null}
      <div className="mt-4">
        <RevisionHistory
          storyId={story.id}
          version={story.version}
          revisions={revisions}
          compare={compare}
          restore={story.state === "withdrawn" ? undefined : restoreAction}
        />
      </div>
      {compare && diff ? <RevisionDiff from={compare.from} to={compare.to} diff={diff} /> : null}
    </>
  );
}

import type { Metadata } from "next";
import { StoryDesk } from "@/components/newsroom/StoryDesk";
import { getSectionTree } from "@/lib/news";
import { parseDeskQuery } from "@/lib/newsroom/desk-query";
import { sectionOptions } from "@/lib/newsroom/section-options";
import { requireStaff } from "@/lib/newsroom/session";
import { listDesk } from "@/lib/newsroom/stories";
import { createStoryAction } from "./stories/new/actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Story desk" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * /newsroom: the story desk. A writer sees their own stories unless they ask for all; editors
 * see everyone's. The query string is read by parseDeskQuery (anything odd falls back to the
 * defaults); the stories come from the door's listDesk.
 */
export default async function StoryDeskPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const defaultMine = staff.role === "writer";
  const query = parseDeskQuery(await searchParams, defaultMine);
  const [desk, tree] = await Promise.all([listDesk(staff, query), getSectionTree()]);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-2xl font-bold">Story desk</h1>
        <form action={createStoryAction}>
          <button
            type="submit"
            className="min-h-11 rounded bg-accent px-5 font-semibold text-accent-ink hover:underline"
          >
            New story
          </button>
        </form>
      </div>
      <div className="mt-4">
        <StoryDesk
          query={query}
          defaultMine={defaultMine}
          rows={desk.rows}
          hasMore={desk.hasMore}
          total={desk.total}
          sections={sectionOptions(tree)}
        />
      </div>
    </>
  );
}

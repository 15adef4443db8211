import type { ReactNode } from "react";
import { FrontPager } from "@/components/front/FrontPager";
import { WithRails } from "@/components/layout/WithRails";
import { StoryList } from "@/components/story/StoryList";
import type { StoryListPage } from "@/lib/domain";
import { feedPath } from "@/lib/urls";

type Props = {
  /** The page's path without a cursor ("/tag/europe"): the base of the pager's links. */
  path: string;
  page: StoryListPage;
  /** What the list is, above its stories: the heading and what goes with it. */
  header: ReactNode;
};

/**
 * A page of an author's or a tag's stories: its header, the stories newest first with their
 * sections, links to newer and older pages, the list's RSS feed, and both rails.
 */
export function StoryListView({ path, page, header }: Props) {
  return (
    <WithRails>
      {header}
      <p className="mb-4 text-sm text-muted">
        {page.before === null ? "Newest first" : "Older stories, newest first"} ·{" "}
        <a href={feedPath(path)} className="underline">
          RSS feed
        </a>
      </p>
      <StoryList stories={page.articles} showSection />
      <FrontPager basePath={path} newer={page.newer} older={page.older} />
    </WithRails>
  );
}

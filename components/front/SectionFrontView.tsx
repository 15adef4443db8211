import Link from "next/link";
import { FrontPager } from "@/components/front/FrontPager";
import { SectionNav } from "@/components/front/SectionNav";
import { WithRails } from "@/components/layout/WithRails";
import { JsonLd } from "@/components/seo/JsonLd";
import { StoryList } from "@/components/story/StoryList";
import type { SectionFrontPage } from "@/lib/domain";
import { breadcrumbLd, sectionTrail } from "@/lib/seo/structured-data";

/**
 * A page of a section front: its name, its subsections, its stories newest first with links to
 * newer and older pages, and both rails; or a note when the front has no stories yet.
 */
export function SectionFrontView({ front }: { front: SectionFrontPage }) {
  const top = front.parent ?? ("children" in front.section ? front.section : null);
  return (
    <WithRails>
      <JsonLd data={breadcrumbLd(sectionTrail(front.parent ?? front.section, front.section))} />
      {front.parent && (
        <p className="mb-1 text-sm font-bold uppercase tracking-wider text-kicker">
          <Link prefetch={false} href={front.parent.path} className="tall-link">
            {front.parent.name}
          </Link>
        </p>
      )}
      <h1 className="mb-4 font-serif text-4xl font-bold">{front.section.name}</h1>
      {top && <SectionNav top={top} current={front.section} />}
      {front.articles.length === 0 ? (
        <div className="border border-dashed border-rule px-6 py-12 text-center">
          <p className="font-serif text-xl">No stories in {front.section.name} yet.</p>
          <p className="mt-2 text-muted">
            New stories appear here as soon as they are published. Meanwhile, read the{" "}
            <Link prefetch={false} href="/" className="underline">
              front page
            </Link>
            {top && top.id !== front.section.id && (
              <>
                {" "}
                or{" "}
                <Link prefetch={false} href={top.path} className="underline">
                  all of {top.name}
                </Link>
              </>
            )}
            .
          </p>
        </div>
      ) : (
        <>
          <p className="mb-4 text-sm text-muted">
            {front.before === null ? "Newest first" : "Older stories, newest first"}
          </p>
          <StoryList stories={front.articles} showSection={!front.parent} />
          <FrontPager basePath={front.section.path} newer={front.newer} older={front.older} />
        </>
      )}
    </WithRails>
  );
}

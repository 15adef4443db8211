import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { FrontPager } from "@/components/front/FrontPager";
import { SectionNav } from "@/components/front/SectionNav";
import { WithRails } from "@/components/layout/WithRails";
import { StoryList } from "@/components/story/StoryList";
import { JsonLd } from "@/components/seo/JsonLd";
import { cachedPublication, cachedSectionFront } from "@/lib/cached";
import { frontMetadata } from "@/lib/seo/page-metadata";
import { breadcrumbLd, sectionTrail } from "@/lib/seo/structured-data";
import { frontCursorSchema, sectionSegmentsSchema } from "@/lib/front-params";

/**
 * A section front, "/national" or "/national/politics", or one of its older pages
 * ("?before=ID"). Reached only through the rewrites in next.config.js, which map the cursor into
 * this route's path so every page of every front is cached as a whole (ISR, refreshed every
 * 30 s). Unknown sections and bad cursors are 404s.
 */
export const revalidate = 30;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Params = { params: Promise<{ cursor: string; segments: string[] }> };

async function load(params: Params["params"]) {
  const { cursor, segments } = await params;
  const before = frontCursorSchema.safeParse(cursor);
  const path = sectionSegmentsSchema.safeParse(segments);
  if (!before.success || !path.success) return null;
  return cachedSectionFront(path.data, before.data);
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const front = await load(params);
  return front ? frontMetadata(front, await cachedPublication()) : {};
}

export default async function SectionFrontPage({ params }: Params) {
  const front = await load(params);
  if (!front) notFound();
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

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { Pagination } from "@/components/front/Pagination";
import { SectionNav } from "@/components/front/SectionNav";
import { WithRails } from "@/components/layout/WithRails";
import { StoryList } from "@/components/story/StoryList";
import { JsonLd } from "@/components/seo/JsonLd";
import { cachedPublication, cachedSectionFront } from "@/lib/cached";
import { frontMetadata } from "@/lib/seo/page-metadata";
import { breadcrumbLd, sectionTrail } from "@/lib/seo/structured-data";
import { pageNumberSchema, sectionSegmentsSchema } from "@/lib/front-params";

/**
 * A section front, "/national" or "/national/politics", page N. Reached only through proxy.ts,
 * which maps "?page=N" into this route's path so every page of every front is cached as a whole
 * (ISR, refreshed every 30 s). Unknown sections and bad or out-of-range pages are 404s.
 */
export const revalidate = 30;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Params = { params: Promise<{ page: string; segments: string[] }> };

async function load(params: Params["params"]) {
  const { page, segments } = await params;
  const pageNumber = pageNumberSchema.safeParse(page);
  const path = sectionSegmentsSchema.safeParse(segments);
  if (!pageNumber.success || !path.success) return null;
  return cachedSectionFront(path.data, pageNumber.data);
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
          <Link
            prefetch={false}
            href={front.parent.path}
            className="-my-0.5 inline-block py-0.5 hover:underline"
          >
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
            {front.totalArticles.toLocaleString("en-US")}{" "}
            {front.totalArticles === 1 ? "story" : "stories"}, newest first
            {front.totalPages > 1 && ` · page ${front.page} of ${front.totalPages}`}
          </p>
          <StoryList stories={front.articles} showSection={!front.parent} />
          <Pagination
            basePath={front.section.path}
            page={front.page}
            totalPages={front.totalPages}
          />
        </>
      )}
    </WithRails>
  );
}

import Link from "next/link";
import { WithRails } from "@/components/layout/WithRails";
import { StoryCard } from "@/components/story/StoryCard";
import { StoryList } from "@/components/story/StoryList";
import type { Metadata } from "next";
import { JsonLd } from "@/components/seo/JsonLd";
import { getLatest, getPublication, getTopStories } from "@/lib/news";
import { homeMetadata } from "@/lib/seo/page-metadata";
import { homeLd } from "@/lib/seo/structured-data";

export const revalidate = 30;

export async function generateMetadata(): Promise<Metadata> {
  return homeMetadata(await getPublication());
}

/** The home page: the lead story, the newest stories of each section, and both rails. */
export default async function HomePage() {
  const [[lead, ...more], bySection, publication] = await Promise.all([
    getLatest(5),
    getTopStories(4),
    getPublication(),
  ]);
  return (
    <WithRails>
      <JsonLd data={homeLd(publication)} />
      <h1 className="sr-only">Top stories</h1>
      {lead ? (
        <section aria-label="Lead story" className="border-b border-rule pb-6">
          <StoryCard story={lead} variant="lead" showSection priority />
          {more.length > 0 && (
            <div className="mt-6 grid gap-6 sm:grid-cols-2">
              {more.map((story) => (
                <StoryCard key={story.id} story={story} variant="compact" showSection />
              ))}
            </div>
          )}
        </section>
      ) : (
        <p className="py-10 text-center text-muted">No stories have been published yet.</p>
      )}
      {bySection.map(({ section, articles }) => (
        <section key={section.id} aria-labelledby={`home-${section.slug}`} className="mt-8">
          <h2
            id={`home-${section.slug}`}
            className="mb-4 border-b-2 border-ink pb-1 font-serif text-2xl font-bold"
          >
            <Link prefetch={false} href={section.path} className="hover:underline">
              {section.name}
            </Link>
          </h2>
          <StoryList stories={articles} headingLevel={3} />
        </section>
      ))}
    </WithRails>
  );
}

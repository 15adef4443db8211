import Image from "next/image";
import Link from "next/link";
import type { ArticleSummary } from "@/lib/domain";
import { KstTime } from "../ui/KstTime";
import { SectionKicker } from "./SectionKicker";

type Props = {
  story: ArticleSummary;
  /** "lead": the day's main story, large; "standard": headline, summary and time; "compact": headline and time. */
  variant?: "lead" | "standard" | "compact";
  /** Show the section as a kicker above the headline. */
  showSection?: boolean;
  /** Heading level of the headline: h2 on fronts, h3 inside a titled group. */
  headingLevel?: 2 | 3;
  /** Load the photo eagerly with high fetch priority (only for a photo at the top of a page). */
  priority?: boolean;
};

/**
 * The photo's slot in the layout, for `sizes`. The lead card's photo takes 3 of 5 grid columns
 * (gap 16 px) from 768 px, in a content column of 780 px from 1152 px, 100vw − 372 px from
 * 1024 px (beside the rails) and 100vw − 32 px below; a standard card's thumbnail is 112 px,
 * 160 px from 640 px.
 */
export const STORY_IMAGE_SIZES = {
  lead: "(min-width: 1152px) 462px, (min-width: 1024px) calc(60vw - 230px), (min-width: 768px) calc(60vw - 26px), calc(100vw - 32px)",
  standard: "(min-width: 640px) 160px, 112px",
} as const;

/**
 * A story in a list or on a front. The headline links to the article's canonical URL; a photo is
 * shown only when the story has one (text-only stories get a text layout, not a grey box).
 */
export function StoryCard({
  story,
  variant = "standard",
  showSection = false,
  headingLevel = 2,
  priority = false,
}: Props) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headlineSize =
    variant === "lead" ? "text-3xl sm:text-4xl" : variant === "standard" ? "text-xl" : "text-base";
  return (
    <article
      className={variant === "lead" && story.image ? "grid gap-4 md:grid-cols-5" : "flex gap-4"}
    >
      <div
        className={
          variant === "lead" && story.image ? "md:order-2 md:col-span-2" : "min-w-0 flex-1"
        }
      >
        {showSection && <SectionKicker section={story.section} />}
        <Heading className={`headline ${headlineSize}`}>
          <Link prefetch={false} href={story.path} className="tall-link">
            {story.headline}
          </Link>
        </Heading>
        {variant !== "compact" && story.summary && (
          <p className={variant === "lead" ? "mt-2 text-lg text-muted" : "mt-2 text-muted"}>
            {story.summary}
          </p>
        )}
        <p className="story-time">
          <KstTime iso={story.publishedAt} />
        </p>
      </div>
      {story.image && variant !== "compact" && (
        <div className={variant === "lead" ? "md:order-1 md:col-span-3" : "w-28 shrink-0 sm:w-40"}>
          <Image
            src={story.image.src}
            alt={story.image.alt}
            width={story.image.width}
            height={story.image.height}
            sizes={variant === "lead" ? STORY_IMAGE_SIZES.lead : STORY_IMAGE_SIZES.standard}
            loading={priority ? "eager" : "lazy"}
            fetchPriority={priority ? "high" : undefined}
            className="h-auto w-full"
          />
        </div>
      )}
    </article>
  );
}

import Image from "next/image";
import Link from "next/link";
import type { ArticleSummary } from "@/lib/domain";
import { KstTime } from "../ui/KstTime";

type Props = {
  story: ArticleSummary;
  /** "lead": the day's main story, large; "standard": headline, summary and time; "compact": headline and time. */
  variant?: "lead" | "standard" | "compact";
  /** Show the section as a kicker above the headline. */
  showSection?: boolean;
  /** Heading level of the headline: h2 on fronts, h3 inside a titled group. */
  headingLevel?: 2 | 3;
  /** Load the photo eagerly with high priority (only for the first photo on a page). */
  priority?: boolean;
};

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
        {showSection && (
          <p className="mb-1 text-xs font-bold uppercase tracking-wider text-kicker">
            <Link prefetch={false} href={story.section.path} className="hover:underline">
              {story.section.name}
            </Link>
          </p>
        )}
        <Heading className={`font-serif font-bold leading-tight ${headlineSize}`}>
          <Link prefetch={false} href={story.path} className="hover:underline">
            {story.headline}
          </Link>
        </Heading>
        {variant !== "compact" && story.summary && (
          <p className={`mt-2 text-muted ${variant === "lead" ? "text-lg" : ""}`}>
            {story.summary}
          </p>
        )}
        <p className="mt-1.5 text-xs text-muted">
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
            sizes={
              variant === "lead"
                ? "(min-width: 1152px) 560px, (min-width: 768px) 50vw, 100vw"
                : "(min-width: 640px) 160px, 112px"
            }
            priority={priority}
            className="h-auto w-full"
          />
        </div>
      )}
    </article>
  );
}

import type { ArticleSummary } from "@/lib/domain";
import { StoryCard } from "./StoryCard";

type Props = {
  stories: ArticleSummary[];
  variant?: "standard" | "compact";
  showSection?: boolean;
  headingLevel?: 2 | 3;
};

/** A list of stories separated by rules; the order is the caller's. */
export function StoryList({
  stories,
  variant = "standard",
  showSection = false,
  headingLevel = 2,
}: Props) {
  return (
    <ul className="divide-y divide-rule">
      {stories.map((story) => (
        <li key={story.id} className="py-4 first:pt-0">
          <StoryCard
            story={story}
            variant={variant}
            showSection={showSection}
            headingLevel={headingLevel}
          />
        </li>
      ))}
    </ul>
  );
}

import Link from "next/link";
import type { Tag } from "@/lib/domain";
import { tagPath } from "@/lib/urls";

/** The article's tags (Wikinews categories or our own), as a labelled list of links to their pages. */
export function TagList({ tags }: { tags: Tag[] }) {
  if (tags.length === 0) return null;
  return (
    <div className="mt-6 flex flex-wrap items-center gap-2 text-sm">
      <h2 className="font-bold">Tags</h2>
      <ul className="flex flex-wrap gap-2">
        {tags.map((tag) => (
          <li key={tag.id}>
            <Link
              prefetch={false}
              href={tagPath(tag.slug)}
              rel="tag"
              className="inline-flex min-h-11 items-center rounded-full border border-rule px-3 hover:underline"
            >
              {tag.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { Tag } from "@/lib/domain";

/** The article's tags (Wikinews categories or our own), as a labelled list. */
export function TagList({ tags }: { tags: Tag[] }) {
  if (tags.length === 0) return null;
  return (
    <div className="mt-6 flex flex-wrap items-center gap-2 text-sm">
      <h2 className="font-bold">Tags</h2>
      <ul className="flex flex-wrap gap-2">
        {tags.map((tag) => (
          <li key={tag.id} className="rounded-full border border-rule px-3 py-1">
            {tag.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { Tag } from "@/lib/domain";

/** A tag page's header: "Tag" and the tag's name. */
export function TagHeader({ tag }: { tag: Tag }) {
  return (
    <header className="mb-6">
      <p className="mb-1 text-sm font-bold uppercase tracking-wider text-kicker">Tag</p>
      <h1 className="font-serif text-4xl font-bold">{tag.name}</h1>
    </header>
  );
}

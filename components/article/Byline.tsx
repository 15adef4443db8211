import type { Author } from "@/lib/domain";

/** Joins names as a byline: "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 2) return names.join(" and ");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** "By Yonhap": the article's authors (staff reporters, agencies or Wikinews contributors), or nothing when it has none. */
export function Byline({ authors }: { authors: Author[] }) {
  if (authors.length === 0) return null;
  return <p className="font-semibold">By {joinNames(authors.map((a) => a.name))}</p>;
}

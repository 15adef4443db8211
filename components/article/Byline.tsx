import { Fragment } from "react";
import Link from "next/link";
import type { Author } from "@/lib/domain";
import { authorPath } from "@/lib/urls";

/** The separator before the `index`-th of `count` names ("A", "A and B", "A, B and C"). */
const separator = (index: number, count: number) =>
  index === 0 ? "" : index === count - 1 ? " and " : ", ";

/**
 * "By Yonhap": the article's authors (staff reporters, agencies or Wikinews contributors), each
 * a link to their author page, or nothing when it has none.
 */
export function Byline({ authors }: { authors: Author[] }) {
  if (authors.length === 0) return null;
  return (
    <p className="font-semibold">
      By{" "}
      {authors.map((author, index) => (
        <Fragment key={author.id}>
          {separator(index, authors.length)}
          <Link prefetch={false} href={authorPath(author.slug)} rel="author" className="underline">
            {author.name}
          </Link>
        </Fragment>
      ))}
    </p>
  );
}

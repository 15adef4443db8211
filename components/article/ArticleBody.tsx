import type { BodyBlock } from "@/lib/domain";

/**
 * The article's body from its structured blocks, as React text: no HTML string ever reaches the
 * page. Set in a readable measure: 56ch of the serif face comes to about 60–70 characters of
 * running text a line (e2e/responsive.spec.ts measures it).
 */
export function ArticleBody({ blocks }: { blocks: BodyBlock[] }) {
  return (
    <div data-article-body className="max-w-[56ch] font-serif text-lg leading-relaxed">
      {blocks.map((block, index) =>
        block.type === "heading" ? (
          <h2 key={index} className="mt-8 mb-3 font-sans text-xl font-bold">
            {block.text}
          </h2>
        ) : (
          <p key={index} className="mb-5">
            {block.text}
          </p>
        ),
      )}
    </div>
  );
}

import type { BodyBlock } from "@/lib/domain";
import { absoluteUrl } from "@/lib/urls";
import { BodyPhoto } from "./BodyPhoto";
import { BodyText } from "./BodyText";

/**
 * The article's body from its structured blocks (lib/domain.ts BodyBlock), as React elements: no
 * HTML string ever reaches the page. Paragraphs, subheadings (h2), block quotes, bulleted and
 * numbered lists, with bold, italic and links (BodyText); photos with caption and credit
 * (BodyPhoto; a photo whose image was not found on read has no src and is left out, as is a block
 * of a type this renderer does not know). Set in a readable measure: 56ch of the serif face comes
 * to about 60–70 characters of running text a line (e2e/responsive.spec.ts measures it).
 */
export function ArticleBody({ blocks }: { blocks: BodyBlock[] }) {
  const siteOrigin = absoluteUrl("/");
  return (
    <div data-article-body className="max-w-[56ch] font-serif text-lg leading-relaxed">
      {blocks.map((block, index) => {
        switch (block.type) {
          case "heading":
            return (
              <h2 key={index} className="mt-8 mb-3 font-sans text-xl font-bold">
                {block.text}
              </h2>
            );
          case "paragraph":
            return (
              <p key={index} className="mb-5">
                <BodyText text={block.text} runs={block.runs} siteOrigin={siteOrigin} />
              </p>
            );
          case "quote":
            return (
              <blockquote key={index} className="my-6 border-l-4 border-rule pl-4 italic">
                <p>
                  <BodyText text={block.text} runs={block.runs} siteOrigin={siteOrigin} />
                </p>
              </blockquote>
            );
          case "list": {
            const List = block.ordered ? "ol" : "ul";
            return (
              <List
                key={index}
                className={`mb-5 pl-6 ${block.ordered ? "list-decimal" : "list-disc"}`}
              >
                {block.items.map((item, i) => (
                  <li key={i} className="mb-1">
                    <BodyText text={item.text} runs={item.runs} siteOrigin={siteOrigin} />
                  </li>
                ))}
              </List>
            );
          }
          case "photo":
            return block.src && block.width && block.height ? (
              <BodyPhoto
                key={index}
                src={block.src}
                width={block.width}
                height={block.height}
                alt={block.alt}
                caption={block.caption}
                credit={block.credit}
              />
            ) : null;
          default:
            return null;
        }
      })}
    </div>
  );
}

import type { Article, ArticleSummary } from "@/lib/domain";
import { StoryList } from "../story/StoryList";
import { ArticleBody } from "./ArticleBody";
import { ArticleDates } from "./ArticleDates";
import { Corrections } from "./Corrections";
import { Breadcrumb } from "./Breadcrumb";
import { Byline } from "./Byline";
import { LeadImage } from "./LeadImage";
import { ShareLinks } from "./ShareLinks";
import { SourceCredit } from "./SourceCredit";
import { TagList } from "./TagList";

/**
 * An article as the seed page prints it: breadcrumb, headline, standfirst, byline, published and
 * updated dates (KST), share links, lead photo with caption and credit, body, corrections, tags, the source's
 * licence notice, and related stories. On paper (app/globals.css, print) it keeps the headline,
 * byline, dates, photo and body, and prints the canonical URL under the dates.
 */
export function ArticleView({
  article,
  related,
  canonicalUrl,
}: {
  article: Article;
  related: ArticleSummary[];
  /** The article's absolute canonical URL: shared, and printed on paper. */
  canonicalUrl: string;
}) {
  return (
    <article>
      <header>
        <Breadcrumb top={article.topSection} section={article.section} />
        <h1 className="font-serif text-3xl font-bold leading-tight sm:text-4xl">
          {article.headline}
        </h1>
        {article.standfirst && (
          <p className="mt-3 font-serif text-xl text-muted">{article.standfirst}</p>
        )}
        <div className="mt-4 space-y-1 border-y border-rule py-3">
          <Byline authors={article.authors} />
          <ArticleDates publishedAt={article.publishedAt} updatedAt={article.updatedAt} />
          <p className="hidden text-sm print:block">
            Read online: <span className="break-all">{canonicalUrl}</span>
          </p>
        </div>
        <ShareLinks url={canonicalUrl} title={article.headline} />
      </header>
      {article.leadImage && <LeadImage lead={article.leadImage} />}
      <div className={article.leadImage ? "" : "mt-6"}>
        <ArticleBody blocks={article.body} />
      </div>
      <Corrections corrections={article.corrections} />
      <div className="no-print">
        <TagList tags={article.tags} />
      </div>
      <SourceCredit sourceUrl={article.sourceUrl} licence={article.licence} />
      {related.length > 0 && (
        <section
          aria-labelledby="related-heading"
          className="mt-10 border-t-2 border-ink pt-3 no-print"
        >
          <h2 id="related-heading" className="mb-4 text-sm font-bold tracking-widest">
            RELATED ARTICLES
          </h2>
          <StoryList stories={related} variant="compact" headingLevel={3} showSection />
        </section>
      )}
    </article>
  );
}

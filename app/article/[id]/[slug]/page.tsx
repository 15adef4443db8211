import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/article/ArticleView";
import { ViewBeacon } from "@/components/article/ViewBeacon";
import { WithRails } from "@/components/layout/WithRails";
import { articleIdSchema } from "@/lib/article-params";
import { JsonLd } from "@/components/seo/JsonLd";
import { cachedArticle, cachedPublication, cachedRelated } from "@/lib/cached";
import { articleMetadata } from "@/lib/seo/page-metadata";
import { breadcrumbLd, newsArticleLd, sectionTrail } from "@/lib/seo/structured-data";

/**
 * An article at its canonical URL, "/article/{id}/{slug}". Rendered on first request and cached
 * (ISR, refreshed every 60 s). An unknown id (or a draft, or a story not yet due) is a 404; a
 * wrong slug is a permanent redirect (308) to the canonical URL.
 */
export const revalidate = 60;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Params = { params: Promise<{ id: string; slug: string }> };

async function load(params: Params["params"]) {
  const { id } = await params;
  const parsed = articleIdSchema.safeParse(id);
  return parsed.success ? cachedArticle(parsed.data) : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const article = await load(params);
  return article ? articleMetadata(article, await cachedPublication()) : {};
}

export default async function ArticlePage({ params }: Params) {
  const { slug } = await params;
  const article = await load(params);
  if (!article) notFound();
  if (slug !== article.slug) permanentRedirect(article.path);
  const [related, publication] = await Promise.all([
    cachedRelated(article.id, 5),
    cachedPublication(),
  ]);
  return (
    <WithRails>
      <JsonLd
        data={[
          newsArticleLd(article, publication),
          breadcrumbLd(sectionTrail(article.topSection, article.section)),
        ]}
      />
      <ArticleView article={article} related={related} />
      <ViewBeacon articleId={article.id} />
    </WithRails>
  );
}

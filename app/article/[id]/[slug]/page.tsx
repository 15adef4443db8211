import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/article/ArticleView";
import { ViewBeacon } from "@/components/article/ViewBeacon";
import { WithRails } from "@/components/layout/WithRails";
import { articleIdSchema } from "@/lib/article-params";
import { cachedArticle, cachedRelated } from "@/lib/cached";

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
  return article ? { title: article.headline, description: article.summary } : {};
}

export default async function ArticlePage({ params }: Params) {
  const { slug } = await params;
  const article = await load(params);
  if (!article) notFound();
  if (slug !== article.slug) permanentRedirect(article.path);
  const related = await cachedRelated(article.id, 5);
  return (
    <WithRails>
      <ArticleView article={article} related={related} />
      <ViewBeacon articleId={article.id} />
    </WithRails>
  );
}

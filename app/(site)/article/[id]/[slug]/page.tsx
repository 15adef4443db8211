import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleView } from "@/components/article/ArticleView";
import { PreviewBanner } from "@/components/article/PreviewBanner";
import { ViewBeacon } from "@/components/article/ViewBeacon.island";
import { WithRails } from "@/components/layout/WithRails";
import { articleIdSchema } from "@/lib/urls";
import { JsonLd } from "@/components/seo/JsonLd";
import { getPublication, getRelated } from "@/lib/news";
import { getArticleForPage } from "@/lib/news";
import { issueViewTicket } from "@/lib/page-views/ticket";
import { articleMetadata } from "@/lib/seo/page-metadata";
import { absoluteUrl } from "@/lib/urls";
import { breadcrumbLd, newsArticleLd, sectionTrail } from "@/lib/seo/structured-data";

/**
 * An article at its canonical URL, "/article/{id}/{slug}". Rendered on first request and cached
 * (ISR, refreshed every 30 s). An unknown id (or a draft, or a story not yet due) is a 404; a
 * wrong slug is a permanent redirect (308) to the canonical URL (answered by proxy.ts, which also
 * answers 410 for withdrawn stories). An editor in preview sees the article in any state, with a
 * banner, `noindex` and no caching (Draft Mode).
 */
export const revalidate = 30;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Params = { params: Promise<{ id: string; slug: string }> };

async function load(params: Params["params"]) {
  const { id } = await params;
  const parsed = articleIdSchema.safeParse(id);
  return parsed.success ? getArticleForPage(parsed.data) : null;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const loaded = await load(params);
  if (!loaded) return {};
  const metadata = articleMetadata(loaded.article, await getPublication());
  return loaded.preview ? { ...metadata, robots: { index: false, follow: false } } : metadata;
}

export default async function ArticlePage({ params }: Params) {
  const { slug } = await params;
  const loaded = await load(params);
  if (!loaded) notFound();
  const { article, preview } = loaded;
  if (slug !== article.slug) permanentRedirect(article.path);
  const [related, publication] = await Promise.all([getRelated(article.id, 5), getPublication()]);
  return (
    <>
      {preview && <PreviewBanner articleId={article.id} state={preview} />}
      <WithRails>
        <JsonLd
          data={[
            newsArticleLd(article, publication),
            breadcrumbLd(sectionTrail(article.topSection, article.section)),
          ]}
        />
        <ArticleView article={article} related={related} canonicalUrl={absoluteUrl(article.path)} />
        {!preview && <ViewBeacon articleId={article.id} ticket={issueViewTicket(article.id)} />}
      </WithRails>
    </>
  );
}

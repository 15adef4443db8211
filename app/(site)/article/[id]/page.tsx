import { notFound, permanentRedirect } from "next/navigation";
import { articleIdSchema } from "@/lib/urls";
import { getArticle } from "@/lib/news";

/** "/article/{id}" without its slug: a permanent redirect to the canonical URL, or a 404 for an unknown id. */
export const revalidate = 30;
export async function generateStaticParams() {
  return [];
}

export default async function ArticleWithoutSlug({ params }: { params: Promise<{ id: string }> }) {
  const parsed = articleIdSchema.safeParse((await params).id);
  const article = parsed.success ? await getArticle(parsed.data) : null;
  if (!article) notFound();
  permanentRedirect(article.path);
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ERROR_TEXT, ErrorView } from "@/components/errors/ErrorView";
import { getSiteFrame } from "@/lib/news";
import { errorPageStatusSchema } from "@/lib/urls";

/**
 * The site's 404, 410, 500 and 503 pages as proxy.ts answers them: "/errors/{status}" and
 * "/errors/{status}/{section path}" (lib/urls.ts errorPagePath), reached only by the proxy's
 * rewrite, which also names the status server.mjs sends (a request for these paths themselves is
 * a 404; docs/decisions/032-error-pages.md). The 500 page replaces Next.js's empty one for a page
 * that threw, at server.mjs's request (lib/http/error-replay.mjs). Rendered with the root layout,
 * so with the header, the stylesheet and `lang`; needs no database (the layout and the section's name use what this
 * process last read, lib/news/last-known.ts), so the 503 page renders during an outage. Cached
 * like any page (ISR): every unknown article shares one rendering.
 */
export const revalidate = 30;
export const dynamicParams = true;
export async function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ status: string; section?: string[] }> };

/**
 * The title, and `noindex`: Next.js adds its own robots tag only to a page rendered with an error
 * status, and this one renders as 200 before server.mjs sets its status, so this is the one tag.
 */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const status = errorPageStatusSchema.safeParse((await params).status);
  if (!status.success) return {};
  return { title: ERROR_TEXT[status.data].title, robots: { index: false } };
}

export default async function ErrorPage({ params }: Props) {
  const { status: rawStatus, section: segments = [] } = await params;
  const status = errorPageStatusSchema.safeParse(rawStatus);
  if (!status.success) notFound();
  const path = `/${segments.join("/")}`;
  const { sections } = await getSiteFrame();
  const section =
    sections.flatMap((top) => [top, ...top.children]).find((node) => node.path === path) ?? null;
  return <ErrorView status={status.data} section={section} />;
}

import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

/**
 * What a newsroom page's `notFound()` shows (a story id that is no story, a deleted one), inside
 * the newsroom's layout, so in its frame (docs/decisions/042-route-groups.md): the message and
 * the way back to the story desk. Plain: Next.js sends this boundary with every newsroom page.
 * A full page load of such a page gets the site's /errors/404 page (server.mjs,
 * docs/decisions/032-error-pages.md); this one shows when the newsroom navigates in the browser.
 */
export default function NewsroomNotFound() {
  return (
    <>
      <h1 className="text-2xl font-bold">Not found</h1>
      <p>There is no such page or story in the newsroom.</p>
      <p>
        <Link href="/newsroom" className="underline">
          Back to the story desk
        </Link>
      </p>
    </>
  );
}

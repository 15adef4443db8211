import type { Metadata } from "next";
import Link from "next/link";
import { PageGrid } from "@/components/layout/PageGrid";
import { LatestRailAside } from "@/components/rails/LatestRailAside";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

/**
 * The 404 page: keeps the header, footer and LATEST NEWS, and offers a way on. Answers with
 * status 404. LATEST NEWS is fetched in the browser, as on the error page: Next.js sends this
 * page's tree in every page's RSC payload (it is the root not-found boundary), so server-rendered
 * rails here would add their stories to every page a reader loads.
 */
export default function NotFound() {
  return (
    <PageGrid aside={<LatestRailAside />}>
      <h1 className="font-serif text-4xl font-bold">Page not found</h1>
      <p className="mt-4 max-w-[65ch] text-lg">
        We could not find that page. The address may be mistyped, or the story may have moved.
      </p>
      <p className="mt-4">
        <Link prefetch={false} href="/" className="font-semibold underline">
          Go to the front page
        </Link>{" "}
        or pick a section from the menu.
      </p>
    </PageGrid>
  );
}

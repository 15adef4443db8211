import type { Metadata } from "next";
import Link from "next/link";
import { WithRails } from "@/components/layout/WithRails";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

/** The 404 page: keeps the header, footer and LATEST NEWS, and offers a way on. Answers with status 404. */
export default function NotFound() {
  return (
    <WithRails rails="latest">
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
    </WithRails>
  );
}

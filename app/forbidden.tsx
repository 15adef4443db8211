import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not allowed", robots: { index: false } };

/** What forbidden() (403) shows: the newsroom's guard for a role too low for a page or action. */
export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl px-4 py-8">
      <h1 className="text-2xl font-bold">Not allowed</h1>
      <p>Your role in the newsroom may not open this page.</p>
      <p>
        <Link href="/newsroom" className="underline">
          Back to the story desk
        </Link>
      </p>
    </div>
  );
}

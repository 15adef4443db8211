import type { Metadata } from "next";
import Link from "next/link";
import { SkipLink } from "@/components/layout/SkipLink";
import { NewsroomHeader } from "@/components/newsroom/NewsroomHeader";
import { signOutAction } from "./newsroom/sign-in/actions";

export const metadata: Metadata = { title: "Not allowed", robots: { index: false } };

/**
 * What forbidden() (403) shows: the newsroom's guard for a role too low for a page or action.
 * It renders in the root layout, in place of the newsroom's own (the only forbidden.tsx is this
 * one), so it draws the newsroom's frame itself: skip link, the newsroom masthead without its
 * navigation, the message in `<main>` (decisions/042). It reads nothing of the request (no
 * session): Next.js sends this file with every page, and a request read here would make every
 * public page dynamic.
 */
export default function Forbidden() {
  return (
    <div className="newsroom flex flex-1 flex-col">
      <SkipLink />
      <NewsroomHeader staff={null} signOut={signOutAction} />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl px-4 py-6 focus:outline-none"
      >
        <h1 className="text-2xl font-bold">Not allowed</h1>
        <p>Your role in the newsroom may not open this page.</p>
        <p>
          <Link href="/newsroom" className="underline">
            Back to the story desk
          </Link>
        </p>
      </main>
    </div>
  );
}

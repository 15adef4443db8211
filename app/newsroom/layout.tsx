import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SkipLink } from "@/components/layout/SkipLink";
import { NewsroomHeader } from "@/components/newsroom/NewsroomHeader";
import { currentStaff } from "@/lib/newsroom/session";
import { signOutAction } from "./sign-in/actions";

export const metadata: Metadata = {
  title: { default: "Newsroom", template: "%s | Herald newsroom" },
  robots: { index: false, follow: false, nocache: true },
};
export const dynamic = "force-dynamic";

/**
 * Every /newsroom page: the newsroom's own frame, not the public site's (which is
 * app/(site)/layout.tsx's, decisions/042): a skip link, its masthead and navigation, and the page
 * in `<main id="main">`. Each page checks the session and role itself (requireStaff), as the
 * guard must run in the page, not only here. A page's forbidden() or notFound() replaces this
 * layout with app/forbidden.tsx (the newsroom's frame again) or app/not-found.tsx.
 */
export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  return (
    <div className="newsroom flex flex-1 flex-col">
      <SkipLink />
      <NewsroomHeader staff={staff} signOut={signOutAction} />
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-5xl px-4 py-6 focus:outline-none"
      >
        {children}
      </main>
    </div>
  );
}

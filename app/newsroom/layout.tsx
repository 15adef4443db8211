import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NewsroomHeader } from "@/components/newsroom/NewsroomHeader";
import { currentStaff } from "@/lib/newsroom/session";
import { signOutAction } from "./sign-in/actions";

export const metadata: Metadata = {
  title: { default: "Newsroom", template: "%s | Herald newsroom" },
  robots: { index: false, follow: false, nocache: true },
};
export const dynamic = "force-dynamic";

/**
 * Every /newsroom page: the newsroom's own masthead and navigation. Each page checks the session
 * and role itself (requireStaff), as the guard must run in the page, not only here.
 */
export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  return (
    <div className="newsroom">
      <NewsroomHeader staff={staff} signOut={signOutAction} />
      <div className="mx-auto max-w-5xl px-4 py-6">{children}</div>
    </div>
  );
}

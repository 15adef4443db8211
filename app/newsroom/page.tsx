import type { Metadata } from "next";
import { requireStaff } from "@/lib/newsroom/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Story desk" };

/** /newsroom: the story desk (helper "stories" replaces this page with the real desk). */
export default async function StoryDeskPage() {
  const staff = await requireStaff();
  return (
    <>
      <h1 className="text-2xl font-bold">Story desk</h1>
      <p>Signed in as {staff.email}.</p>
    </>
  );
}

import type { Metadata } from "next";
import { requireStaff } from "@/lib/newsroom/session";
import { createStoryAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New story" };

/**
 * /newsroom/stories/new: one button that creates the draft (a POST, never a GET with a side
 * effect) and opens its editor.
 */
export default async function NewStoryPage() {
  await requireStaff();
  return (
    <>
      <h1 className="font-serif text-2xl font-bold">New story</h1>
      <p className="mt-2">
        A new draft is saved as soon as you start; only you and editors see it.
      </p>
      <form action={createStoryAction} className="mt-4">
        <button
          type="submit"
          className="min-h-11 rounded bg-accent px-5 font-semibold text-accent-ink hover:underline"
        >
          Start writing
        </button>
      </form>
    </>
  );
}

"use server";

import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/newsroom/session";
import { createStory } from "@/lib/newsroom/stories";

/** Starts a new story (any staff member): an empty draft owned by them, then its editor. */
export async function createStoryAction(): Promise<void> {
  const staff = await requireStaff();
  const { id } = await createStory(staff);
  redirect(`/newsroom/stories/${id}`);
}

"use server";

import { forbidden, notFound, redirect } from "next/navigation";
import { z } from "zod";
import { createPreviewLink, revokePreviewLink } from "@/lib/newsroom/preview-links";
import { requireStaff } from "@/lib/newsroom/session";
import { LINK_ID } from "@/lib/preview/tokens";

/**
 * Server Actions of the story page's preview links (components/newsroom/PreviewLinks.tsx):
 * "Share preview" and "Revoke". Each checks the session and role itself (requireStaff, then the
 * door checks editor+), validates the form with zod and redirects back to the story page (so they
 * work without JavaScript): after sharing with `?shared=LINK_ID`, which shows the new URL once.
 * A forged or malformed post: 400-style message in the page's query, 403 or 404.
 */

const storyPath = (articleId: number) => `/newsroom/stories/${articleId}`;

const shareSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  hours: z.enum(["1", "24", "72", "168"]).transform(Number),
});

const revokeSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  linkId: z.string().regex(LINK_ID),
});

/** Makes a shareable preview link for the story in the form (editor+). */
export async function sharePreview(form: FormData): Promise<void> {
  const staff = await requireStaff("editor");
  const input = shareSchema.safeParse(Object.fromEntries(form));
  if (!input.success) notFound();
  const made = await createPreviewLink(staff, input.data.articleId, { hours: input.data.hours });
  if (!made.ok) {
    if (made.kind === "forbidden") forbidden();
    notFound();
  }
  redirect(`${storyPath(input.data.articleId)}?shared=${made.id}#preview-links`);
}

/** Revokes the preview link in the form at once (editor+). */
export async function revokePreview(form: FormData): Promise<void> {
  const staff = await requireStaff("editor");
  const input = revokeSchema.safeParse(Object.fromEntries(form));
  if (!input.success) notFound();
  const revoked = await revokePreviewLink(staff, input.data.linkId);
  if (!revoked.ok) {
    if (revoked.kind === "forbidden") forbidden();
    notFound();
  }
  redirect(`${storyPath(revoked.link.articleId)}#preview-links`);
}

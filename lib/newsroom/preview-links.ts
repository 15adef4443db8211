import "server-only";
import { getStore } from "../news/connect";
import type { PreviewLinkRow } from "../news/newsroom-store";
import { linkHoursSchema, linkState, makePreviewLink, previewUrl } from "../preview/links";
import {
  LINK_ID,
  PREVIEW_LINK_AUDIENCE,
  signPreviewToken,
  type PreviewGrant,
} from "../preview/tokens";
import { roleAtLeast } from "./roles";
import type { Staff } from "./session";

/**
 * The newsroom's door to preview (issue 17, "Preview"; docs/newsroom.md, "Preview and
 * sharing"). Every function takes the acting staff member and checks the role itself: editors
 * and admins make, revoke and list shareable links of any story; a writer may preview and list
 * the links of their own story only. Making and revoking a link writes one audit entry.
 * Results are unions, never thrown, so a Server Action answers each case plainly.
 */

/** Why a call was refused: the role or story owner ("forbidden"), an unknown id, a bad value. */
export type PreviewRefusal = {
  ok: false;
  kind: "forbidden" | "not-found" | "invalid";
  message: string;
};

const refusal = (kind: PreviewRefusal["kind"], message: string): PreviewRefusal => ({
  ok: false,
  kind,
  message,
});

/** A link as the story lists it. */
export type PreviewLinkView = PreviewLinkRow & { state: "active" | "expired" | "revoked" };

/** How long the staff preview's session lasts: a click on "Preview" starts a new one. */
const STAFF_PREVIEW_SECONDS = 60 * 60;

/** Whether `staff` may see story `articleId` in preview: editor+, or the writer who owns it. */
async function mayPreview(staff: Staff, articleId: number): Promise<boolean | null> {
  const store = await getStore();
  const now = new Date().toISOString();
  const [state, story] = await Promise.all([
    store.articleState(articleId, now),
    store.newsroom().storyRevisionsState(articleId),
  ]);
  if (!state) return null;
  return roleAtLeast(staff.role, "editor") || (story !== null && story.ownerId === staff.id);
}

/**
 * Makes a shareable preview link to story `articleId` (editor+), valid `hours` (1..168, default
 * 24), showing revision `revision` (null: the story's latest, whatever it is when opened).
 * Returns its id, URL and expiry.
 */
export async function createPreviewLink(
  staff: Staff,
  articleId: number,
  options: { hours?: number; revision?: number | null } = {},
): Promise<{ ok: true; id: string; url: string; expiresAt: string } | PreviewRefusal> {
  if (!roleAtLeast(staff.role, "editor"))
    return refusal("forbidden", "Only editors can share preview links.");
  const hours = linkHoursSchema.safeParse(options.hours ?? 24);
  if (!hours.success) return refusal("invalid", hours.error.issues[0]!.message);
  const store = await getStore();
  if (!(await store.articleState(articleId, new Date().toISOString())))
    return refusal("not-found", "There is no such story.");
  const revision = options.revision ?? null;
  if (revision !== null) {
    const story = await store.newsroom().storyRevisionsState(articleId);
    if (!story || !Number.isSafeInteger(revision) || revision < 1 || revision > story.headRevision)
      return refusal("not-found", "There is no such revision.");
  }
  const link = await makePreviewLink(store.newsroom(), {
    articleId,
    revision,
    hours: hours.data,
    createdBy: staff.id,
  });
  await store.newsroom().audit({
    at: new Date().toISOString(),
    actorId: staff.id,
    actorEmail: staff.email,
    action: "preview-link-created",
    articleId,
    detail: { linkId: link.id, expiresAt: link.expiresAt, revision },
  });
  return { ok: true, ...link };
}

/** Revokes preview link `linkId` at once (editor+); a link revoked before stays as it was. */
export async function revokePreviewLink(
  staff: Staff,
  linkId: string,
): Promise<{ ok: true; link: PreviewLinkRow } | PreviewRefusal> {
  if (!roleAtLeast(staff.role, "editor"))
    return refusal("forbidden", "Only editors can revoke preview links.");
  if (!LINK_ID.test(linkId)) return refusal("not-found", "There is no such preview link.");
  const store = await getStore();
  const at = new Date().toISOString();
  const link = await store.newsroom().revokePreviewLink(linkId, staff.id, at);
  if (!link) return refusal("not-found", "There is no such preview link.");
  if (link.revokedAt === at)
    await store.newsroom().audit({
      at,
      actorId: staff.id,
      actorEmail: staff.email,
      action: "preview-link-revoked",
      articleId: link.articleId,
      detail: { linkId },
    });
  return { ok: true, link };
}

/**
 * The preview links of story `articleId`, newest first, with their state now (editor+, or the
 * story's writer); null for an unknown story, a refusal for anyone else.
 */
export async function listPreviewLinks(
  staff: Staff,
  articleId: number,
): Promise<PreviewLinkView[] | null | PreviewRefusal> {
  const may = await mayPreview(staff, articleId);
  if (may === null) return null;
  if (!may) return refusal("forbidden", "This is not your story.");
  const now = Date.now();
  const links = await (await getStore()).newsroom().previewLinks(articleId);
  return links.map((link) => ({
    ...link,
    createdByName: link.createdByName ?? (link.createdBy === staff.id ? staff.name : null),
    state: linkState(link, now),
  }));
}

/**
 * The URL of an active link `linkId` of story `articleId` that `staff` made, signed afresh with
 * the row's own expiry, so "Share preview" can show the link it just made without keeping the
 * token anywhere; null otherwise.
 */
export async function previewLinkUrl(
  staff: Staff,
  articleId: number,
  linkId: string,
): Promise<string | null> {
  if (!roleAtLeast(staff.role, "editor") || !LINK_ID.test(linkId)) return null;
  const link = await (await getStore()).newsroom().previewLink(linkId);
  const now = Date.now();
  if (!link || link.articleId !== articleId || link.createdBy !== staff.id) return null;
  if (linkState(link, now) !== "active") return null;
  const seconds = Math.floor((Date.parse(link.expiresAt) - now) / 1000);
  if (seconds < 1) return null;
  const token = await signPreviewToken(articleId, PREVIEW_LINK_AUDIENCE, {
    now,
    seconds,
    linkId: link.id,
    revision: link.revision,
  });
  return previewUrl(token);
}

/**
 * The grant of the newsroom's own "Preview" (GET /newsroom/stories/[id]/preview): story
 * `articleId`'s latest revision for an hour, for editors and the story's writer; null for an
 * unknown story, a refusal for anyone else. The caller starts the session (lib/news
 * startPreviewSession) and redirects to the story's public path.
 */
export async function staffPreviewGrant(
  staff: Staff,
  articleId: number,
): Promise<PreviewGrant | null | PreviewRefusal> {
  const may = await mayPreview(staff, articleId);
  if (may === null) return null;
  if (!may) return refusal("forbidden", "This is not your story.");
  return {
    articleId,
    expiresAt: Math.floor(Date.now() / 1000) + STAFF_PREVIEW_SECONDS,
    linkId: null,
    revision: null,
  };
}

/** What components/newsroom/PreviewLinks.tsx shows for one story. */
export type PreviewLinksPanel = {
  articleId: number;
  links: PreviewLinkView[];
  /** Whether `staff` may make and revoke links (editor+). */
  canShare: boolean;
  /** The URL of the link `staff` just made, shown once after "Share preview", or null. */
  madeUrl: string | null;
};

/**
 * The preview links panel of story `articleId` for `staff`; `madeLinkId` is the link "Share
 * preview" just made (from the redirect's query), shown as a URL when it is `staff`'s and
 * active. null for an unknown story, a refusal for a writer on another's story.
 */
export async function previewLinksPanel(
  staff: Staff,
  articleId: number,
  madeLinkId: string | null,
): Promise<PreviewLinksPanel | null | PreviewRefusal> {
  const links = await listPreviewLinks(staff, articleId);
  if (links === null || "ok" in links) return links;
  return {
    articleId,
    links,
    canShare: roleAtLeast(staff.role, "editor"),
    madeUrl: madeLinkId ? await previewLinkUrl(staff, articleId, madeLinkId) : null,
  };
}

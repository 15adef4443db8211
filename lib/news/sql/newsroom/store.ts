import type { NewsroomStore } from "../../newsroom-store";
import type { DB } from "../db";
import { readAuditLog, recordAudit } from "./audit";
import {
  findPreviewLink,
  insertPreviewLink,
  listPreviewLinks,
  revokePreviewLink,
} from "./preview-links";
import { revisionArticle, storyRevisionsState } from "./revision-article";
import {
  attemptKeys,
  clearAccountFailures,
  isSignInLimited,
  recordSignInFailure,
} from "./sign-in-limits";

/** The {@link NewsroomStore} over `db` (either backend): every query written once. */
export function newsroomStoreOver(db: DB): NewsroomStore {
  return {
    // ── Audit log ──
    audit: (entry) => recordAudit(db, entry),
    auditLog: (page) => readAuditLog(db, page),
    // ── Preview (helper "preview") ──
    revisionArticle: (articleId, revision, now) => revisionArticle(db, articleId, revision, now),
    storyRevisionsState: (articleId) => storyRevisionsState(db, articleId),
    createPreviewLink: (link) => insertPreviewLink(db, link),
    previewLink: (id) => findPreviewLink(db, id),
    previewLinks: (articleId) => listPreviewLinks(db, articleId),
    revokePreviewLink: (id, by, at) => revokePreviewLink(db, id, by, at),
    // ── Accounts ──
    signInLimited: (email, address, now, windowMs) =>
      isSignInLimited(db, attemptKeys(email, address), now, windowMs),
    recordSignInFailure: (email, address, now, windowMs) =>
      recordSignInFailure(db, attemptKeys(email, address), now, windowMs),
    clearSignInFailures: (email) => clearAccountFailures(db, attemptKeys(email, "")),
  };
}

import type { NewsroomStore } from "../../newsroom-store";
import type { DB } from "../db";
import type { BatchIndexer } from "../search/document";
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
import { listDesk } from "./desk";
import { publishStory, withdrawStory } from "./publish";
import { listRevisions, revisionContent } from "./revisions";
import { getStory } from "./open-story";
import { changeStoryState, createStory, saveStory } from "./stories";
import { insertPhoto, readMediaFile, readMediaLibrary, readPhoto } from "./media";

/**
 * The {@link NewsroomStore} over `db` (either backend): every query written once. `indexBatch`
 * is the backend's search indexer (publishing updates the search index with it).
 */
export function newsroomStoreOver(db: DB, parts: { indexBatch: BatchIndexer }): NewsroomStore {
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

    // ── Stories, revisions, the desk, publishing, corrections (helper "stories") ──
    createStory: (input) => createStory(db, input),
    story: (id) => getStory(db, id),
    saveStory: (id, input) => saveStory(db, id, input),
    changeStoryState: (id, input) => changeStoryState(db, id, input),
    publishStory: (id, input) => publishStory(db, parts.indexBatch, id, input),
    withdrawStory: (id, input) => withdrawStory(db, id, input),
    desk: (query, now) => listDesk(db, query, now),
    revisions: (id) => listRevisions(db, id),
    revisionContent: (id, number) => revisionContent(db, id, number),
    // ── Media (helper "media") ──
    insertPhoto: (photo) => insertPhoto(db, photo),
    photo: (imageId) => readPhoto(db, imageId),
    mediaFile: (imageId) => readMediaFile(db, imageId),
    mediaLibrary: (query) => readMediaLibrary(db, query),
  };
}

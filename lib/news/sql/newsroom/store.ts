import type { NewsroomStore } from "../../newsroom-store";
import type { DB } from "../db";
import { readAuditLog, recordAudit } from "./audit";
import {
  attemptKeys,
  clearAccountFailures,
  isSignInLimited,
  recordSignInFailure,
} from "./sign-in-limits";
import { insertPhoto, readMediaFile, readMediaLibrary, readPhoto } from "./media";

/** The {@link NewsroomStore} over `db` (either backend): every query written once. */
export function newsroomStoreOver(db: DB): NewsroomStore {
  return {
    // ── Audit log ──
    audit: (entry) => recordAudit(db, entry),
    auditLog: (page) => readAuditLog(db, page),
    // ── Accounts ──
    signInLimited: (email, address, now, windowMs) =>
      isSignInLimited(db, attemptKeys(email, address), now, windowMs),
    recordSignInFailure: (email, address, now, windowMs) =>
      recordSignInFailure(db, attemptKeys(email, address), now, windowMs),
    clearSignInFailures: (email) => clearAccountFailures(db, attemptKeys(email, "")),
    // ── Media (helper "media") ──
    insertPhoto: (photo) => insertPhoto(db, photo),
    photo: (imageId) => readPhoto(db, imageId),
    mediaFile: (imageId) => readMediaFile(db, imageId),
    mediaLibrary: (query) => readMediaLibrary(db, query),
  };
}

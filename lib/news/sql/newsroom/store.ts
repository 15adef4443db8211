import type { NewsroomStore } from "../../newsroom-store";
import type { DB } from "../db";
import { readAuditLog, recordAudit } from "./audit";
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
    // ── Accounts ──
    signInLimited: (email, address, now, windowMs) =>
      isSignInLimited(db, attemptKeys(email, address), now, windowMs),
    recordSignInFailure: (email, address, now, windowMs) =>
      recordSignInFailure(db, attemptKeys(email, address), now, windowMs),
    clearSignInFailures: (email) => clearAccountFailures(db, attemptKeys(email, "")),
  };
}

import type { NewsroomStore } from "../../newsroom-store";
import type { DB } from "../db";
import { readAuditLog, recordAudit } from "./audit";

/** The {@link NewsroomStore} over `db` (either backend): every query written once. */
export function newsroomStoreOver(db: DB): NewsroomStore {
  return {
    // ── Audit log ──
    audit: (entry) => recordAudit(db, entry),
    auditLog: (page) => readAuditLog(db, page),
  };
}

import type { NewsroomStore } from "../../newsroom-store";
import type { DB } from "../db";
import { readAuditLog, recordAudit } from "./audit";
import { insertPhoto, readMediaFile, readMediaLibrary, readPhoto } from "./media";

/** The {@link NewsroomStore} over `db` (either backend): every query written once. */
export function newsroomStoreOver(db: DB): NewsroomStore {
  return {
    // ── Audit log ──
    audit: (entry) => recordAudit(db, entry),
    auditLog: (page) => readAuditLog(db, page),
    // ── Media (helper "media") ──
    insertPhoto: (photo) => insertPhoto(db, photo),
    photo: (imageId) => readPhoto(db, imageId),
    mediaFile: (imageId) => readMediaFile(db, imageId),
    mediaLibrary: (query) => readMediaLibrary(db, query),
  };
}

import "server-only";
import type { AuditAction, AuditEntry, AuditEntryInput } from "../../news/newsroom-store";
import { AUDIT_ACTIONS } from "../../news/sql/schema";
import { getStore } from "../../news/connect";

/**
 * Writes one audit entry for an account event (sign-in, failed sign-in, sign-out, user created,
 * role changed, …) at the current time. A failure to write it is logged and not thrown: the
 * event itself has happened (or been refused) and the visitor must still get an answer.
 */
export async function auditAccount(entry: Omit<AuditEntryInput, "at">): Promise<void> {
  try {
    await (await getStore()).newsroom().audit({ ...entry, at: new Date().toISOString() });
  } catch (error) {
    console.error(`herald: could not write the audit entry "${entry.action}":`, error);
  }
}

/** Every action the audit log knows, for the audit page's filter. */
export const AUDIT_ACTION_NAMES = AUDIT_ACTIONS;

/** One page of the audit log, newest first (the audit page; the caller has checked the role). */
export async function readAudit(page: {
  before: number | null;
  limit: number;
  action?: AuditAction;
}): Promise<AuditEntry[]> {
  return (await getStore()).newsroom().auditLog(page);
}

/**
 * When storage fails while the server runs (a corrupt, vanished or read-only database file, a
 * full disk), the news module says so honestly: the failing call throws StoreUnavailableError,
 * the failure is noted here, and for RETRY_AFTER_SECONDS afterwards proxy.ts answers page
 * requests with a server-rendered 503 and `Retry-After` (RFC 9110, 15.6.4) instead of rendering
 * pages that would fail. The first request after the window tries storage again: if it still
 * fails, the window starts again. The note lives on globalThis, shared by the proxy's bundle and
 * the routes' (docs/deploy.md).
 */
export const RETRY_AFTER_SECONDS = 10;

/** Storage cannot serve the request now; `reason` is one line for the log and the 503 page. */
export class StoreUnavailableError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`The news database is unavailable: ${reason}`, options);
    this.name = "StoreUnavailableError";
  }
}

type Outage = { since: number; until: number; reason: string };
const holder = globalThis as typeof globalThis & { __heraldOutage?: Outage };

/**
 * Notes a storage failure (logging one line when an outage begins) and returns the error to
 * throw. Errors that are not StoreUnavailableError are returned unchanged and not noted.
 */
export function noteStoreFailure(error: unknown, now = Date.now()): unknown {
  if (!(error instanceof StoreUnavailableError)) return error;
  const current = holder.__heraldOutage;
  if (!current || current.until <= now) {
    console.error(`herald: ${error.message}; answering 503 for ${RETRY_AFTER_SECONDS} s`);
    holder.__heraldOutage = {
      since: now,
      until: now + RETRY_AFTER_SECONDS * 1000,
      reason: error.reason,
    };
  } else {
    current.until = now + RETRY_AFTER_SECONDS * 1000;
  }
  return error;
}

/** The outage in progress (storage failed within the last RETRY_AFTER_SECONDS), or null. */
export function currentOutage(now = Date.now()): { reason: string; retryAfter: number } | null {
  const outage = holder.__heraldOutage;
  if (!outage || outage.until <= now) return null;
  return { reason: outage.reason, retryAfter: Math.max(1, Math.ceil((outage.until - now) / 1000)) };
}

/** Forgets any outage (tests). */
export function clearOutage(): void {
  holder.__heraldOutage = undefined;
}

import { StoreUnavailableError } from "../outage";

/**
 * Errors of the pg driver that mean the database cannot be used now, as opposed to a bug in a
 * query or a constraint of the data: no connection (refused, timed out, reset, host unknown), and
 * PostgreSQL's SQLSTATE classes 08 (connection exception), 53 (insufficient resources: disk
 * full, too many connections), 57P (operator intervention: shutdown, cannot connect now), 58
 * (system error) and 3D000 (no such database) (https://www.postgresql.org/docs/15/errcodes-appendix.html).
 */
const NETWORK = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "EPIPE",
]);
const SQLSTATE = /^(08|53|57P|58|3D000)/;

/** The URL without its password, for messages. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    return u.toString();
  } catch {
    return "the PostgreSQL database";
  }
}

/**
 * Turns an error that means the database is unusable (above) into a StoreUnavailableError naming
 * the database (never its password) and the reason; returns any other error unchanged.
 */
export function asStoreFailure(error: unknown, url: string): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const unavailable =
    (typeof code === "string" && (NETWORK.has(code) || SQLSTATE.test(code))) ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(message);
  if (!unavailable) return error;
  return new StoreUnavailableError(
    `${safeUrl(url)}: ${message}${code ? ` (${String(code)})` : ""}`,
    {
      cause: error,
    },
  );
}

import { randomUUID } from "node:crypto";
import { REPEAT_VIEW_WINDOW_MS } from "../news/store";
import { hasSignature, sign } from "./signature";

/**
 * The reader cookie of POST /api/views: `{uuid}.{signature}`, made by the server alone, so a
 * client cannot make up readers; each new one costs a request that is rate-limited per address
 * (lib/page-views/limits.ts). HttpOnly, SameSite=Strict, sent to /api/views only, and kept 30
 * minutes from the last view. Its value is the reader id, of which only a hash is stored
 * (lib/news/sql/page-views.ts).
 */
export const READER_COOKIE = "herald_reader";
const VALUE_PATTERN =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([\w-]{22})$/;

/** A new reader: a random id with its signature, the cookie's value. */
export function newReaderId(secret: string): string {
  const id = randomUUID();
  return `${id}.${sign("reader", id, secret)}`;
}

/**
 * The reader id in the request's Cookie header when it is one this site signed, otherwise null
 * (no cookie, a plain or forged value).
 */
export function readReaderId(cookieHeader: string | null, secret: string): string | null {
  const value = cookieHeader
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === READER_COOKIE)?.[1];
  const match = VALUE_PATTERN.exec(value ?? "");
  return match && hasSignature("reader", match[1]!, match[2]!, secret) ? match[0] : null;
}

/** The Set-Cookie value that keeps `readerId` for 30 minutes (`secure` over HTTPS). */
export function readerCookieHeader(readerId: string, secure: boolean): string {
  return (
    `${READER_COOKIE}=${readerId}; Path=/api/views; Max-Age=${REPEAT_VIEW_WINDOW_MS / 1000}; ` +
    `HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`
  );
}

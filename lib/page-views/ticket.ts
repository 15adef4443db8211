import { hasSignature, sign, viewSecret } from "./signature";

/**
 * View tickets: the proof that an article page was loaded, embedded in the page for its view
 * beacon and required by POST /api/views. A ticket is `{articleId}.{issuedAt}.{signature}`
 * (issued-at in seconds since the epoch) and is valid for that article only, for
 * TICKET_LIFETIME_SECONDS. Pages are cached whole and shared by every reader (ISR, a CDN), so a
 * ticket belongs to a rendering of the page, not to a reader, and its lifetime is long enough for
 * the first reader of a page that sat in a cache while nobody read it (docs/decisions/020).
 */
export const TICKET_LIFETIME_SECONDS = 24 * 60 * 60;
/** Tickets issued this far in the future still pass (clocks of several servers disagree a little). */
const CLOCK_SKEW_SECONDS = 60;
const TICKET_PATTERN = /^([1-9]\d{0,15})\.(\d{1,12})\.([\w-]{22})$/;

type Options = { now?: number; secret?: string };

/** A ticket for viewing `articleId`, issued at `now` (ms since the epoch, default now). */
export function issueViewTicket(articleId: number, options: Options = {}): string {
  const issuedAt = Math.floor((options.now ?? Date.now()) / 1000);
  const payload = `${articleId}.${issuedAt}`;
  return `${payload}.${sign("view-ticket", payload, options.secret ?? viewSecret())}`;
}

/**
 * Whether `ticket` is a genuine, unexpired ticket for `articleId` at `now` (ms since the epoch).
 * False for anything else (missing, malformed, forged, another article's, expired). Never throws.
 */
export function isValidViewTicket(
  ticket: string | null | undefined,
  articleId: number,
  options: Options = {},
): boolean {
  const match = TICKET_PATTERN.exec(ticket ?? "");
  if (!match || Number(match[1]) !== articleId) return false;
  const age = Math.floor((options.now ?? Date.now()) / 1000) - Number(match[2]);
  if (age > TICKET_LIFETIME_SECONDS || age < -CLOCK_SKEW_SECONDS) return false;
  return hasSignature(
    "view-ticket",
    `${match[1]}.${match[2]}`,
    match[3]!,
    options.secret ?? viewSecret(),
  );
}

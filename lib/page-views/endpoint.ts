import { z } from "zod";
import { readConfig } from "../config";
import { isCrawler } from "../crawlers";
import type { PageView, ViewOutcome } from "../news/store";
import { clientAddress } from "./client-address";
import { configuredViewLimiters, type ViewLimiters } from "./limits";
import { newReaderId, readerCookieHeader, readReaderId } from "./reader-cookie";
import { viewSecret } from "./signature";
import { isValidViewTicket } from "./ticket";

/** What the endpoint needs from the news module, and what tests replace. */
export type ViewEndpointOptions = {
  /** Counts a view (lib/news/writes.ts recordPageView: never throws, "unavailable" on failure). */
  record: (view: PageView) => Promise<ViewOutcome>;
  /** Whether a story is public now (to answer 404 for the others). */
  isPublic: (articleId: number) => Promise<boolean>;
  /** The rate limits (default: configuredViewLimiters(), made on the first report). */
  limits?: ViewLimiters;
  secret?: () => string;
  trustedProxies?: () => number;
  now?: () => number;
};

/** Why a view was not counted, beyond the store's reasons. */
export type ViewRefusal = "not-a-reader" | "no-ticket" | "new-reader" | "rate-limited";

const bodySchema = z.object({
  articleId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  ticket: z.string().max(200).optional(),
});
const noStore = { "cache-control": "private, no-store" };
const UNAVAILABLE_RETRY_SECONDS = 60;

/**
 * The handler of POST /api/views {"articleId": N, "ticket": "…"}, sent by the article page's
 * ViewBeacon. A view counts only when, in this order:
 * 1. the post comes from this site (a foreign Origin: 403) with a valid body (else 400);
 * 2. it is not a crawler, tool, prefetch or prerender (200 "not-a-reader");
 * 3. it carries a valid ticket for that story, embedded in the article page (lib/page-views/
 *    ticket.ts; else 200 "no-ticket", or 404 when the story is not public);
 * 4. it carries a reader cookie this site signed; without one it gets one and counts nothing
 *    (200 "new-reader"; the beacon posts again once), at most VIEW_LIMITS.newReaders a minute per
 *    client address;
 * 5. the client's address is within VIEW_LIMITS.posts and, for that story, VIEW_LIMITS.storyViews
 *    (else 429 "rate-limited" with Retry-After), counted across instances with HERALD_REDIS_URL;
 * 6. the reader has not viewed the story within 30 minutes (200 "repeat") and it is public (404).
 * A database that fails answers 503 "unavailable" with Retry-After; nothing here answers 500.
 */
export function viewEndpoint(
  options: ViewEndpointOptions,
): (request: Request) => Promise<Response> {
  let limits = options.limits;
  const secret = options.secret ?? viewSecret;
  const trustedProxies = options.trustedProxies ?? (() => readConfig().trustedProxies);
  const clock = options.now ?? Date.now;

  return async function POST(request: Request): Promise<Response> {
    try {
      const origin = request.headers.get("origin");
      if (origin && origin !== new URL(request.url).origin && origin !== siteOrigin(request)) {
        return Response.json(
          { error: "Cross-site view reports are not accepted." },
          { status: 403, headers: noStore },
        );
      }
      const parsed = bodySchema.safeParse(await readJson(request));
      if (!parsed.success) {
        return Response.json(
          {
            error: 'The body must be JSON: {"articleId": positive whole number, "ticket": string}.',
          },
          { status: 400, headers: noStore },
        );
      }
      const { articleId, ticket } = parsed.data;
      const purpose = `${request.headers.get("sec-purpose") ?? ""} ${request.headers.get("purpose") ?? ""}`;
      if (isCrawler(request.headers.get("user-agent")) || /prefetch|prerender/i.test(purpose))
        return refused("not-a-reader");

      const now = clock();
      if (!isValidViewTicket(ticket, articleId, { now, secret: secret() })) {
        return (await options.isPublic(articleId)) ? refused("no-ticket") : notFound();
      }

      limits ??= configuredViewLimiters();
      const address = clientAddress(request.headers, trustedProxies());
      const secure = proto(request) === "https";
      const readerId = readReaderId(request.headers.get("cookie"), secret());
      if (!readerId) {
        const wait = await limits.newReaders.take(address, now);
        if (wait > 0) return rateLimited(wait);
        const cookie = readerCookieHeader(newReaderId(secret()), secure);
        return refused("new-reader", { "set-cookie": cookie });
      }

      const storyKey = `${address} ${articleId}`;
      const postsWait = await limits.posts.take(address, now);
      if (postsWait > 0) return rateLimited(postsWait);
      const storyWait = await limits.storyViews.take(storyKey, now);
      if (storyWait > 0) {
        await limits.posts.refund(address, now);
        return rateLimited(storyWait);
      }
      const outcome = await options.record({
        articleId,
        readerId,
        now: new Date(now).toISOString(),
      });
      if (!outcome.counted) await limits.storyViews.refund(storyKey, now);
      if (!outcome.counted && outcome.reason === "not-found") return notFound();
      if (!outcome.counted && outcome.reason === "unavailable") return unavailable();
      return Response.json(outcome, {
        headers: { ...noStore, "set-cookie": readerCookieHeader(readerId, secure) },
      });
    } catch (error) {
      console.error(
        `herald: POST /api/views failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      return unavailable();
    }
  };
}

function refused(reason: ViewRefusal, headers: Record<string, string> = {}): Response {
  return Response.json({ counted: false, reason }, { headers: { ...noStore, ...headers } });
}

function rateLimited(waitMs: number): Response {
  return Response.json(
    { counted: false, reason: "rate-limited" },
    {
      status: 429,
      headers: { ...noStore, "retry-after": String(Math.max(1, Math.ceil(waitMs / 1000))) },
    },
  );
}

function notFound(): Response {
  return Response.json({ counted: false, reason: "not-found" }, { status: 404, headers: noStore });
}

function unavailable(): Response {
  return Response.json(
    { counted: false, reason: "unavailable" },
    { status: 503, headers: { ...noStore, "retry-after": String(UNAVAILABLE_RETRY_SECONDS) } },
  );
}

/** The most of a body read: a view report is a few dozen bytes. */
const MAX_BODY_BYTES = 1_000;

/**
 * The body as JSON, or undefined when it is not JSON or longer than MAX_BODY_BYTES: the stream is
 * read only that far, so a huge body costs no memory.
 */
async function readJson(request: Request): Promise<unknown> {
  if (!request.body) return undefined;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.byteLength;
      if (length > MAX_BODY_BYTES) return undefined;
      chunks.push(value);
    }
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return undefined;
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function proto(request: Request): string {
  return (
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ||
    new URL(request.url).protocol.replace(":", "")
  );
}

function siteOrigin(request: Request): string {
  return `${proto(request)}://${request.headers.get("host")}`;
}

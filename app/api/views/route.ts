import { randomUUID } from "node:crypto";
import { z } from "zod";
import { isCrawler } from "@/lib/crawlers";
import { recordPageView, REPEAT_VIEW_WINDOW_MS } from "@/lib/news";

/**
 * POST /api/views {"articleId": 123}: counts a page view for MOST POPULAR (sent by the article
 * page's ViewBeacon). Not counted: crawlers and tools (by User-Agent), prefetches and
 * prerenders (Sec-Purpose/Purpose headers), posts from other sites (Origin), and a reader's repeat
 * views of the same article within 30 minutes. The reader is recognised by a random, HttpOnly
 * cookie that lives 30 minutes from the last view; only its hash is stored.
 * Answers 200 {"counted": bool, "reason"?}, 400 for a malformed body, 403 for a foreign Origin,
 * 404 for an article that is not public.
 */
const READER_COOKIE = "herald_reader";
const bodySchema = z.object({
  articleId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});
const readerIdSchema = z.uuid();

const noStore = { "cache-control": "private, no-store" };

export async function POST(request: Request) {
  const origin = request.headers.get("origin");
  if (
    origin &&
    origin !== new URL(request.url).origin &&
    origin !== `${proto(request)}://${request.headers.get("host")}`
  ) {
    return Response.json(
      { error: "Cross-site view reports are not accepted." },
      { status: 403, headers: noStore },
    );
  }
  let body: unknown;
  try {
    body = JSON.parse((await request.text()).slice(0, 1_000));
  } catch {
    return Response.json(
      { error: 'The body must be JSON: {"articleId": number}.' },
      { status: 400, headers: noStore },
    );
  }
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) {
    return Response.json(
      { error: "articleId must be a positive whole number." },
      { status: 400, headers: noStore },
    );
  }
  const purpose = `${request.headers.get("sec-purpose") ?? ""} ${request.headers.get("purpose") ?? ""}`;
  if (isCrawler(request.headers.get("user-agent")) || /prefetch|prerender/i.test(purpose)) {
    return Response.json({ counted: false, reason: "not-a-reader" }, { headers: noStore });
  }

  const cookieReader = readCookie(request.headers.get("cookie"), READER_COOKIE);
  const readerId = readerIdSchema.safeParse(cookieReader).success ? cookieReader! : randomUUID();
  const outcome = await recordPageView({
    articleId: parsed.data.articleId,
    readerId,
    now: new Date().toISOString(),
  });
  const status = !outcome.counted && outcome.reason === "not-found" ? 404 : 200;
  const secure = proto(request) === "https" ? "; Secure" : "";
  return Response.json(outcome, {
    status,
    headers: {
      ...noStore,
      "set-cookie": `${READER_COOKIE}=${readerId}; Path=/api/views; Max-Age=${REPEAT_VIEW_WINDOW_MS / 1000}; HttpOnly; SameSite=Strict${secure}`,
    },
  });
}

function proto(request: Request): string {
  return (
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ||
    new URL(request.url).protocol.replace(":", "")
  );
}

function readCookie(header: string | null, name: string): string | undefined {
  return header
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([key]) => key === name)?.[1];
}

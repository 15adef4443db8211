/** What a page answered about caching and compression. */
export type HeaderCheck = {
  name: string;
  path: string;
  status: number;
  cacheControl: string;
  contentEncoding: string;
  /** True when the headers are what the page needs (see {@link checkHeaders}). */
  ok: boolean;
};

const cdnCacheable = (value: string) =>
  /s-maxage=\d+/.test(value) && /stale-while-revalidate/.test(value);

/**
 * Fetches each public page with `Accept-Encoding: gzip` and checks that a CDN may cache it
 * (`s-maxage` with `stale-while-revalidate`) and that it came compressed; then enters preview for
 * the draft `draftId` with the CMS secret and checks the preview page says `private, no-store`.
 */
export async function checkHeaders(
  baseUrl: string,
  pages: Array<{ name: string; path: string }>,
  preview: { secret: string; draftId: number },
): Promise<HeaderCheck[]> {
  const checks: HeaderCheck[] = [];
  for (const { name, path } of pages) {
    const response = await fetch(`${baseUrl}${path}`, { headers: { "accept-encoding": "gzip" } });
    await response.arrayBuffer();
    const cacheControl = response.headers.get("cache-control") ?? "";
    const contentEncoding = response.headers.get("content-encoding") ?? "";
    checks.push({
      name,
      path,
      status: response.status,
      cacheControl,
      contentEncoding,
      ok: response.status === 200 && cdnCacheable(cacheControl) && contentEncoding === "gzip",
    });
  }
  const enter = await fetch(
    `${baseUrl}/api/draft?secret=${encodeURIComponent(preview.secret)}&id=${preview.draftId}`,
    { redirect: "manual" },
  );
  const cookie = enter.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const location = enter.headers.get("location") ?? "";
  const page = await fetch(new URL(location, baseUrl), { headers: { cookie }, redirect: "manual" });
  await page.arrayBuffer();
  const cacheControl = page.headers.get("cache-control") ?? "";
  checks.push({
    name: "preview of a draft",
    path: new URL(location, baseUrl).pathname,
    status: page.status,
    cacheControl,
    contentEncoding: page.headers.get("content-encoding") ?? "",
    ok:
      enter.status === 307 &&
      page.status === 200 &&
      /\bprivate\b/.test(cacheControl) &&
      /\bno-store\b/.test(cacheControl),
  });
  return checks;
}

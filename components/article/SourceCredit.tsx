/**
 * The licence notice for a text from Wikinews, in the words shared/data/README.md asks for:
 * CC BY 2.5 requires attribution with a link to the licence and the original; public-domain
 * articles are credited too. Nothing is printed for our own articles (no licence, no source).
 */
/** True only for an https address on wikinews.org or one of its subdomains. */
function isWikinewsUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return (
      protocol === "https:" && (hostname === "wikinews.org" || hostname.endsWith(".wikinews.org"))
    );
  } catch {
    return false;
  }
}

function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

export function SourceCredit({
  sourceUrl,
  licence,
}: {
  sourceUrl: string | null;
  licence: string | null;
}) {
  if (!sourceUrl || !isWikinewsUrl(sourceUrl)) return null;
  const isPublicDomain = licence?.toLowerCase().startsWith("public domain") ?? false;
  return (
    <p className="mt-8 max-w-[65ch] border-t border-rule pt-4 text-sm text-muted">
      This article is from{" "}
      <a href="https://en.wikinews.org" className="underline">
        Wikinews
      </a>
      , the free news source, written by Wikinews contributors, and{" "}
      {isPublicDomain ? (
        "is in the public domain"
      ) : (
        <>
          is licensed under{" "}
          <a
            href="https://creativecommons.org/licenses/by/2.5/"
            rel="license"
            className="underline"
          >
            CC BY 2.5
          </a>
        </>
      )}
      . Original:{" "}
      <a href={sourceUrl} className="break-all underline">
        {readableUrl(sourceUrl)}
      </a>
      . The text has been reformatted.
    </p>
  );
}

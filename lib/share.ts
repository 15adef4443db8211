/**
 * Share links for an article: plain URLs to each service's own share page (no script of theirs
 * ever runs on our pages), with the article's canonical URL and headline percent-encoded.
 */
export type ShareLink = {
  /** The service's name as printed ("Email", "X", "Facebook", "LinkedIn"). */
  service: string;
  href: string;
  /** True for a web page (opens in a new tab); false for the reader's mail program. */
  external: boolean;
};

const enc = encodeURIComponent;

/** Email, X, Facebook and LinkedIn share links for `url` (absolute) titled `title`. */
export function shareLinks(url: string, title: string): ShareLink[] {
  return [
    {
      service: "Email",
      href: `mailto:?subject=${enc(title)}&body=${enc(`${title}\n\n${url}`)}`,
      external: false,
    },
    {
      service: "X",
      href: `https://x.com/intent/post?text=${enc(title)}&url=${enc(url)}`,
      external: true,
    },
    {
      service: "Facebook",
      href: `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`,
      external: true,
    },
    {
      service: "LinkedIn",
      href: `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}`,
      external: true,
    },
  ];
}

import { shareLinks } from "@/lib/share";
import { ShareActions } from "./ShareActions.island";

/**
 * "Share": plain links to email, X, Facebook and LinkedIn (no third-party script; they work
 * without JavaScript), then "Copy link" and the Web Share API where the browser has them
 * (ShareActions, a small island). A labelled group; not printed.
 */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const itemClass = "pill";
  return (
    <div
      role="group"
      aria-labelledby="share-label"
      className="mt-4 flex items-start gap-x-3 no-print"
    >
      <span id="share-label" className="text-sm leading-9 font-bold">
        Share
      </span>
      <ul className="flex min-w-0 flex-1 flex-wrap gap-2">
        {shareLinks(url, title).map((link) => (
          <li key={link.service}>
            <a
              href={link.href}
              className={itemClass}
              {...(link.external ? { target: "_blank", rel: "noopener noreferrer" } : {})}
            >
              <span className="sr-only">{link.external ? "Share on " : "Share by "}</span>
              {link.service}
              {link.external && <span className="sr-only"> (opens in a new tab)</span>}
            </a>
          </li>
        ))}
        <ShareActions url={url} title={title} buttonClass={itemClass} />
      </ul>
    </div>
  );
}

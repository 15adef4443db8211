"use client";

import { useState, useSyncExternalStore } from "react";

type Props = { url: string; title: string; buttonClass: string };

const noSubscription = () => () => {};
const canCopy = () => typeof navigator.clipboard?.writeText === "function";
const canShare = () => typeof navigator.share === "function";
const onServer = () => false;

/**
 * The two share actions that need the browser: "Copy link" (Clipboard API) and "Share…" (the
 * Web Share API, on browsers that have it, mostly phones). Neither is in the server's HTML: they
 * appear after hydration and only where the browser supports them, so nobody without JavaScript
 * meets a button that does nothing. They render as list items of ShareLinks' list. The result of
 * a copy is announced in a polite live region beside the button.
 */
export function ShareActions({ url, title, buttonClass }: Props) {
  const copySupported = useSyncExternalStore(noSubscription, canCopy, onServer);
  const shareSupported = useSyncExternalStore(noSubscription, canShare, onServer);
  const [status, setStatus] = useState("");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Link copied");
    } catch {
      setStatus("Could not copy the link");
    }
  };

  const share = async () => {
    try {
      await navigator.share({ url, title });
    } catch {
      // The reader closed the share sheet: nothing to report.
    }
  };

  return (
    <>
      {copySupported && (
        <li className="flex items-center gap-2">
          <button type="button" onClick={copy} className={buttonClass}>
            Copy link
          </button>
          <span role="status" className="text-sm text-muted">
            {status}
          </span>
        </li>
      )}
      {shareSupported && (
        <li>
          <button type="button" onClick={share} className={buttonClass}>
            Share…
          </button>
        </li>
      )}
    </>
  );
}

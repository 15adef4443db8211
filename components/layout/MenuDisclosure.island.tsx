"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";

type Props = {
  /** The summary's visible label ("Sections"). */
  label: string;
  /** id of the panel, for aria-controls. */
  panelId: string;
  children: ReactNode;
};

/**
 * The section menu's disclosure: a native `<details>`/`<summary>` (so it opens and closes with
 * Enter or Space, and works without JavaScript: browsers announce a summary's expanded state
 * themselves), enhanced here to close on Escape (returning focus to the button), on a click
 * outside, when keyboard focus moves on past the menu (so the open panel never hides the focused
 * element), and after navigating to another page. Once hydrated the summary also carries
 * `aria-expanded` (WAI-ARIA Disclosure pattern); it is not in the server's HTML, where it could
 * not follow the state.
 */
export function MenuDisclosure({ label, panelId, children }: Props) {
  const details = useRef<HTMLDetailsElement>(null);
  const summary = useRef<HTMLElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    details.current?.removeAttribute("open");
  }, [pathname]);

  useEffect(() => {
    const el = details.current;
    if (!el) return;
    const sync = () => summary.current?.setAttribute("aria-expanded", String(el.open));
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && el.open) {
        el.open = false;
        summary.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (el.open && event.target instanceof Node && !el.contains(event.target)) el.open = false;
    };
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget;
      if (el.open && next instanceof Node && !el.contains(next)) el.open = false;
    };
    sync();
    el.addEventListener("toggle", sync);
    el.addEventListener("focusout", onFocusOut);
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      el.removeEventListener("toggle", sync);
      el.removeEventListener("focusout", onFocusOut);
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, []);

  return (
    <details ref={details} className="group">
      <summary
        ref={summary}
        aria-controls={panelId}
        className="inline-flex min-h-11 min-w-11 cursor-pointer items-center gap-2 px-3 py-2 font-semibold uppercase tracking-wide hover:underline"
      >
        <span aria-hidden="true" className="text-lg leading-none group-open:hidden">
          ☰
        </span>
        <span aria-hidden="true" className="hidden text-lg leading-none group-open:inline">
          ✕
        </span>
        {label}
      </summary>
      {children}
    </details>
  );
}

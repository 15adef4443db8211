import type { ReactNode } from "react";
import { MinimalHeader } from "./MinimalHeader";
import { QueryProvider } from "./QueryProvider.island";
import { SkipLink } from "./SkipLink";

/**
 * The frame of the error pages that render in the browser outside the public site's frame
 * (app/error.tsx for a page outside app/(site)/ or a failed (site) layout, app/global-error.tsx
 * when the root layout failed): the skip link, a minimal masthead (nothing can be read there:
 * it must work in a client component) named `name`, and `children` in `<main id="main">`, inside
 * the Query provider LATEST NEWS needs. No server-only code, so client error pages can use it.
 */
export function FallbackFrame({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <QueryProvider>
        <MinimalHeader name={name} />
        <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
          {children}
        </main>
      </QueryProvider>
    </>
  );
}

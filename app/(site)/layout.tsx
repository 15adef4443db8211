import type { ReactNode } from "react";
import { SiteFrame } from "@/components/layout/SiteFrame";

/**
 * Every public page (the route group "(site)", no part of any URL): the site's frame, skip link,
 * masthead with the section menu, `main` and footer (components/layout/SiteFrame.tsx). The
 * newsroom, outside the group, has its own (docs/decisions/042-route-groups.md).
 */
export default function SiteLayout({ children }: { children: ReactNode }) {
  return <SiteFrame>{children}</SiteFrame>;
}

"use client";

import Link from "next/link";

/** A section in the menu: its name and path, and its subsections (one level). */
export type MenuSection = {
  name: string;
  path: string;
  children: { name: string; path: string }[];
};

/**
 * The open section menu's grid: every top-level section with its subsections. A client
 * component only so that the page's RSC payload carries the menu as this compact list of names
 * and paths (about 2 kB) rather than as 45 rendered links; it renders the same on the server.
 */
export function SectionMenuGrid({ sections }: { sections: MenuSection[] }) {
  return (
    <ul className="mx-auto grid max-w-6xl grid-cols-1 gap-x-6 gap-y-4 px-4 py-4 min-[360px]:grid-cols-2 sm:grid-cols-3 lg:grid-cols-5">
      {sections.map((section) => (
        <li key={section.path}>
          <Link prefetch={false} href={section.path} className="menu-top">
            {section.name}
          </Link>
          <ul className="mt-1 text-sm">
            {section.children.map((child) => (
              <li key={child.path}>
                <Link prefetch={false} href={child.path} className="menu-sub">
                  {child.name}
                </Link>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

import Link from "next/link";
import type { Publication, PublicationLink, SectionNode } from "@/lib/domain";
import { MenuDisclosure } from "./MenuDisclosure.island";
import { SearchCombobox } from "./SearchCombobox.island";
import { SectionMenuGrid } from "./SectionMenuGrid.island";

type Props = { publication: Publication; sections: SectionNode[] };

const isExternal = (href: string) => /^https?:\/\//.test(href);

const PROMO_LINK = "inline-block px-2 py-1.5 text-muted hover:text-ink hover:underline";

/**
 * The promo links (podcast, YouTube, subscribe) as a list with the given class: an outside
 * address as a plain link, our own through next/link. Shown in the masthead from 640 px, and
 * inside the section menu below that.
 */
function PromoLinks({ links, className }: { links: PublicationLink[]; className: string }) {
  return (
    <ul className={className}>
      {links.map((link) => (
        <li key={link.label}>
          {isExternal(link.href) ? (
            <a href={link.href} rel="noopener noreferrer" className={PROMO_LINK}>
              {link.label}
            </a>
          ) : (
            <Link prefetch={false} href={link.href} className={PROMO_LINK}>
              {link.label}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The masthead: promo links (podcast, YouTube, subscribe, as on the seed page), the
 * publication's name, the top-level sections, and the full section menu with every subsection
 * (a `<details>` disclosure, usable without JavaScript). Compact on phones: the name and the menu
 * button only, with the promo links moved into the menu; the row of top-level sections from 1024 px.
 * The search box (a form to /search, with suggestions once hydrated) closes the navigation row.
 */
export function SiteHeader({ publication, sections }: Props) {
  return (
    <header className="border-b border-rule">
      <div className="mx-auto hidden max-w-6xl items-center justify-end gap-1 px-4 pt-2 text-sm sm:flex no-print">
        <PromoLinks links={publication.promoLinks} className="flex flex-wrap justify-end gap-x-1" />
      </div>
      <div className="mx-auto max-w-6xl px-4 py-2 text-center sm:py-4">
        <Link
          prefetch={false}
          href="/"
          className="inline-block font-serif text-[1.75rem] leading-tight font-bold tracking-tight no-underline sm:text-5xl"
        >
          {publication.name}
        </Link>
      </div>
      <div className="relative border-t border-rule no-print">
        <div className="mx-auto flex max-w-6xl items-center gap-2 px-2">
          <nav aria-label="Sections" className="flex min-w-0 items-center gap-2 lg:flex-1">
            <MenuDisclosure label="Sections" panelId="section-menu">
              <div
                id="section-menu"
                className="absolute inset-x-0 top-full z-40 max-h-[80vh] overflow-y-auto border-y border-rule bg-paper shadow-lg"
              >
                <SectionMenuGrid
                  sections={sections.map((section) => ({
                    name: section.name,
                    path: section.path,
                    children: section.children.map(({ name, path }) => ({ name, path })),
                  }))}
                />
                <PromoLinks
                  links={publication.promoLinks}
                  className="mx-auto flex max-w-6xl flex-wrap gap-x-2 border-t border-rule px-2 py-2 text-sm sm:hidden"
                />
              </div>
            </MenuDisclosure>
            <ul className="hidden flex-wrap items-center lg:flex">
              {sections.map((section) => (
                <li key={section.id}>
                  <Link prefetch={false} href={section.path} className="nav-top">
                    {section.name}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {/* Beside the section links on phones and tablets; from 1024 px, up in the masthead's
              right-hand corner, so the row of sections keeps its one line. */}
          <div className="flex min-w-0 flex-1 justify-end lg:absolute lg:right-[max(1rem,calc((100%-72rem)/2+1rem))] lg:bottom-full lg:mb-5">
            <SearchCombobox />
          </div>
        </div>
      </div>
    </header>
  );
}

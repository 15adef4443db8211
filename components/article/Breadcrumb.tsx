import Link from "next/link";
import type { SectionRef } from "@/lib/domain";

/** "National › Foreign Affairs": where the article sits, as links to the section fronts (WAI-ARIA breadcrumb pattern). */
export function Breadcrumb({ top, section }: { top: SectionRef; section: SectionRef }) {
  const trail = top.id === section.id ? [top] : [top, section];
  return (
    <nav
      aria-label="Breadcrumb"
      className="mb-3 text-sm font-bold uppercase tracking-wider text-kicker no-print"
    >
      <ol className="flex flex-wrap items-center gap-x-2">
        {trail.map((item, index) => (
          <li key={item.id} className="flex items-center gap-x-2">
            {index > 0 && <span aria-hidden="true">›</span>}
            <Link prefetch={false} href={item.path} className="tall-link">
              {item.name}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

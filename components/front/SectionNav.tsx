import Link from "next/link";
import type { SectionNode, SectionRef } from "@/lib/domain";

type Props = { top: SectionNode; current: SectionRef };

/** The subsection navigation of a section front: the top-level section and its subsections, the current one marked. */
export function SectionNav({ top, current }: Props) {
  const items: SectionRef[] = [top, ...top.children];
  return (
    <nav aria-label={`${top.name} subsections`} className="mb-6 border-b border-rule">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {items.map((item) => {
          const isCurrent = item.id === current.id;
          return (
            <li key={item.id}>
              <Link
                prefetch={false}
                href={item.path}
                aria-current={isCurrent ? "page" : undefined}
                className={`inline-block border-b-2 px-2 py-2.5 text-sm hover:underline ${
                  isCurrent ? "border-ink font-bold" : "border-transparent text-muted"
                }`}
              >
                {item === top ? `All ${top.name}` : item.name}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

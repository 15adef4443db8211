import Link from "next/link";
import type { SectionRef } from "@/lib/domain";

/**
 * The section of a story, above its headline, linked to the section front. The link grows to a
 * 24 px tall target (WCAG 2.5.8) without moving the small text around it.
 */
export function SectionKicker({ section }: { section: Pick<SectionRef, "name" | "path"> }) {
  return (
    <p className="kicker">
      <Link
        prefetch={false}
        href={section.path}
        className="-my-1 inline-block py-1 hover:underline"
      >
        {section.name}
      </Link>
    </p>
  );
}

import type { DB } from "../db";
import type { SectionNode, SectionRef } from "../../../domain";
import { sectionPath } from "../../../urls";

/**
 * The section tree: the top-level sections in menu order, each with its subsections in menu
 * order. Paths are "/national" and "/national/politics". Never throws on an empty database
 * (returns []).
 */
export async function getSectionTree(db: DB): Promise<SectionNode[]> {
  const rows = await db
    .selectFrom("sections")
    .select(["id", "slug", "name", "parent_id", "position", "legacy_code"])
    .orderBy("position")
    .execute();
  const tops = rows.filter((r) => r.parent_id === null);
  return tops.map((top) => ({
    id: top.id,
    slug: top.slug,
    name: top.name,
    path: sectionPath(top.slug),
    legacyCode: top.legacy_code,
    children: rows
      .filter((r) => r.parent_id === top.id)
      .map((child) => ({
        id: child.id,
        slug: child.slug,
        name: child.name,
        path: sectionPath(top.slug, child.slug),
      })),
  }));
}

/**
 * Finds a section front by its URL segments (["national"] or ["national", "politics"]) in a
 * tree from {@link getSectionTree}. Returns the section and its top-level parent (null for a
 * top-level section), or undefined for an unknown path.
 */
export function findSection(
  tree: SectionNode[],
  segments: readonly string[],
): { section: SectionNode | SectionRef; parent: SectionNode | null } | undefined {
  const [topSlug, childSlug, ...rest] = segments;
  if (!topSlug || rest.length > 0) return undefined;
  const top = tree.find((s) => s.slug === topSlug);
  if (!top) return undefined;
  if (childSlug === undefined) return { section: top, parent: null };
  const child = top.children.find((c) => c.slug === childSlug);
  return child ? { section: child, parent: top } : undefined;
}

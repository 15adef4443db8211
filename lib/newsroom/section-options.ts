import type { SectionNode } from "../domain";

/** A section the newsroom can file a story under, named with its parent ("National › Politics"). */
export type SectionOption = { id: number; name: string };

/** The section tree as one list in menu order, each subsection after its parent. */
export function sectionOptions(tree: SectionNode[]): SectionOption[] {
  return tree.flatMap((section) => [
    { id: section.id, name: section.name },
    ...section.children.map((child) => ({ id: child.id, name: `${section.name} › ${child.name}` })),
  ]);
}

import type { DeskState } from "./editor/types";

const STATE_NAMES: Record<DeskState, string> = {
  draft: "Draft",
  review: "In review",
  scheduled: "Scheduled",
  published: "Published",
  withdrawn: "Withdrawn",
};

/** A story state's name on the desk and in the editor ("In review"). */
export function stateName(state: DeskState): string {
  return STATE_NAMES[state];
}

import type { DB } from "../../lib/db/connection";
import type { Timing } from "./data-layer";

/**
 * Times search over the data set (issue 7). Filled in when search lands; until then it times
 * nothing and the report has no search rows.
 */
export async function timeSearch(
  _db: DB,
  _now: string,
  _options: { calls: number; log?: (line: string) => void },
): Promise<Timing[]> {
  return [];
}

import type { Migration } from "kysely";
import * as legacyId from "../../sql/migrations/0002-legacy-id";
import * as withdrawn from "../../sql/migrations/0003-withdrawn";
import * as scale from "../../sql/migrations/0005-scale";
import * as authorProfiles from "../../sql/migrations/0007-author-profiles";
import * as newsroom from "../../sql/migrations/0008-newsroom";
import * as accounts from "../../sql/migrations/0009-accounts";
import * as newsroomDesk from "../../sql/migrations/0010-newsroom-desk";
import * as searchBodyBlocks from "./0012-search-body-blocks";
import * as initial from "./0001-initial";
import * as search from "./0004-search";
import * as searchBulk from "./0006-search-bulk";

/**
 * Every migration of the PostgreSQL backend, under the same names as SQLite's
 * (lib/news/sqlite/migrations/index.ts), so one list of names means one schema version. 0001,
 * 0004 and 0006 are PostgreSQL's own; the others are shared (lib/news/sql/migrations/).
 */
export const migrations: Record<string, Migration> = {
  "0001-initial": initial,
  "0002-legacy-id": legacyId,
  "0003-withdrawn": withdrawn,
  "0004-search": search,
  "0005-scale": scale,
  "0006-search-bulk": searchBulk,
  "0007-author-profiles": authorProfiles,
  "0008-newsroom": newsroom,
  "0009-accounts": accounts,
  "0010-newsroom-desk": newsroomDesk,
  "0012-search-body-blocks": searchBodyBlocks,
};

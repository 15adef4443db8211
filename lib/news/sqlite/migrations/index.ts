import type { Migration } from "kysely";
import * as initial from "./0001-initial";
import * as legacyId from "../../sql/migrations/0002-legacy-id";
import * as withdrawn from "../../sql/migrations/0003-withdrawn";
import * as search from "./0004-search";
import * as scale from "../../sql/migrations/0005-scale";
import * as searchBulk from "./0006-search-bulk";
import * as authorProfiles from "../../sql/migrations/0007-author-profiles";
import * as newsroom from "../../sql/migrations/0008-newsroom";
import * as accounts from "../../sql/migrations/0009-accounts";
import * as newsroomDesk from "../../sql/migrations/0010-newsroom-desk";
import * as searchBodyBlocks from "./0012-search-body-blocks";

/**
 * Every migration, keyed by a name that sorts in the order they apply.
 * Add a new file and a line here; never edit a migration that has shipped.
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

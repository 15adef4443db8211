import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withdrawArticle } from "./editorial";
import { getArticleState } from "./queries/article-state";
import {
  articleIdsByExternalId,
  createTempDb,
  idLookup,
  importAll,
  makeRecord,
  type TempDb,
} from "../test-support/temp-db";

const NOW = "2024-06-01T12:00:00.000Z";
let temp: TempDb;
let ids: Map<string, number>;
const idOf = idLookup(() => ids);

beforeAll(async () => {
  temp = await createTempDb({ seed: true });
  await importAll(temp.db, [
    makeRecord("w-public", { published: "2024-05-01" }),
    makeRecord("w-draft", { published: "2024-05-01", status: "draft" }),
    makeRecord("w-later", { published: "2024-07-01T00:00:00Z", status: "scheduled" }),
  ]);
  ids = await articleIdsByExternalId(temp.db);
});
afterAll(async () => {
  await temp.destroy();
});

describe("withdrawArticle", () => {
  it("withdraws a public story once; its state becomes withdrawn", async () => {
    expect(await withdrawArticle(temp.db, idOf("w-public"), NOW)).toBe(true);
    expect(await withdrawArticle(temp.db, idOf("w-public"), NOW)).toBe(false);
    expect((await getArticleState(temp.db, idOf("w-public"), NOW))?.state).toBe("withdrawn");
  });

  it("refuses drafts, stories not yet due and unknown ids, so a 410 never reveals them", async () => {
    for (const id of [idOf("w-draft"), idOf("w-later"), 999_999]) {
      expect(await withdrawArticle(temp.db, id, NOW)).toBe(false);
    }
    expect((await getArticleState(temp.db, idOf("w-later"), NOW))?.state).toBe("unpublished");
  });
});

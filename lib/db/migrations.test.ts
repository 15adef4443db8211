import fs from "node:fs";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../test-support/temp-db";
import { migrateToLatest } from "./connection";
import { migrations } from "./migrations";

const APP_TABLES = [
  "article_authors",
  "article_tags",
  "articles",
  "authors",
  "images",
  "page_views",
  "publication",
  "publication_links",
  "sections",
  "seed_state",
  "tags",
];

let temp: TempDb | undefined;
afterEach(async () => {
  await temp?.destroy();
  temp = undefined;
});

async function tableNames(temp: TempDb): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'
    order by name`.execute(temp.db);
  return rows.rows.map((r) => r.name);
}

describe("migrateToLatest", () => {
  it("creates every table on an empty database file", async () => {
    temp = await createTempDb({ migrate: false });
    expect(await tableNames(temp)).toEqual([]);

    const applied = await migrateToLatest(temp.db);

    expect(applied).toEqual(Object.keys(migrations));
    expect(applied).toEqual(["0001-initial"]);
    expect(fs.existsSync(temp.file)).toBe(true);
    expect(await tableNames(temp)).toEqual(APP_TABLES);
  });

  it("applies nothing and does not throw when run a second time", async () => {
    temp = await createTempDb({ migrate: false });
    await migrateToLatest(temp.db);

    await expect(migrateToLatest(temp.db)).resolves.toEqual([]);
    expect(await tableNames(temp)).toEqual(APP_TABLES);
  });

  it("creates the indexes the queries rely on", async () => {
    temp = await createTempDb();
    const rows = await sql<{ name: string }>`
      select name from sqlite_master where type = 'index' and name not like 'sqlite_%' order by name`.execute(
      temp.db,
    );
    expect(rows.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        "article_tags_tag",
        "articles_section_published",
        "articles_status_published",
        "page_views_reader",
        "page_views_window",
        "sections_parent_slug",
      ]),
    );
  });

  it("migrates an in-memory database too", async () => {
    temp = await createTempDb({ inMemory: true, migrate: false });
    expect(await migrateToLatest(temp.db)).toEqual(["0001-initial"]);
    expect(await tableNames(temp)).toEqual(APP_TABLES);
  });
});

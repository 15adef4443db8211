import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createTempDb, type TempDb } from "../test-support/temp-db";
import { migrateToLatest } from "./connection";
import { migrations } from "./migrations";

const APP_TABLES = [
  "article_authors",
  "article_corrections",
  "article_headlines",
  "article_headlines_config",
  "article_headlines_data",
  "article_headlines_docsize",
  "article_headlines_idx",
  "article_revisions",
  "article_search",
  "article_search_config",
  "article_search_data",
  "article_search_docsize",
  "article_search_idx",
  "article_tags",
  "articles",
  "audit_log",
  "auth_account",
  "auth_session",
  "auth_two_factor",
  "auth_user",
  "auth_verification",
  "authors",
  "images",
  "media_files",
  "most_read",
  "newsroom_stories",
  "page_views",
  "preview_links",
  "publication",
  "publication_links",
  "search_defer",
  "search_dirty",
  "sections",
  "seed_state",
  "sign_in_failures",
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
    expect(applied).toEqual(Object.keys(migrations));
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
        "articles_public",
        "articles_public_section",
        "page_views_reader",
        "page_views_window",
        "sections_parent_slug",
      ]),
    );
  });

  it("lets several processes migrate one new file at once: one applies, the others find nothing to do", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "herald-race-"));
    const file = path.join(dir, "race.db");
    const run = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, [
          "--import",
          "tsx",
          path.join(__dirname, "concurrent-migrate.fixture.ts"),
          file,
        ]);
        let out = "";
        child.stdout.on("data", (chunk) => (out += chunk));
        child.stderr.on("data", (chunk) => (out += chunk));
        child.on("close", (code) => resolve({ code, out }));
      });
    const results = await Promise.all([run(), run(), run(), run()]);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const applied = results.map((r) => JSON.parse(r.out.trim()) as string[]);
    expect(applied.filter((a) => a.length > 0)).toEqual([Object.keys(migrations)]);
  }, 30_000);

  it("migrates an in-memory database too", async () => {
    temp = await createTempDb({ inMemory: true, migrate: false });
    expect(await migrateToLatest(temp.db)).toEqual(Object.keys(migrations));
    expect(await tableNames(temp)).toEqual(APP_TABLES);
  });
});

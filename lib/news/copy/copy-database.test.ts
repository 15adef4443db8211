import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentOf, withPostgres } from "../test-support/copy-content";
import {
  createTempDb,
  HOUR_MS,
  importAll,
  makeRecord,
  shiftIso,
  type TempDb,
} from "../test-support/temp-db";
import { copySqliteToPostgres } from "./copy-database";

/**
 * The SQLite-to-PostgreSQL copy (`npm run copy-database`): a seeded SQLite site with page views,
 * a withdrawn story, a story with a legacy id and author profiles, copied into a new PostgreSQL
 * database, answers every read the same there. Both databases at once, so it runs once (project
 * `node`), and only when HERALD_TEST_DATABASES names PostgreSQL (both by default).
 */

const LEGACY_ID = "20050102000123";

describe.skipIf(!withPostgres)("copying a SQLite site into PostgreSQL", () => {
  let sqlite: TempDb;
  let postgres: TempDb;
  let now: string;
  let withdrawnId: number;
  let maxIds: Map<string, number>;
  let mostReadAfterCopy: Array<{ list_size: number; computed_at: string }>;

  beforeAll(async () => {
    [sqlite, postgres] = await Promise.all([
      createTempDb({ seed: true, backend: "sqlite" }),
      createTempDb({ backend: "postgres" }),
    ]);
    await importAll(sqlite.db, [
      makeRecord("legacy-story", { legacy_id: LEGACY_ID, published: "2005-01-02T03:00:00Z" }),
    ]);
    const newest = await sqlite.db
      .selectFrom("articles")
      .select(["id", "published_at"])
      .where("status", "=", "published")
      .orderBy("published_at", "desc")
      .orderBy("id", "desc")
      .limit(12)
      .execute();
    now = shiftIso(newest[0]!.published_at!, 20 * HOUR_MS);
    withdrawnId = newest[1]!.id;
    expect(await sqlite.store.withdraw(withdrawnId, shiftIso(now, -HOUR_MS))).toBe(true);
    // Views in the last day, week and before: MOST POPULAR has rankings to read.
    for (const [k, article] of newest.entries())
      for (let reader = 0; reader <= k % 4; reader++)
        await sqlite.store.recordPageView({
          articleId: article.id,
          readerId: `reader-${reader}`,
          now: shiftIso(now, -(k + 1) * 5 * HOUR_MS),
        });
    await sqlite.store.mostPopularRail(5, now);
    maxIds = new Map();
    for (const table of ["articles", "page_views", "tags", "authors"] as const) {
      const row = await sqlite.db
        .selectFrom(table)
        .select(sql<number>`max(id)`.as("id"))
        .executeTakeFirstOrThrow();
      maxIds.set(table, row.id);
    }
    await copySqliteToPostgres(sqlite.db, postgres.db, { now });
    mostReadAfterCopy = await postgres.db
      .selectFrom("most_read")
      .select(["list_size", "computed_at"])
      .execute();
  }, 180_000);
  afterAll(async () => {
    await Promise.all([sqlite?.destroy(), postgres?.destroy()]);
  });

  it("copies every row of every table as it is", async () => {
    const [a, b] = await Promise.all([contentOf(sqlite.db), contentOf(postgres.db)]);
    expect(b).toEqual(a);
    expect(a.page_views!.length).toBeGreaterThan(10);
    expect((a.authors as Array<{ bio: string | null }>).some((r) => r.bio !== null)).toBe(true);
  });

  it("answers every story by id the same, drafts, the withdrawn and the legacy one included", async () => {
    const ids = (await sqlite.db.selectFrom("articles").select("id").execute()).map((r) => r.id);
    for (const id of ids) {
      const [a, b] = await Promise.all([
        sqlite.store.article(id, now, { unpublished: true }),
        postgres.store.article(id, now, { unpublished: true }),
      ]);
      expect(b).toEqual(a);
      expect(await postgres.store.articleState(id, now)).toEqual(
        await sqlite.store.articleState(id, now),
      );
    }
    expect((await postgres.store.articleState(withdrawnId, now))?.state).toBe("withdrawn");
    const legacy = await postgres.store.legacyArticlePath(LEGACY_ID, now);
    expect(legacy).not.toBeNull();
    expect(legacy).toBe(await sqlite.store.legacyArticlePath(LEGACY_ID, now));
  });

  it("answers the publication, every section front, the latest and MOST POPULAR the same", async () => {
    const same = async <T>(read: (s: TempDb["store"]) => Promise<T>) =>
      expect(await read(postgres.store)).toEqual(await read(sqlite.store));
    await same((s) => s.publication());
    await same((s) => s.sectionTree());
    await same((s) => s.photoCredits());
    await same((s) => s.latest(50, now));
    await same((s) => s.latestRail(10, now));
    await same((s) => s.topStoriesBySection(3, now));
    await same((s) => s.feedInput([], now));
    const popular = await postgres.store.mostPopularRail(5, now);
    expect(popular.window).not.toBe("newest");
    expect(popular).toEqual(await sqlite.store.mostPopularRail(5, now));
    await same((s) => s.mostPopularRail(10, now));
    for (const section of await sqlite.store.sectionTree()) {
      for (const path of [section.path, ...section.children.map((c) => c.path)]) {
        const segments = path.split("/").filter(Boolean);
        const first = await sqlite.store.sectionFront(segments, null, now);
        expect(await postgres.store.sectionFront(segments, null, now)).toEqual(first);
      }
    }
  });

  it("ranks MOST POPULAR on the target for the list sizes the source had stored", () => {
    expect(mostReadAfterCopy).toEqual([{ list_size: 5, computed_at: now }]);
  });

  it("finds the same stories", async () => {
    for (const q of ["korea", '"prime minister"', "president", "한국", "zzzz nothing"]) {
      const request = { q, page: 1 };
      expect(await postgres.store.search(request, now)).toEqual(
        await sqlite.store.search(request, now),
      );
    }
    expect((await postgres.store.search({ q: "korea", page: 1 }, now)).total).toBeGreaterThan(0);
    expect(await postgres.store.suggest("pres", now)).toEqual(
      await sqlite.store.suggest("pres", now),
    );
  });

  it("lists the same sitemaps, author and tag pages", async () => {
    const same = async <T>(read: (s: TempDb["store"]) => Promise<T>) =>
      expect(await read(postgres.store)).toEqual(await read(sqlite.store));
    await same((s) => s.sitemapFronts(now));
    await same((s) => s.newsSitemapArticles(now));
    await same((s) => s.listingSitemap("author", now));
    await same((s) => s.listingSitemap("tag", now));
    const files = await sqlite.store.articleSitemapFiles(now);
    expect(await postgres.store.articleSitemapFiles(now)).toEqual(files);
    for (const file of files) await same((s) => s.articleSitemapPart(file, now));
    expect((await postgres.store.newsSitemapArticles(now)).length).toBeGreaterThan(0);
    let pages = 0;
    for (const { slug } of await sqlite.db.selectFrom("authors").select("slug").execute()) {
      const page = await postgres.store.authorPage(slug, null, now);
      expect(page).toEqual(await sqlite.store.authorPage(slug, null, now));
      if (page) pages++;
    }
    for (const { slug } of await sqlite.db.selectFrom("tags").select("slug").execute()) {
      const page = await postgres.store.tagPage(slug, null, now);
      expect(page).toEqual(await sqlite.store.tagPage(slug, null, now));
      if (page) pages++;
    }
    expect(pages).toBeGreaterThan(10);
  });

  it("is left alone by `npm run setup` afterwards: no default content over the copy", async () => {
    expect(await postgres.store.migrate()).toEqual([]);
    expect(await postgres.store.seedDefaultContent()).toBeNull();
  });

  it("gives a story imported after the copy, and a page view, new ids past the copied ones", async () => {
    await importAll(postgres.db, [makeRecord("after-the-copy")]);
    const story = await postgres.db
      .selectFrom("articles")
      .select("id")
      .where("external_id", "=", "after-the-copy")
      .executeTakeFirstOrThrow();
    expect(story.id).toBeGreaterThan(maxIds.get("articles")!);
    await importAll(postgres.db, [
      makeRecord("after-the-copy-2", { tags: ["A tag never seen"], author: "A new writer" }),
    ]);
    const tag = await postgres.db
      .selectFrom("tags")
      .select(sql<number>`max(id)`.as("id"))
      .executeTakeFirstOrThrow();
    expect(tag.id).toBeGreaterThan(maxIds.get("tags")!);
    const author = await postgres.db
      .selectFrom("authors")
      .select(sql<number>`max(id)`.as("id"))
      .executeTakeFirstOrThrow();
    expect(author.id).toBeGreaterThan(maxIds.get("authors")!);
    const view = { articleId: story.id, readerId: "after-the-copy", now: new Date().toISOString() };
    expect(await postgres.store.recordPageView(view)).toEqual({ counted: true });
  });
});

import { dialectOf, type DB } from "../sql/db";
import {
  HOUR_MS,
  addSection,
  articleIdsByExternalId,
  importAll,
  makeRecord,
  shiftIso,
} from "./temp-db";

/** The clock of the sitemap tests. */
export const SITEMAP_NOW = "2024-06-01T12:00:00.000Z";

export const HOSTILE_HEADLINE = `Q&A: "Seoul" </script><script>alert(1)</script> 한국 🇰🇷`;
export const CONTROL_HEADLINE = "Bell\u0007 rings\u0000 twice\u001B";
export const PHOTO_FILE = "bison herd.jpg";

const ago = (hours: number) => shiftIso(SITEMAP_NOW, -hours * HOUR_MS);

/**
 * A small site for the sitemap tests, at clock {@link SITEMAP_NOW}:
 * - sections "news" (subsections "world", "tech") and "opinion" (no stories);
 * - stories of the last days: "h47" (47 h old, lead photo "bison herd.jpg", updated 1 h ago),
 *   "h49" (49 h old), "hostile" (headline {@link HOSTILE_HEADLINE}), "ctrl" (a headline with
 *   control characters), "due" (scheduled, time passed); never public: "draft", "future",
 *   "later" (scheduled for later);
 * - March 2020 in KST: "m1" (2020-02-29T15:00Z, that is March 1, 00:00 KST) … "m5"
 *   (2020-03-31T14:59:59Z, March 31, 23:59:59 KST), a draft "m-draft"; around it "feb-last"
 *   (February 29, 23:59:59 KST) and "apr-first" (April 1, 00:00 KST).
 * Returns article ids by import id.
 */
export async function createSitemapSite(db: DB): Promise<Map<string, number>> {
  await addSection(db, "news", { name: "News", position: 1 });
  await addSection(db, "world", { name: "World", parentSlug: "news", position: 1 });
  await addSection(db, "tech", { name: "Tech", parentSlug: "news", position: 2 });
  await addSection(db, "opinion", { name: "Opinion", position: 2 });
  await db
    .insertInto("images")
    .values({
      file: PHOTO_FILE,
      width: 800,
      height: 600,
      alt: "Bison",
      caption: "Bison",
      credit: "Someone",
      licence: "CC BY 4.0",
      source: "https://example.org/bison",
    })
    .execute();
  await importAll(db, [
    makeRecord("h47", {
      section: "news/world",
      published: ago(47),
      updated: ago(1),
      lead_image: { file: PHOTO_FILE, caption: "Bison", credit: "Someone" },
    }),
    makeRecord("h49", { section: "news/tech", published: ago(49) }),
    makeRecord("hostile", { section: "news", published: ago(3) }),
    makeRecord("ctrl", { section: "news/tech", published: ago(4) }),
    makeRecord("due", { section: "news", published: ago(2), status: "scheduled" }),
    makeRecord("draft", { section: "news", published: ago(0.5), status: "draft" }),
    makeRecord("future", { section: "news", published: ago(-1) }),
    makeRecord("later", { section: "news", published: ago(-5), status: "scheduled" }),
    makeRecord("feb-last", { section: "news/world", published: "2020-02-29T14:59:59Z" }),
    makeRecord("m1", { section: "news/world", published: "2020-02-29T15:00:00Z" }),
    makeRecord("m2", { section: "news/world", published: "2020-03-05T00:00:00Z" }),
    makeRecord("m3", {
      section: "news/tech",
      published: "2020-03-10T00:00:00Z",
      updated: "2020-05-01T00:00:00Z",
    }),
    makeRecord("m4", { section: "news/tech", published: "2020-03-20T00:00:00Z" }),
    makeRecord("m5", { section: "news/world", published: "2020-03-31T14:59:59Z" }),
    makeRecord("m-draft", { section: "news", published: "2020-03-15T00:00:00Z", status: "draft" }),
    makeRecord("apr-first", { section: "news/world", published: "2020-03-31T15:00:00Z" }),
  ]);
  // Set verbatim: the importer treats headlines as plain text and would strip the tags.
  // PostgreSQL's text cannot hold U+0000 at all (the other controls it keeps).
  const control =
    dialectOf(db) === "postgres" ? CONTROL_HEADLINE.replaceAll("\u0000", "") : CONTROL_HEADLINE;
  for (const [id, headline] of [
    ["hostile", HOSTILE_HEADLINE],
    ["ctrl", control],
  ] as const)
    await db.updateTable("articles").set({ headline }).where("external_id", "=", id).execute();
  return articleIdsByExternalId(db);
}

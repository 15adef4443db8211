import { sql } from "kysely";
import type { DB } from "./db";
import { slugify } from "../../format/slug";
import { importJsonLines, type ImportReport } from "./import/import-articles";
import type { BatchIndexer } from "./search/document";
import {
  readAuthorProfilesFile,
  readCorpusLines,
  readImagesFile,
  readLeadImagesFile,
  readLinksFile,
  readNewsroomQueueLines,
  readPublicationFile,
  readSeedArticleFile,
} from "../../content/files";

/** The seed article's own import id and its editorial tags (the seed page prints none). */
export const SEED_ARTICLE_ID = "herald-20210916-korea-japan-diplomats-talks";
const SEED_ARTICLE_TAGS = ["South Korea", "Japan", "Korea-Japan relations", "North Korea"];

/**
 * Loads the default content into a freshly migrated database, once: the publication and its
 * links, the section tree, the photographs, the seed article, the Wikinews corpus (with lead
 * photos per content/lead-images.json) and the newsroom queue (a draft and a scheduled story),
 * indexed for search by the backend's `indexBatch`. Several processes may call it at once: the
 * first write takes SQLite's write lock (on PostgreSQL, the `seed_state` row's), and whoever
 * comes later finds the `seed_state` row and does nothing.
 * Returns the corpus import report, or null when the database was already seeded.
 */
export async function seedDefaultContent(
  db: DB,
  indexBatch: BatchIndexer,
): Promise<ImportReport | null> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .insertInto("seed_state")
      .values({ id: 1, seeded_at: new Date().toISOString() })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return null;
    // Only seed an empty site: a database someone filled by hand keeps what it has.
    const existing = await trx
      .selectFrom("sections")
      .select(sql<number>`count(*)`.as("n"))
      .executeTakeFirstOrThrow();
    if (existing.n > 0) return null;

    const publication = readPublicationFile();
    const links = readLinksFile();
    await trx
      .insertInto("publication")
      .values({
        id: 1,
        name: publication.name,
        publisher_company: publication.publisher_company,
        locale: publication.locale,
        time_zone: publication.time_zone,
        registration_json: JSON.stringify(publication.footer_lines),
        date_months_json: JSON.stringify(publication.date_style.months),
      })
      .execute();
    const linkRows = [
      ...links.promo.map((l, i) => ({
        kind: "promo" as const,
        label: l.label,
        href: l.href,
        position: i,
      })),
      ...links.footer.map((l, i) => ({
        kind: "footer" as const,
        label: l.label,
        href: l.href,
        position: i,
      })),
    ];
    await trx.insertInto("publication_links").values(linkRows).execute();

    const codes = publication.legacy_section_codes;
    for (const [position, section] of publication.sections.entries()) {
      const parent = await trx
        .insertInto("sections")
        .values({
          slug: slugify(section.name),
          name: section.name,
          parent_id: null,
          position,
          legacy_code: codes[section.name] ?? null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const [childPosition, name] of section.subsections.entries()) {
        await trx
          .insertInto("sections")
          .values({
            slug: slugify(name),
            name,
            parent_id: parent.id,
            position: childPosition,
            legacy_code: codes[name] ?? null,
          })
          .execute();
      }
    }

    const images = readImagesFile();
    if (images.length > 0) {
      await trx
        .insertInto("images")
        .values(
          images.map(({ file, width, height, alt, caption, credit, licence, source }) => ({
            file,
            width,
            height,
            alt,
            caption,
            credit,
            licence,
            source,
          })),
        )
        .execute();
    }

    const seed = readSeedArticleFile();
    const seedRecord = {
      id: SEED_ARTICLE_ID,
      headline: seed.headline,
      published: seed.published,
      updated: seed.updated,
      body: seed.body,
      section: `${slugify(seed.section)}/${slugify(seed.subsection)}`,
      author: seed.author.name,
      author_kind: seed.author.kind,
      tags: SEED_ARTICLE_TAGS,
      lead_image: {
        file: seed.lead_image.file,
        caption: seed.lead_image.caption,
        credit: seed.lead_image.credit,
      },
    };
    const leadImages = new Map(readLeadImagesFile().assignments.map((a) => [a.article, a.file]));
    const corpus = readCorpusLines().map((line) => withLeadImage(line, leadImages, images));
    const report = await importJsonLines(trx, indexBatch, [
      JSON.stringify(seedRecord),
      ...corpus,
      ...readNewsroomQueueLines(),
    ]);
    await applyAuthorProfiles(trx);
    return report;
  });
}

/**
 * Gives the bylines of content/authors.json their bio and photo (authors are created by the
 * import, from the stories' bylines). A profile whose byline no story carries, or whose photo is
 * not in images.json, is an error: the shipped content is ours and must be whole.
 */
async function applyAuthorProfiles(db: DB): Promise<void> {
  for (const profile of readAuthorProfilesFile()) {
    let imageId: number | null = null;
    if (profile.photo) {
      const image = await db
        .selectFrom("images")
        .select("id")
        .where("file", "=", profile.photo)
        .executeTakeFirst();
      if (!image)
        throw new Error(`content/authors.json: no photo "${profile.photo}" in images.json`);
      imageId = image.id;
    }
    const updated = await db
      .updateTable("authors")
      .set({ bio: profile.bio ?? null, image_id: imageId })
      .where("name", "=", profile.name)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw new Error(`content/authors.json: no story has the byline "${profile.name}"`);
  }
}

function withLeadImage(
  line: string,
  leadImages: Map<string, string>,
  images: Array<{ file: string; caption: string; credit: string }>,
): string {
  const id = /"id":\s*"([^"]+)"/.exec(line)?.[1];
  const file = id ? leadImages.get(id) : undefined;
  const image = file ? images.find((i) => i.file === file) : undefined;
  if (!image) return line;
  return JSON.stringify({
    ...JSON.parse(line),
    lead_image: { file: image.file, caption: image.caption, credit: image.credit },
  });
}

import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import type { MediaFile, MediaPhoto, MediaLibraryPage, NewPhoto } from "../../newsroom-store";
import { imageSrc } from "../../../urls";
import type { DB } from "../db";

/**
 * Uploaded photos (docs/newsroom.md, "Photos"; decisions/039): the re-encoded bytes in
 * `media_files`, so every instance serves them from the database, and one `images` row each
 * (file "media/<imageId>.<ext>"), so articles, feeds and the credits page read them like any
 * photograph.
 */

/**
 * Stores one photo: an `images` row and its bytes, in one transaction, and returns it. The file
 * name needs the row's id, so the row is written with a unique placeholder and renamed.
 */
export async function insertPhoto(db: DB, photo: NewPhoto): Promise<MediaPhoto> {
  const imageId = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("images")
      .values({
        file: `media/pending-${randomUUID()}`,
        width: photo.width,
        height: photo.height,
        alt: photo.alt,
        caption: photo.caption,
        credit: photo.credit,
        licence: photo.licence,
        source: "",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await trx
      .updateTable("images")
      .set({ file: `media/${id}.${photo.extension}` })
      .where("id", "=", id)
      .execute();
    await trx
      .insertInto("media_files")
      .values({
        image_id: id,
        content_type: photo.contentType,
        bytes: Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.byteLength),
        byte_size: photo.bytes.byteLength,
        sha256: photo.sha256,
        uploaded_by: photo.uploadedBy,
        uploaded_at: photo.uploadedAt,
      })
      .execute();
    return id;
  });
  const stored = await readPhoto(db, imageId);
  if (!stored) throw new Error(`photo ${imageId} vanished after it was stored`);
  return stored;
}

function selectPhotos(db: DB) {
  return db
    .selectFrom("media_files as m")
    .innerJoin("images as i", "i.id", "m.image_id")
    .select([
      "i.id",
      "i.file",
      "i.width",
      "i.height",
      "i.alt",
      "i.caption",
      "i.credit",
      "i.licence",
      "m.content_type",
      "m.byte_size",
      "m.uploaded_by",
      "m.uploaded_at",
    ]);
}

type PhotoRow = Awaited<ReturnType<ReturnType<typeof selectPhotos>["executeTakeFirstOrThrow"]>>;

function toPhoto(row: PhotoRow): MediaPhoto {
  return {
    imageId: Number(row.id),
    file: row.file,
    src: imageSrc(row.file),
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    licence: row.licence,
    contentType: row.content_type,
    byteSize: Number(row.byte_size),
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
  };
}

/** One uploaded photo's description, or null when no upload has that image id. */
export async function readPhoto(db: DB, imageId: number): Promise<MediaPhoto | null> {
  const row = await selectPhotos(db).where("i.id", "=", imageId).executeTakeFirst();
  return row ? toPhoto(row) : null;
}

/** An uploaded photo's bytes and type, for serving; null for an unknown id. */
export async function readMediaFile(db: DB, imageId: number): Promise<MediaFile | null> {
  const row = await db
    .selectFrom("media_files as m")
    .innerJoin("images as i", "i.id", "m.image_id")
    .select(["m.content_type", "m.bytes", "m.sha256", "i.file"])
    .where("m.image_id", "=", imageId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    file: row.file,
    contentType: row.content_type,
    // better-sqlite3 gives a Buffer, pg a Buffer too; copy into a plain view either way.
    bytes: new Uint8Array(row.bytes),
    sha256: row.sha256,
  };
}

/** `%`, `_` and `\` taken literally in a LIKE pattern (with `escape '\'`). */
const likeLiteral = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The media library: uploaded photos newest first (highest id), `perPage` of them from page
 * `page` (1-based), only those whose alt text, caption or credit contain every word of `words`
 * (any letter case), with the total that match.
 */
export async function readMediaLibrary(
  db: DB,
  query: { page: number; perPage: number; words: string },
): Promise<MediaLibraryPage> {
  const words = query.words.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  let base = selectPhotos(db);
  for (const word of words) {
    const pattern = `%${likeLiteral(word)}%`;
    base = base.where(
      sql<boolean>`lower(i.alt || ' ' || i.caption || ' ' || i.credit) like ${pattern} escape '\\'`,
    );
  }
  const counted = await base
    .clearSelect()
    .select(sql<number>`count(*)`.as("n"))
    .executeTakeFirstOrThrow();
  const rows = await base
    .orderBy("i.id", "desc")
    .limit(query.perPage + 1)
    .offset((query.page - 1) * query.perPage)
    .execute();
  return {
    photos: rows.slice(0, query.perPage).map(toPhoto),
    hasMore: rows.length > query.perPage,
    total: Number(counted.n),
  };
}

import type { DB } from "../db";
import type { Image } from "../../../domain";
import { imageSrc } from "../../../urls";

/** Every photograph in the library with its credit, licence and source, by file name (for the copyright page). */
export async function getPhotoCredits(db: DB): Promise<Image[]> {
  const rows = await db.selectFrom("images").selectAll().orderBy("file").execute();
  return rows.map((r) => ({
    id: r.id,
    src: imageSrc(r.file),
    width: r.width,
    height: r.height,
    alt: r.alt,
    caption: r.caption,
    credit: r.credit,
    licence: r.licence,
    source: r.source,
  }));
}

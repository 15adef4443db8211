import type { DB } from "../db";
import type { BodyBlock } from "../../../domain";
import { imageFromRow } from "./article-rows";

/**
 * A body's photo blocks made ready to print: each gets the `src`, `width` and `height` of its
 * `images` row, in one query for all of them, with the same source builder as lead photos
 * (imageFromRow), so library photos and uploaded ones ("media/<id>.<ext>") resolve alike. A photo
 * whose image row is missing is left out (the body still renders); the alt text, caption and
 * credit stay the block's own. Blocks of other types pass through unchanged.
 */
export async function withBodyPhotos(db: DB, blocks: BodyBlock[]): Promise<BodyBlock[]> {
  const ids = [...new Set(blocks.flatMap((b) => (b.type === "photo" ? [b.imageId] : [])))].filter(
    (id) => Number.isSafeInteger(id) && id > 0,
  );
  if (ids.length === 0) return blocks.filter((b) => b.type !== "photo");
  const rows = await db
    .selectFrom("images")
    .select([
      "id as image_id",
      "file as image_file",
      "width as image_width",
      "height as image_height",
      "alt as image_alt",
      "caption as image_caption",
      "credit as image_credit",
      "licence as image_licence",
      "source as image_source",
    ])
    .where("id", "in", ids)
    .execute();
  const images = new Map(rows.map((row) => [row.image_id, imageFromRow(row)]));
  return blocks.flatMap((block): BodyBlock[] => {
    if (block.type !== "photo") return [block];
    const image = images.get(block.imageId);
    if (!image) return [];
    return [{ ...block, src: image.src, width: image.width, height: image.height }];
  });
}

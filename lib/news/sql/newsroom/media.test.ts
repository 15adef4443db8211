import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewPhoto } from "../../newsroom-store";
import {
  addSection,
  articleIdsByExternalId,
  createTempDb,
  importAll,
  makeRecord,
  type TempDb,
} from "../../test-support/temp-db";

let temp: TempDb;
beforeAll(async () => {
  temp = await createTempDb();
});
afterAll(() => temp.destroy());

/** A photo to store whose bytes are every byte value (a blob must come back exactly). */
function newPhoto(fields: Partial<NewPhoto> = {}): NewPhoto {
  const bytes = new Uint8Array(Array.from({ length: 512 }, (_, k) => k % 256));
  return {
    bytes,
    contentType: "image/jpeg",
    extension: "jpg",
    sha256: createHash("sha256").update(bytes).digest("hex"),
    width: 1200,
    height: 800,
    alt: "A bison in the grass",
    caption: "Bison graze at Caprock Canyons.",
    credit: "Kim Ji-won/Herald",
    licence: "All rights reserved",
    uploadedBy: "user-1",
    uploadedAt: "2026-12-01T00:00:00.000Z",
    ...fields,
  };
}

describe("uploaded photos", () => {
  it("stores the bytes and an images row named media/<id>.<ext>, served at /media/<id>/…", async () => {
    const media = temp.store.newsroom();
    const input = newPhoto();
    const photo = await media.insertPhoto(input);
    expect(photo).toMatchObject({
      file: `media/${photo.imageId}.jpg`,
      src: `/media/${photo.imageId}/photo-${photo.imageId}.jpg`,
      width: 1200,
      height: 800,
      alt: "A bison in the grass",
      credit: "Kim Ji-won/Herald",
      licence: "All rights reserved",
      contentType: "image/jpeg",
      byteSize: 512,
      uploadedBy: "user-1",
    });
    const file = await media.mediaFile(photo.imageId);
    expect(file?.contentType).toBe("image/jpeg");
    expect(Buffer.from(file!.bytes).equals(Buffer.from(input.bytes))).toBe(true);
    expect(file?.sha256).toBe(input.sha256);
    expect(await media.photo(photo.imageId)).toEqual(photo);

    const row = await temp.db
      .selectFrom("images")
      .selectAll()
      .where("id", "=", photo.imageId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ file: `media/${photo.imageId}.jpg`, source: "" });
  });

  it("knows no file for an unknown id, nor for a photograph that is no upload", async () => {
    const media = temp.store.newsroom();
    expect(await media.mediaFile(999_999)).toBeNull();
    expect(await media.photo(999_999)).toBeNull();
    const plain = await temp.db
      .insertInto("images")
      .values({
        file: "plain.jpg",
        width: 10,
        height: 10,
        alt: "x",
        caption: "",
        credit: "",
        licence: "",
        source: "",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(await media.mediaFile(plain.id)).toBeNull();
  });

  it("gives an article whose lead photo is an upload a /media/ src", async () => {
    await addSection(temp.db, "national");
    await importAll(temp.db, [makeRecord("with-upload")]);
    const articleId = (await articleIdsByExternalId(temp.db)).get("with-upload")!;
    const photo = await temp.store.newsroom().insertPhoto(newPhoto({ extension: "webp" }));
    await temp.db
      .updateTable("articles")
      .set({ lead_image_id: photo.imageId })
      .where("id", "=", articleId)
      .execute();
    const article = await temp.store.article(articleId, "2030-01-01T00:00:00.000Z");
    expect(article?.leadImage?.image?.src).toBe(
      `/media/${photo.imageId}/photo-${photo.imageId}.webp`,
    );
    const credits = await temp.store.photoCredits();
    expect(credits.find((c) => c.id === photo.imageId)?.src).toBe(photo.src);
  });
});

describe("the media library", () => {
  it("lists uploads newest first, paged, and finds words in alt, caption and credit", async () => {
    const fresh = await createTempDb();
    try {
      const media = fresh.store.newsroom();
      const ids: number[] = [];
      for (let k = 1; k <= 5; k++) {
        const photo = await media.insertPhoto(
          newPhoto({
            alt: `Photo ${k}`,
            caption: k === 2 ? "Rain over Seoul_City 100%" : "Sunny",
            credit: k === 4 ? "YONHAP" : "Staff",
          }),
        );
        ids.push(photo.imageId);
      }
      const first = await media.mediaLibrary({ page: 1, perPage: 2, words: "" });
      expect(first.photos.map((p) => p.imageId)).toEqual([ids[4], ids[3]]);
      expect(first).toMatchObject({ hasMore: true, total: 5 });
      const last = await media.mediaLibrary({ page: 3, perPage: 2, words: "" });
      expect(last.photos.map((p) => p.imageId)).toEqual([ids[0]]);
      expect(last.hasMore).toBe(false);

      const rain = await media.mediaLibrary({ page: 1, perPage: 10, words: "seoul RAIN" });
      expect(rain.photos.map((p) => p.imageId)).toEqual([ids[1]]);
      expect(rain.total).toBe(1);
      const yonhap = await media.mediaLibrary({ page: 1, perPage: 10, words: "yonhap" });
      expect(yonhap.photos.map((p) => p.imageId)).toEqual([ids[3]]);
      // LIKE's wildcards are taken literally.
      expect((await media.mediaLibrary({ page: 1, perPage: 10, words: "100%" })).total).toBe(1);
      expect((await media.mediaLibrary({ page: 1, perPage: 10, words: "seoul_c" })).total).toBe(1);
      expect((await media.mediaLibrary({ page: 1, perPage: 10, words: "%" })).total).toBe(1);
      expect((await media.mediaLibrary({ page: 1, perPage: 10, words: "_" })).total).toBe(1);
    } finally {
      await fresh.destroy();
    }
  });
});

import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPostgres } from "../test-support/copy-content";
import { createTempDb, type TempDb } from "../test-support/temp-db";
import { copySqliteToPostgres } from "./copy-database";

/**
 * Uploaded photos (decisions/039) are bytes in the database: `npm run copy-database` must carry
 * them from SQLite's BLOB into PostgreSQL's bytea unchanged, or a moved site loses its photos.
 * Both databases at once, so it runs once (project `node`), when PostgreSQL is in the run.
 */
describe.skipIf(!withPostgres)("copying uploaded photos into PostgreSQL", () => {
  let sqlite: TempDb;
  let postgres: TempDb;
  const bytes = new Uint8Array(Array.from({ length: 4096 }, (_, k) => (k * 7) % 256));
  let imageId: number;

  beforeAll(async () => {
    [sqlite, postgres] = await Promise.all([
      createTempDb({ seed: true, backend: "sqlite" }),
      createTempDb({ backend: "postgres" }),
    ]);
    const photo = await sqlite.store.newsroom().insertPhoto({
      bytes,
      contentType: "image/jpeg",
      extension: "jpg",
      sha256: createHash("sha256").update(bytes).digest("hex"),
      width: 10,
      height: 10,
      alt: "Every byte value",
      caption: "",
      credit: "Herald",
      licence: "All rights reserved",
      uploadedBy: "u1",
      uploadedAt: "2026-12-01T00:00:00.000Z",
    });
    imageId = photo.imageId;
    await copySqliteToPostgres(sqlite.db, postgres.db, { now: "2026-12-02T00:00:00.000Z" });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([sqlite?.destroy(), postgres?.destroy()]);
  });

  it("keeps every byte, the type and the library entry", async () => {
    const file = await postgres.store.newsroom().mediaFile(imageId);
    expect(file?.contentType).toBe("image/jpeg");
    expect(Buffer.from(file!.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(await postgres.store.newsroom().photo(imageId)).toEqual(
      await sqlite.store.newsroom().photo(imageId),
    );
  });
});

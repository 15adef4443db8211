import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../sql/db";
import {
  createTempDb,
  importRecords,
  makeRecord,
  testPostgresUrl,
  type TempDb,
} from "../../test-support/temp-db";
import { openPostgres } from "../connection";

const withPostgres = (process.env.HERALD_TEST_DATABASES ?? "sqlite,postgres")
  .split(",")
  .includes("postgres");

/**
 * The importer's bulk indexing (index-write.ts) merges GIN's pending lists, which only the
 * indexes' owner may do: a role granted only the right to write the tables must still import
 * (and so publish, through the same indexing).
 */
describe.skipIf(!withPostgres)(
  "a bulk import by a role that writes but does not own the tables",
  () => {
    let temp: TempDb;
    let writer: DB;
    const role = `herald_writer_${randomBytes(4).toString("hex")}`;
    beforeAll(async () => {
      temp = await createTempDb({ backend: "postgres", seed: true });
      await sql.raw(`create role ${role} login`).execute(temp.db);
      await sql
        .raw(`grant select, insert, update, delete on all tables in schema public to ${role}`)
        .execute(temp.db);
      await sql
        .raw(`grant usage, select on all sequences in schema public to ${role}`)
        .execute(temp.db);
      const url = new URL(temp.file);
      url.username = role;
      writer = openPostgres(url.toString(), 2);
    });
    afterAll(async () => {
      await writer?.destroy();
      await sql.raw(`drop owned by ${role}`).execute(temp.db);
      await temp?.destroy();
      const server = openPostgres(testPostgresUrl(), 1);
      await sql.raw(`drop role if exists ${role}`).execute(server);
      await server.destroy();
    });

    it("imports and indexes a batch of 600, which its owner's import would merge", async () => {
      const records = Array.from({ length: 600 }, (_, i) =>
        makeRecord(`by-writer-${i}`, { body: [`Story ${i} about a quokkaword.`] }),
      );
      expect(await importRecords(writer, records)).toEqual({
        inserted: 600,
        updated: 0,
        skipped: [],
      });
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from article_search
      where document @@ 'quokkaword'::tsquery`.execute(temp.db);
      expect(rows[0]?.n).toBe(600);
    });
  },
);

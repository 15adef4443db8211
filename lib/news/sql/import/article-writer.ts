import type { Run } from "./write-batch";

export const ARTICLE_COLUMNS = [
  "external_id",
  "slug",
  "headline",
  "standfirst",
  "body_json",
  "section_id",
  "status",
  "published_at",
  "updated_at",
  "lead_image_id",
  "lead_image_caption",
  "lead_image_credit",
  "source_url",
  "licence",
  "legacy_id",
] as const;

const INSERT = `insert into articles (${ARTICLE_COLUMNS.join(", ")}) values (${ARTICLE_COLUMNS.map(() => "?").join(", ")})`;
const UPDATE = `update articles set ${ARTICLE_COLUMNS.map((c) => `${c} = ?`).join(", ")} where id = ?`;

/** Rows per multi-row insert of articles on PostgreSQL (16 parameters each; at most 65,535). */
const ARTICLES_PER_INSERT = 500;

/**
 * Writes the importer's article rows (`values` in ARTICLE_COLUMNS order). On SQLite each row at
 * once (an in-process call; a statement of several rows needs a statement journal of its own).
 * On PostgreSQL, where every statement is a round trip to the server, `reserve(n)` takes ids for
 * a batch's new articles from the table's identity sequence in one query, and the new rows are
 * written at `flush()` in multi-row inserts with those ids (ids stay in input order; a reserved
 * id left unused is a gap, as a rolled-back insert leaves one). Updates of stored articles run at
 * once on both. `insert` returns the new article's id; `update` of an article inserted earlier
 * in the same batch replaces its pending row (`isPending`: it has no stored row yet).
 */
export function articleWriter(run: Run) {
  const reserved: number[] = [];
  const pending = new Map<number, unknown[]>();
  return {
    async reserve(count: number) {
      if (!run.postgres || count === 0) return;
      const { rows } = await run(
        "select nextval(pg_get_serial_sequence('articles', 'id')) as id from generate_series(1, ?::integer)",
        [count],
      );
      reserved.push(...rows.map((r) => Number(r.id)).sort((a, b) => a - b));
    },
    async insert(values: unknown[]): Promise<number> {
      if (!run.postgres) return Number((await run(INSERT, values)).insertId);
      const id = reserved.shift() ?? (await reserveOne(run));
      pending.set(id, values);
      return id;
    },
    isPending: (id: number) => pending.has(id),
    async update(id: number, values: unknown[]) {
      if (pending.has(id)) pending.set(id, values);
      else await run(UPDATE, [...values, id]);
    },
    async flush() {
      const rows = [...pending];
      pending.clear();
      const tuple = `(?, ${ARTICLE_COLUMNS.map(() => "?").join(", ")})`;
      for (let i = 0; i < rows.length; i += ARTICLES_PER_INSERT) {
        const chunk = rows.slice(i, i + ARTICLES_PER_INSERT);
        await run(
          `insert into articles (id, ${ARTICLE_COLUMNS.join(", ")}) values ${chunk.map(() => tuple).join(", ")}`,
          chunk.flatMap(([id, values]) => [id, ...values]),
        );
      }
    },
  };
}

async function reserveOne(run: Run): Promise<number> {
  const { rows } = await run("select nextval(pg_get_serial_sequence('articles', 'id')) as id", []);
  return Number(rows[0]?.id);
}

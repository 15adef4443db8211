import type { Run } from "./write-batch";

const INSERT_BYLINE =
  "insert into article_authors (article_id, author_id, position) values (?, ?, 0)";
// One row a statement: a statement of several rows needs a statement journal of its own.
const INSERT_TAG = "insert into article_tags (article_id, tag_id) values (?, ?)";

/** Rows per multi-row insert of bylines or tags (2 parameters each). */
const LINKS_PER_INSERT = 1_000;

/**
 * Writes bylines and tag links: on SQLite one row a statement, at once (a statement of several
 * rows needs a statement journal of its own); on PostgreSQL gathered for the whole batch and
 * written in multi-row inserts at `flush()` (each statement is a round trip to the server).
 * `forget(articleId)` drops the gathered rows of an article whose links are being replaced.
 */
export function linkWriter(run: Run) {
  const pending = { article_authors: [] as number[][], article_tags: [] as number[][] };
  const add = async (table: keyof typeof pending, single: string, row: number[]) => {
    if (run.postgres) pending[table].push(row);
    else await run(single, row);
  };
  return {
    byline: (articleId: number, authorId: number) =>
      add("article_authors", INSERT_BYLINE, [articleId, authorId]),
    tag: (articleId: number, tagId: number) => add("article_tags", INSERT_TAG, [articleId, tagId]),
    forget(articleId: number) {
      for (const table of Object.keys(pending) as Array<keyof typeof pending>)
        pending[table] = pending[table].filter((row) => row[0] !== articleId);
    },
    async flush() {
      for (const [table, rows] of Object.entries(pending)) {
        const columns =
          table === "article_authors" ? "article_id, author_id, position" : "article_id, tag_id";
        const tuple = table === "article_authors" ? "(?, ?, 0)" : "(?, ?)";
        for (let i = 0; i < rows.length; i += LINKS_PER_INSERT) {
          const chunk = rows.slice(i, i + LINKS_PER_INSERT);
          await run(
            `insert into ${table} (${columns}) values ${chunk.map(() => tuple).join(", ")}`,
            chunk.flat(),
          );
        }
      }
      pending.article_authors = [];
      pending.article_tags = [];
    },
  };
}

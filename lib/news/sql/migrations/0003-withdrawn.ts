import type { Kysely } from "kysely";

/**
 * When a published article was withdrawn (taken down after publication), or null. A withdrawn
 * article is no longer public anywhere, and its URL answers 410 Gone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("articles").addColumn("withdrawn_at", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("articles").dropColumn("withdrawn_at").execute();
}

import { PostgresAdapter, sql, type Kysely } from "kysely";

/**
 * Newsroom accounts: the tables better-auth 1.7 reads and writes through its Kysely adapter
 * (lib/newsroom/auth/auth.ts), made here rather than by better-auth's own migrator so that one
 * list of migrations is the schema on both backends (docs/decisions/036-better-auth.md).
 *
 * Tables and columns are exactly better-auth's core schema plus the `role` additional field and
 * the twoFactor plugin's schema, with our table names (`auth_*`, set as `modelName` in the auth
 * options) and better-auth's own camelCase column names (quoted identifiers on both backends).
 * Types follow better-auth's migrator: text ids, booleans (PostgreSQL boolean, SQLite 0/1),
 * dates (PostgreSQL timestamptz; SQLite text, as the adapter writes ISO strings there).
 *
 * `sign_in_failures` is Herald's: one row per failed newsroom sign-in, under the account's key
 * and the address's key, counted over a window (lib/news/sql/newsroom/sign-in-limits.ts), so
 * every instance shares the limits.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const bool = postgres ? "boolean" : "integer";
  const date = postgres ? "timestamptz" : "text";
  const no = postgres ? sql`false` : sql`0`;
  const yes = postgres ? sql`true` : sql`1`;

  await db.schema
    .createTable("auth_user")
    .addColumn("id", "text", (col) => col.primaryKey().notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("email", "text", (col) => col.notNull().unique())
    .addColumn("emailVerified", bool, (col) => col.notNull().defaultTo(no))
    .addColumn("image", "text")
    .addColumn("createdAt", date, (col) => col.notNull())
    .addColumn("updatedAt", date, (col) => col.notNull())
    .addColumn("role", "text", (col) => col.notNull().defaultTo("writer"))
    .addColumn("twoFactorEnabled", bool, (col) => col.defaultTo(no))
    .execute();

  await db.schema
    .createTable("auth_session")
    .addColumn("id", "text", (col) => col.primaryKey().notNull())
    .addColumn("expiresAt", date, (col) => col.notNull())
    .addColumn("token", "text", (col) => col.notNull().unique())
    .addColumn("createdAt", date, (col) => col.notNull())
    .addColumn("updatedAt", date, (col) => col.notNull())
    .addColumn("ipAddress", "text")
    .addColumn("userAgent", "text")
    .addColumn("userId", "text", (col) =>
      col.notNull().references("auth_user.id").onDelete("cascade"),
    )
    .execute();
  await db.schema.createIndex("auth_session_userId").on("auth_session").column("userId").execute();

  await db.schema
    .createTable("auth_account")
    .addColumn("id", "text", (col) => col.primaryKey().notNull())
    .addColumn("accountId", "text", (col) => col.notNull())
    .addColumn("providerId", "text", (col) => col.notNull())
    .addColumn("userId", "text", (col) =>
      col.notNull().references("auth_user.id").onDelete("cascade"),
    )
    .addColumn("accessToken", "text")
    .addColumn("refreshToken", "text")
    .addColumn("idToken", "text")
    .addColumn("accessTokenExpiresAt", date)
    .addColumn("refreshTokenExpiresAt", date)
    .addColumn("scope", "text")
    .addColumn("password", "text")
    .addColumn("createdAt", date, (col) => col.notNull())
    .addColumn("updatedAt", date, (col) => col.notNull())
    .execute();
  await db.schema.createIndex("auth_account_userId").on("auth_account").column("userId").execute();

  await db.schema
    .createTable("auth_verification")
    .addColumn("id", "text", (col) => col.primaryKey().notNull())
    .addColumn("identifier", "text", (col) => col.notNull())
    .addColumn("value", "text", (col) => col.notNull())
    .addColumn("expiresAt", date, (col) => col.notNull())
    .addColumn("createdAt", date, (col) => col.notNull())
    .addColumn("updatedAt", date, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("auth_verification_identifier")
    .on("auth_verification")
    .column("identifier")
    .execute();

  await db.schema
    .createTable("auth_two_factor")
    .addColumn("id", "text", (col) => col.primaryKey().notNull())
    .addColumn("secret", "text", (col) => col.notNull())
    .addColumn("backupCodes", "text", (col) => col.notNull())
    .addColumn("userId", "text", (col) =>
      col.notNull().references("auth_user.id").onDelete("cascade"),
    )
    .addColumn("verified", bool, (col) => col.defaultTo(yes))
    .addColumn("failedVerificationCount", "integer", (col) => col.defaultTo(0))
    .addColumn("lockedUntil", date)
    .execute();
  await db.schema
    .createIndex("auth_two_factor_secret")
    .on("auth_two_factor")
    .column("secret")
    .execute();
  await db.schema
    .createIndex("auth_two_factor_userId")
    .on("auth_two_factor")
    .column("userId")
    .execute();

  await db.schema
    .createTable("sign_in_failures")
    .addColumn("id", postgres ? "bigserial" : "integer", (col) => col.primaryKey())
    .addColumn("key", "text", (col) => col.notNull())
    .addColumn("at", "text", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("sign_in_failures_key_at")
    .on("sign_in_failures")
    .columns(["key", "at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "sign_in_failures",
    "auth_two_factor",
    "auth_verification",
    "auth_account",
    "auth_session",
    "auth_user",
  ])
    await db.schema.dropTable(table).execute();
}

import pg from "pg";

/** A database name Herald creates: lower-case letters, digits and underscores. */
const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** `url` with its database name replaced by `name`. */
export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function onServer<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the database `name` on the server of `serverUrl` (any database there that we may
 * connect to), with collation and character type C (`TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE
 * 'C'`), so that text sorts by code point as on SQLite, and returns its URL. Throws on a bad
 * name or when the database exists. Used by the tests and the end-to-end server; operators
 * create theirs so (docs/deploy.md).
 */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  if (!NAME.test(name)) throw new TypeError(`createDatabase: bad name "${name}"`);
  await onServer(serverUrl, (c) =>
    c.query(
      `create database "${name}" template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`,
    ),
  );
  return databaseUrl(serverUrl, name);
}

/** Drops the database `name` on the server of `serverUrl`, ending its connections; none is fine. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  if (!NAME.test(name)) throw new TypeError(`dropDatabase: bad name "${name}"`);
  await onServer(serverUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
}

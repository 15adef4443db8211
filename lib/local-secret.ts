import { randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { readConfig, type Config } from "./config";

const made = new Map<string, string>();

/** The secrets kept this way, by file name. */
export type LocalSecretName =
  "preview-secret" | "revalidate-secret" | "view-secret" | "auth-secret";

/**
 * A secret shared by the server and the command-line tools of one site without any set-up: the
 * value configured in the environment when there is one (DRAFT_SECRET, REVALIDATE_SECRET,
 * HERALD_VIEW_SECRET, HERALD_AUTH_SECRET), otherwise a random secret made on
 * first use and kept beside the database in a file named `name` (mode 0600). Both sides open the
 * same database, so they find the same file. No secret is ever written in the code. Several
 * instances (HERALD_REDIS_URL) must not rely on the files: the start check requires the
 * environment's values then (lib/shared-settings.ts).
 */
export function localSecret(name: LocalSecretName, config: Config = readConfig()): string {
  const configured = {
    "preview-secret": config.draftSecret,
    "revalidate-secret": config.revalidateSecret,
    "view-secret": config.viewSecret,
    "auth-secret": config.authSecret,
  }[name];
  if (configured) return configured;
  const file = path.join(path.dirname(config.databasePath), name);
  const known = made.get(file);
  if (known) return known;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, randomBytes(48).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secret = fs.readFileSync(file, "utf8").trim();
  made.set(file, secret);
  return secret;
}

/** Whether `presented` equals `secret`, compared in constant time; false when either is empty. */
export function isSameSecret(presented: string | null | undefined, secret: string | null): boolean {
  if (!presented || !secret) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

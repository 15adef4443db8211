import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The settings every instance of one site must share (lib/shared-settings.ts), with values. */
export type SharedSecrets = {
  DRAFT_SECRET: string;
  REVALIDATE_SECRET: string;
  HERALD_VIEW_SECRET: string;
  HERALD_AUTH_SECRET: string;
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: string;
  HERALD_DEPLOYMENT_ID: string;
};

/**
 * The cluster's shared secrets, made once per cluster folder and kept in `dir`/secrets.json
 * (mode 0600), so a cluster started again on the same build still opens its preview links and
 * page-view tickets. Next.js takes the Server Actions key as base64 of 32 bytes.
 */
export function clusterSecrets(dir: string): SharedSecrets {
  const file = path.join(dir, "secrets.json");
  const kept = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, "utf8")) as Partial<SharedSecrets>)
    : {};
  const token = () => randomBytes(32).toString("base64url");
  // A folder made before a setting existed keeps its values and gains the new one.
  const secrets: SharedSecrets = {
    DRAFT_SECRET: token(),
    REVALIDATE_SECRET: token(),
    HERALD_VIEW_SECRET: token(),
    HERALD_AUTH_SECRET: token(),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    HERALD_DEPLOYMENT_ID: `cluster-${randomBytes(6).toString("hex")}`,
    ...kept,
  };
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

import type { Kysely } from "kysely";
import { betterAuth, type BetterAuthOptions } from "better-auth";
import { nextCookies } from "better-auth/next-js";
import { twoFactor } from "better-auth/plugins";
import { readConfig, type Config } from "../../config";
import { localSecret } from "../../local-secret";
import type { NewsStore } from "../../news/store";

/** Prefix of the newsroom's cookies: the session's is `herald.session_token` (`__Secure-…` on https). */
export const AUTH_COOKIE_PREFIX = "herald";
/** The session cookie's name without the `__Secure-` prefix https adds. */
export const SESSION_COOKIE = `${AUTH_COOKIE_PREFIX}.session_token`;
/** Shortest password accepted anywhere (CLI, accounts page, change of password). */
export const MIN_PASSWORD_LENGTH = 12;
/** The issuer an authenticator app shows beside the account. */
export const TOTP_ISSUER = "Herald newsroom";

/**
 * better-auth's options for Herald (docs/newsroom.md, decision 036): our database through its
 * Kysely adapter (tables of migration 0009-accounts, never better-auth's migrator), email and
 * password with sign-up disabled (accounts are made by admins and `npm run newsroom`), scrypt
 * hashes (better-auth's default), server-side sessions read from the database on every request
 * (no cookie cache, so a revoked session is refused at once), TOTP two-factor, cookies HttpOnly,
 * SameSite=Lax and Secure when HERALD_SITE_URL is https. Rate limiting is Herald's own, in the
 * database (lib/newsroom/auth/sign-in.ts), so better-auth's in-memory one is off.
 */
export function authOptions(store: NewsStore, config: Config) {
  const secure = config.siteUrl.startsWith("https://");
  return {
    appName: TOTP_ISSUER,
    baseURL: config.siteUrl,
    basePath: "/api/newsroom/auth",
    secret: localSecret("auth-secret", config),
    database: store.authDatabase() as { db: Kysely<any>; type: "sqlite" | "postgres" }, // eslint-disable-line @typescript-eslint/no-explicit-any
    telemetry: { enabled: false },
    rateLimit: { enabled: false },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      modelName: "auth_user",
      additionalFields: {
        role: { type: "string", required: true, defaultValue: "writer", input: false },
      },
    },
    session: {
      modelName: "auth_session",
      expiresIn: 60 * 60 * 12,
      updateAge: 60 * 60,
      cookieCache: { enabled: false },
    },
    account: { modelName: "auth_account" },
    verification: { modelName: "auth_verification" },
    advanced: {
      cookiePrefix: AUTH_COOKIE_PREFIX,
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure, path: "/" },
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    plugins: [
      twoFactor({ issuer: TOTP_ISSUER, twoFactorTable: "auth_two_factor" }),
      // Last: copies better-auth's Set-Cookie into Next.js's cookies() inside Server Actions.
      nextCookies(),
    ],
  } satisfies BetterAuthOptions;
}

/** better-auth over `store` with Herald's options (authOptions). */
export function makeAuth(store: NewsStore, config: Config) {
  return betterAuth(authOptions(store, config));
}

/** The better-auth instance type (its `api` has our plugins' endpoints). */
export type HeraldAuth = ReturnType<typeof makeAuth>;

/** A better-auth instance over `store` (command-line tools and tests, which open their own store). */
export function authOver(store: NewsStore, config: Config = readConfig()): HeraldAuth {
  return makeAuth(store, config);
}

import path from "node:path";
import { z } from "zod";

const envSchema = z.object({
  /** Path of the SQLite database file; `npm run setup` creates, migrates and fills it. */
  HERALD_DATABASE_PATH: z
    .string()
    .min(1)
    .default(path.join(process.cwd(), "data", "herald.db")),
  /**
   * A PostgreSQL database (postgres://user@host:port/name or postgresql://…) instead of the
   * SQLite file; unset, Herald uses the file at HERALD_DATABASE_PATH (decision 033).
   */
  HERALD_DATABASE_URL: z
    .url()
    .refine((url) => /^postgres(ql)?:\/\//.test(url), {
      message: "HERALD_DATABASE_URL must start with postgres:// or postgresql://",
    })
    .optional(),
  /** Public origin of the site, used for absolute URLs (canonical links, feeds). */
  HERALD_SITE_URL: z.url().default("http://localhost:3000"),
  /** "0" skips loading the default content into an empty database (tests use this). */
  HERALD_SEED: z.enum(["0", "1"]).default("1"),
  /**
   * Site-wide preview secret: signs preview tokens and lets a CMS enter preview with
   * ?secret=…&id=…. At least 32 characters. Without it, a random secret is generated beside the
   * database on first use (lib/preview/tokens.ts).
   */
  DRAFT_SECRET: z.string().min(32, "DRAFT_SECRET must be at least 32 characters").optional(),
  /**
   * Secret the command-line tools present to the running server's /api/revalidate. At least 32
   * characters. Without it, a random secret is generated beside the database on first use.
   */
  REVALIDATE_SECRET: z
    .string()
    .min(32, "REVALIDATE_SECRET must be at least 32 characters")
    .optional(),
  /**
   * Where the running server listens, for the command-line tools to tell it what they changed
   * (`npm run import`, `npm run withdraw`). Defaults to HERALD_SITE_URL.
   */
  HERALD_SERVER_URL: z.url().optional(),
  /**
   * How many reverse proxies in front of the server append to X-Forwarded-For (0: clients connect
   * to `npm start` directly). Picks which entry is the client's address for the page-view rate
   * limits (lib/page-views/client-address.ts).
   */
  HERALD_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * Redis for the page and data cache shared by several instances (redis:// or rediss://;
   * lib/cache/redis-cache-handler.mjs). Unset: one instance, caching in its own memory. Set, the
   * start check asks for the settings instances must share (lib/shared-settings.ts).
   */
  HERALD_REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "HERALD_REDIS_URL must be a redis:// or rediss:// URL" })
    .optional(),
  /**
   * Signs the page-view tokens (lib/page-views/signature.ts). At least 32 characters. Without it,
   * a random secret is generated beside the database on first use.
   */
  HERALD_VIEW_SECRET: z
    .string()
    .min(32, "HERALD_VIEW_SECRET must be at least 32 characters")
    .optional(),
  /**
   * The build's deployment id (next.config.js `deploymentId`; the same at build and start on
   * every instance), which also scopes the shared cache's keys.
   */
  HERALD_DEPLOYMENT_ID: z
    .string()
    .regex(
      /^[A-Za-z0-9._-]{1,64}$/,
      "HERALD_DEPLOYMENT_ID must be 1-64 letters, digits, '.', '_' or '-'",
    )
    .optional(),
  /**
   * Next.js's key for Server Actions (read by Next.js itself, at build and start): base64 of an
   * AES key of 16, 24 or 32 bytes.
   */
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
    .string()
    .refine(
      (key) =>
        /^[A-Za-z0-9+/]+={0,2}$/.test(key) &&
        [16, 24, 32].includes(Buffer.from(key, "base64").length),
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be base64 of 16, 24 or 32 bytes",
    )
    .optional(),
  /**
   * Signs the newsroom's session cookies (better-auth; BETTER_AUTH_SECRET is read as well). At
   * least 32 characters. Without it, a random secret is generated beside the database on first use.
   */
  HERALD_AUTH_SECRET: z
    .string()
    .min(32, "HERALD_AUTH_SECRET must be at least 32 characters")
    .optional(),
  /**
   * The span (seconds) over which failed newsroom sign-ins are counted against an account or an
   * address (lib/newsroom/auth/sign-in-limits.ts); 900 (15 minutes) by default. Tests shorten it.
   */
  HERALD_SIGN_IN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** Tests only: a file that gets one line per database query (lib/news/sqlite/statement-cache.ts). */
  HERALD_QUERY_LOG: z.string().min(1).optional(),
});

export type Config = {
  databasePath: string;
  /** The PostgreSQL database to use instead of the SQLite file, or null. */
  databaseUrl: string | null;
  siteUrl: string;
  seedDefaultContent: boolean;
  /** The preview secret, or null when none is configured. */
  draftSecret: string | null;
  /** File to log each database query to (tests only), or null. */
  queryLog: string | null;
  /** The revalidation secret, or null when none is configured. */
  revalidateSecret: string | null;
  /** Origin of the running server, for the command-line tools' revalidation requests. */
  serverUrl: string;
  /** Reverse proxies in front of the server that append to X-Forwarded-For. */
  trustedProxies: number;
  /** Redis of the shared cache, or null with one instance. */
  redisUrl: string | null;
  /** The page-view secret, or null when none is configured. */
  viewSecret: string | null;
  /** The deployment id, or null when none is configured. */
  deploymentId: string | null;
  /** Whether NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is set (Next.js reads it itself). */
  hasServerActionsKey: boolean;
  /** The newsroom's session secret, or null when none is configured. */
  authSecret: string | null;
  /** Seconds over which failed sign-ins are counted. */
  signInWindowSeconds: number;
};

/**
 * Reads the environment once and validates it.
 * Throws a ZodError naming the bad variable when a value is malformed (e.g. a site URL without a scheme).
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.parse({
    HERALD_DATABASE_PATH: env.HERALD_DATABASE_PATH || undefined,
    HERALD_DATABASE_URL: env.HERALD_DATABASE_URL || undefined,
    HERALD_SITE_URL: env.HERALD_SITE_URL || undefined,
    HERALD_SEED: env.HERALD_SEED || undefined,
    DRAFT_SECRET: env.DRAFT_SECRET || undefined,
    HERALD_QUERY_LOG: env.HERALD_QUERY_LOG || undefined,
    REVALIDATE_SECRET: env.REVALIDATE_SECRET || undefined,
    HERALD_SERVER_URL: env.HERALD_SERVER_URL || undefined,
    HERALD_TRUSTED_PROXIES: env.HERALD_TRUSTED_PROXIES || undefined,
    HERALD_REDIS_URL: env.HERALD_REDIS_URL || undefined,
    HERALD_VIEW_SECRET: env.HERALD_VIEW_SECRET || undefined,
    HERALD_DEPLOYMENT_ID: env.HERALD_DEPLOYMENT_ID || undefined,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY || undefined,
    HERALD_AUTH_SECRET: env.HERALD_AUTH_SECRET || env.BETTER_AUTH_SECRET || undefined,
    HERALD_SIGN_IN_WINDOW_SECONDS: env.HERALD_SIGN_IN_WINDOW_SECONDS || undefined,
  });
  return {
    databasePath: parsed.HERALD_DATABASE_PATH,
    databaseUrl: parsed.HERALD_DATABASE_URL ?? null,
    siteUrl: parsed.HERALD_SITE_URL.replace(/\/+$/, ""),
    seedDefaultContent: parsed.HERALD_SEED === "1",
    draftSecret: parsed.DRAFT_SECRET ?? null,
    queryLog: parsed.HERALD_QUERY_LOG ?? null,
    revalidateSecret: parsed.REVALIDATE_SECRET ?? null,
    serverUrl: (parsed.HERALD_SERVER_URL ?? parsed.HERALD_SITE_URL).replace(/\/+$/, ""),
    trustedProxies: parsed.HERALD_TRUSTED_PROXIES,
    redisUrl: parsed.HERALD_REDIS_URL ?? null,
    viewSecret: parsed.HERALD_VIEW_SECRET ?? null,
    deploymentId: parsed.HERALD_DEPLOYMENT_ID ?? null,
    hasServerActionsKey: parsed.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY !== undefined,
    authSecret: parsed.HERALD_AUTH_SECRET ?? null,
    signInWindowSeconds: parsed.HERALD_SIGN_IN_WINDOW_SECONDS,
  };
}

// @ts-check
import { z } from "zod";

/**
 * Whether Herald's server compresses its responses (next.config.js `compress`), from
 * HERALD_COMPRESS: unset or "1", yes (one server on its own); "0", no, for a server behind nginx,
 * which compresses once per response and caches one uncompressed copy (deploy/nginx/herald.conf,
 * docs/deploy.md). Read when the server starts. Throws, naming the variable, for any other value.
 *
 * @param {Record<string, string | undefined>} env
 * @returns {boolean}
 */
export function compressFromEnv(env) {
  const parsed = z
    .enum(["0", "1"])
    .optional()
    .safeParse(env.HERALD_COMPRESS || undefined);
  if (!parsed.success)
    throw new Error(
      `HERALD_COMPRESS must be 0 (behind nginx, which compresses) or 1, not "${env.HERALD_COMPRESS}".`,
    );
  return parsed.data !== "0";
}

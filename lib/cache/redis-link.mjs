// @ts-check
/**
 * The shared cache's connection to Redis, built so that Redis can never slow or fail a page
 * (decision 034): every command answers within COMMAND_TIMEOUT_MS or counts as failed; after a
 * failure Redis is left alone for RETRY_MS, then one command tries it again; commands are never
 * queued while the connection is down (they fail at once). One line is logged when an outage
 * begins and one when it ends, never one per request. The shared page-view limits
 * (lib/page-views/shared-rate-limit.ts) use it too, on a connection of their own, with their own
 * log lines.
 */
import { createClient } from "@redis/client";

/** A command that has not answered by then has failed (a hung or unreachable Redis). */
export const COMMAND_TIMEOUT_MS = 500;

/** After a failure, how long Redis is skipped before one command tries it again. */
export const RETRY_MS = 1_000;

/** What a skipped or failed command returns. */
export const FAILED = Symbol("redis failed");

/**
 * The log lines of the shared cache: what is unavailable, and what happens meanwhile.
 * @typedef {{ down: (reason: string) => string, up: (seconds: number) => string }} LinkMessages
 * @type {LinkMessages}
 */
const CACHE_MESSAGES = {
  down: (reason) =>
    `herald: the shared cache (Redis) is unavailable (${reason}); pages are rendered from the database until it answers`,
  up: (seconds) => `herald: the shared cache (Redis) answers again, after ${seconds} s`,
};

/**
 * One connection per process, with its outage state. `onRecovered` runs (not awaited) each time
 * a command succeeds after an outage.
 */
export class RedisLink {
  /**
   * @param {string} url redis://… (HERALD_REDIS_URL)
   * @param {{ onRecovered?: () => void, log?: (line: string) => void, messages?: LinkMessages }} [options]
   *   `messages`: the outage's two log lines (the shared cache's by default)
   */
  constructor(url, options = {}) {
    this.onRecovered = options.onRecovered ?? (() => {});
    this.messages = options.messages ?? CACHE_MESSAGES;
    this.log = options.log ?? ((line) => console.error(line));
    /** When the outage in progress began (ms), or null while Redis answers. */
    this.downSince = /** @type {number | null} */ (null);
    /** No command before this time (ms): the outage's pause between tries. */
    this.retryAt = 0;
    this.everReady = false;
    this.client = createClient({
      url,
      disableOfflineQueue: true,
      // Commands never wait for a connection (disableOfflineQueue; the first at most its time
      // limit), so connecting may take longer than a command: a busy start is not an outage.
      socket: { connectTimeout: 2_000, reconnectStrategy: () => RETRY_MS },
    });
    // Without a listener, the client's "error" events would end the process.
    this.client.on("error", (/** @type {Error} */ error) => this.failed(error));
    this.client.on("ready", () => {
      this.everReady = true;
      this.retryAt = 0; // try at once
    });
    /** Resolves when the first connection is ready (commands wait for it, within their limit). */
    this.firstReady = new Promise((resolve) => this.client.once("ready", resolve));
    this.client.connect().catch((/** @type {Error} */ error) => this.failed(error));
  }

  /** Whether a command may go to Redis now: always while it answers; during an outage, once per RETRY_MS. */
  mayTry(now = Date.now()) {
    if (this.downSince === null) return true;
    if (now < this.retryAt) return false;
    this.retryAt = now + RETRY_MS; // this command is the try; the others keep skipping
    return true;
  }

  /**
   * Notes a failure: logs the start of an outage (once), and pauses commands for RETRY_MS.
   * @param {unknown} error
   */
  failed(error) {
    const now = Date.now();
    this.retryAt = now + RETRY_MS;
    if (this.downSince !== null) return;
    this.downSince = now;
    const reason = error instanceof Error ? error.message : String(error);
    this.log(this.messages.down(reason || "no answer"));
  }

  /** Notes a success: logs the end of an outage and runs onRecovered. */
  answered() {
    if (this.downSince === null) return;
    const seconds = Math.round((Date.now() - this.downSince) / 1000);
    this.downSince = null;
    this.log(this.messages.up(seconds));
    this.onRecovered();
  }

  /**
   * Sends `args` (a Redis command) and returns its reply, or FAILED when Redis is skipped, fails
   * or takes longer than COMMAND_TIMEOUT_MS. Never throws.
   * @param {string[]} args
   * @returns {Promise<any>}
   */
  async send(args) {
    if (!this.mayTry()) return FAILED;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve(FAILED), COMMAND_TIMEOUT_MS);
    });
    try {
      if (!this.everReady) {
        if ((await Promise.race([this.firstReady, timeout])) === FAILED)
          return this.fail(new Error("not connected"));
      }
      const command = this.client.sendCommand(args);
      command.catch(() => {}); // answered after the time limit, or failed: nobody waits for it
      const reply = await Promise.race([command, timeout]);
      if (reply === FAILED)
        return this.fail(new Error(`no answer within ${COMMAND_TIMEOUT_MS} ms`));
      this.answered();
      return reply;
    } catch (error) {
      return this.fail(error);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Notes `error` as a failure (see failed) and returns FAILED. @param {unknown} error @returns {typeof FAILED} */
  fail(error) {
    this.failed(error);
    return FAILED;
  }

  /** Closes the connection (tests). */
  async close() {
    try {
      await this.client.disconnect();
    } catch {
      // already closed
    }
  }
}

/** Types of redis-link.mjs (plain JavaScript, loaded by Next.js at run time). */
export const COMMAND_TIMEOUT_MS: number;
export const RETRY_MS: number;
export const FAILED: unique symbol;
export type LinkMessages = {
  down: (reason: string) => string;
  up: (seconds: number) => string;
};
export class RedisLink {
  constructor(
    url: string,
    options?: { onRecovered?: () => void; log?: (line: string) => void; messages?: LinkMessages },
  );
  downSince: number | null;
  send(args: string[]): Promise<unknown>;
  close(): Promise<void>;
}

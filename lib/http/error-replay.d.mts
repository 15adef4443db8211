/** Types of error-replay.mjs (plain JavaScript, shared by server.mjs and proxy.ts). */
import type { IncomingMessage, ServerResponse } from "node:http";
export const REPLAY_HEADER: string;
export function replayedStatus(
  pathname: string,
  token: string | null | undefined,
): 404 | 500 | null;
export function isReplaceable(
  req: Pick<IncomingMessage, "method" | "headers" | "url">,
  status: number,
  contentType: string,
): boolean;
export function handleWithErrorPages(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void>;

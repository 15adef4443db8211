/** Types of error-pages.mjs (plain JavaScript, shared by server.mjs and proxy.ts). */
import type { ServerResponse } from "node:http";
export const ERROR_PAGES_PATH: string;
export const STATUS_HEADER: string;
export const CACHE_CONTROL_HEADER: string;
export function applyErrorStatus<R extends ServerResponse>(res: R): R;

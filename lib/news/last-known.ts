import "server-only";
import type { Publication, SectionNode } from "../domain";
import { StoreUnavailableError } from "./outage";
import { getPublication, getSectionTree } from "./reads";

/**
 * What every page wraps itself in (the root layout's header and footer, and the error pages'
 * section links), readable even while the database fails: the 503 page is a page of the site
 * (docs/decisions/032-error-pages.md). Each successful read, from the data cache or the store,
 * is remembered on globalThis; when storage is unavailable the last value this process read is
 * used instead, and when there is none either, nothing (the layout then shows a minimal header).
 */
export type SiteFrame = {
  /** The publication, or null when it could not be read and never was by this process. */
  publication: Publication | null;
  /** The section tree in menu order; [] when it could not be read and never was. */
  sections: SectionNode[];
};

type Memo = { publication?: Publication; sections?: SectionNode[] };
const holder = globalThis as typeof globalThis & { __heraldLastKnown?: Memo };
const memo = (): Memo => (holder.__heraldLastKnown ??= {});

/**
 * The publication and section tree: the current ones (cached reads), else the last this process
 * read, else null and []. Throws only for failures other than StoreUnavailableError (a bug).
 */
export async function getSiteFrame(): Promise<SiteFrame> {
  const [publication, sections] = await Promise.all([
    lastKnown("publication", getPublication),
    lastKnown("sections", getSectionTree),
  ]);
  return { publication: publication ?? null, sections: sections ?? [] };
}

async function lastKnown<K extends keyof Memo>(
  key: K,
  read: () => Promise<NonNullable<Memo[K]>>,
): Promise<Memo[K]> {
  try {
    const value = await read();
    memo()[key] = value;
    return value;
  } catch (error) {
    if (error instanceof StoreUnavailableError) return memo()[key];
    throw error;
  }
}

/** Forgets what was read (tests). */
export function forgetLastKnown(): void {
  holder.__heraldLastKnown = undefined;
}

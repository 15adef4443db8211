/**
 * Which article holds each earlier-site id (`legacy_id`) while a batch is written, so a record
 * that claims another article's legacy id is refused without a query per record: filled from the
 * stored rows of the batch's articles and of its legacy ids, then kept up to date as each
 * record is accepted (an article that changes its legacy id frees the old one). Legacy ids are
 * matched as stored, one holder each (the importer has never let two articles share one).
 */
export function legacyHolders(rows: Iterable<Record<string, unknown>>) {
  /** legacy id → external id of the article holding it. */
  const holders = new Map<string, string>();
  /** external id → the legacy id it holds, for the batch's articles. */
  const held = new Map<string, string | null>();
  const add = (stored: Iterable<Record<string, unknown>>) => {
    for (const row of stored) {
      const externalId = String(row.external_id);
      const legacyId = (row.legacy_id as string | null) ?? null;
      held.set(externalId, legacyId);
      if (legacyId !== null) holders.set(legacyId, externalId);
    }
  };
  add(rows);
  return {
    /** Adds stored rows (`external_id`, `legacy_id`). */
    add,
    /** The external id of another article holding `legacyId`, if any. */
    otherHolder(legacyId: string | null | undefined, externalId: string): string | undefined {
      if (!legacyId) return undefined;
      const holder = holders.get(legacyId);
      return holder === externalId ? undefined : holder;
    },
    /** Records that `externalId` now holds `legacyId` (or none), freeing what it held before. */
    take(legacyId: string | null | undefined, externalId: string) {
      const before = held.get(externalId);
      if (before && before !== legacyId && holders.get(before) === externalId)
        holders.delete(before);
      if (legacyId) holders.set(legacyId, externalId);
      held.set(externalId, legacyId ?? null);
    },
  };
}

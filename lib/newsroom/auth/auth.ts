import "server-only";
import { readConfig } from "../../config";
import { getStore } from "../../news/connect";
import type { NewsStore } from "../../news/store";
import { makeAuth, type HeraldAuth } from "./options";

export type { HeraldAuth } from "./options";

type Holder = { store?: NewsStore; auth?: HeraldAuth };
const holder = globalThis as typeof globalThis & { __heraldAuth?: Holder };

/**
 * The process's better-auth instance over the process's store (lib/news/connect.ts getStore),
 * made on first use and remade if the store was reopened. Throws what getStore throws.
 */
export async function getAuth(): Promise<HeraldAuth> {
  const store = await getStore();
  holder.__heraldAuth ??= {};
  const h = holder.__heraldAuth;
  if (h.store !== store || !h.auth) {
    h.auth = makeAuth(store, readConfig());
    h.store = store;
  }
  return h.auth;
}

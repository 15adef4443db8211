/**
 * The NewsStore's accessors, which return an object at once rather than a promise: they must stay
 * synchronous. "guard": the object's own methods are guarded the same way (the NewsroomStore);
 * "as-is": handed over untouched (authDatabase's Kysely instance, which better-auth drives).
 */
const ACCESSORS: Record<string, "guard" | "as-is"> = { newsroom: "guard", authDatabase: "as-is" };

/**
 * Wraps every method of `target` so that whatever it throws passes through `translate` first: a
 * backend's failures.ts turns a failure of its storage into a StoreUnavailableError there, and
 * returns other errors unchanged. Properties that are not functions are copied as they are.
 * The accessors above stay synchronous (wrapping them as async made `store.newsroom()` a promise).
 */
export function guardFailures<T extends object>(
  target: T,
  translate: (error: unknown) => unknown,
): T {
  const guarded = {} as Record<string, unknown>;
  for (const [name, value] of Object.entries(target)) {
    const accessor = ACCESSORS[name];
    guarded[name] =
      typeof value === "function" && accessor
        ? (...args: unknown[]) => {
            const inner = (value as (...a: unknown[]) => unknown).apply(target, args);
            return accessor === "guard" && inner && typeof inner === "object"
              ? guardFailures(inner, translate)
              : inner;
          }
        : typeof value === "function"
          ? async (...args: unknown[]) => {
              try {
                return await (value as (...a: unknown[]) => unknown).apply(target, args);
              } catch (error) {
                throw translate(error);
              }
            }
          : value;
  }
  return guarded as T;
}

/**
 * Wraps every method of `target` so that whatever it throws passes through `translate` first: a
 * backend's failures.ts turns a failure of its storage into a StoreUnavailableError there, and
 * returns other errors unchanged. Properties that are not functions are copied as they are.
 * The synchronous accessors of a NewsStore stay synchronous: `newsroom()` hands out its
 * NewsroomStore guarded the same way, and `authDatabase()` the connection as it is (better-auth
 * reads it once, and its queries' errors are its own to report).
 */
export function guardFailures<T extends object>(
  target: T,
  translate: (error: unknown) => unknown,
): T {
  const guarded = {} as Record<string, unknown>;
  for (const [name, value] of Object.entries(target)) {
    if (name === "authDatabase" && typeof value === "function") {
      guarded[name] = (value as () => unknown).bind(target);
      continue;
    }
    if (name === "newsroom" && typeof value === "function") {
      const inner = guardFailures((value as () => object).call(target), translate);
      guarded[name] = () => inner;
      continue;
    }
    guarded[name] =
      typeof value === "function"
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

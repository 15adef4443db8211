/**
 * Next.js calls `register` once as each server process starts, before it serves a request
 * (node_modules/next/dist/docs/01-app/03-api-reference/03-file-conventions/instrumentation.md).
 * Herald checks its database there (lib/news/start-check.ts): a server on a database that is
 * missing its schema, damaged or unwritable exits with one log line instead of serving half a
 * site. `next build` does not run the check.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build")
    return;
  const { checkOrExit } = await import("./lib/news/start-check");
  await checkOrExit();
}

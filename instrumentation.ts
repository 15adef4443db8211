/**
 * Next.js calls `register` once as each server process starts, before it serves a request
 * (node_modules/next/dist/docs/01-app/03-api-reference/03-file-conventions/instrumentation.md).
 */
export async function register(): Promise<void> {
  // Node.js servers only: the edge runtime has no node:http.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { sendLongStringsAsBuffers } = await import("./lib/http/long-string-bodies");
    sendLongStringsAsBuffers();
  }
}

import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../config";
import { isRevalidateSecret, refreshNote, refreshTags } from "./refresh";
import { tempDbPath } from "./test-support/temp-db";

/**
 * The command-line side of refreshing caches: what it sends to the running server, with which
 * secret, and what it says when no server answers. (The server side, revalidateTag, is covered
 * end to end by e2e/clock/command-line.spec.ts.)
 */
const SECRET = "s".repeat(40);
let server: http.Server;
let received: Array<{ authorization?: string; body: string }> = [];
let status = 200;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ authorization: request.headers.authorization, body });
      response.writeHead(status, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const config = (serverUrl: string) =>
  readConfig({
    ...process.env,
    HERALD_DATABASE_PATH: tempDbPath(),
    HERALD_SERVER_URL: serverUrl,
    REVALIDATE_SECRET: SECRET,
  });

describe("refreshTags outside the server", () => {
  it("posts the tags to /api/revalidate with the secret", async () => {
    received = [];
    status = 200;
    const { port } = server.address() as AddressInfo;
    const outcome = await refreshTags(["articles"], config(`http://127.0.0.1:${port}`));
    expect(outcome).toEqual({ refreshed: "server", tags: ["articles"] });
    expect(received).toEqual([
      { authorization: `Bearer ${SECRET}`, body: '{"tags":["articles"]}' },
    ]);
    expect(refreshNote(outcome)).toBe("the running server shows the change now");
  });

  it("says what the server answered when it refused", async () => {
    status = 401;
    const { port } = server.address() as AddressInfo;
    const outcome = await refreshTags(["articles"], config(`http://127.0.0.1:${port}`));
    expect(outcome).toMatchObject({
      refreshed: false,
      note: expect.stringContaining("answered 401"),
    });
  });

  it("never throws when no server answers, and says the change is saved", async () => {
    const outcome = await refreshTags(["sections"], config("http://127.0.0.1:9"));
    expect(outcome).toMatchObject({ refreshed: false, tags: ["sections"] });
    expect(refreshNote(outcome)).toMatch(
      /^note: no server answered at http:\/\/127\.0\.0\.1:9.*saved/,
    );
  });
});

describe("isRevalidateSecret", () => {
  const c = config("http://127.0.0.1:9");
  it.each([
    [`Bearer ${SECRET}`, true],
    [`Bearer ${SECRET}x`, false],
    [`bearer ${SECRET}`, false],
    [SECRET, false],
    ["", false],
    [null, false],
  ])("%s → %s", (header, expected) => {
    expect(isRevalidateSecret(header, c)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { newReaderId, READER_COOKIE, readerCookieHeader, readReaderId } from "./reader-cookie";

const SECRET = "s".repeat(48);

describe("reader cookie", () => {
  it("is a random id with its signature, read back from a Cookie header", () => {
    const id = newReaderId(SECRET);
    expect(id).toMatch(/^[0-9a-f-]{36}\.[\w-]{22}$/);
    expect(newReaderId(SECRET)).not.toBe(id);
    expect(readReaderId(`a=1; ${READER_COOKIE}=${id}; b=2`, SECRET)).toBe(id);
  });

  it("is not a reader when missing, unsigned, forged or signed under another secret", () => {
    const id = newReaderId(SECRET);
    const [uuid] = id.split(".");
    expect(readReaderId(null, SECRET)).toBeNull();
    expect(readReaderId("other=1", SECRET)).toBeNull();
    // The plain UUIDs of earlier versions, and ids a client makes up, are not readers.
    expect(readReaderId(`${READER_COOKIE}=${uuid}`, SECRET)).toBeNull();
    expect(
      readReaderId(`${READER_COOKIE}=${crypto.randomUUID()}.${id.split(".")[1]}`, SECRET),
    ).toBeNull();
    expect(readReaderId(`${READER_COOKIE}=${id}`, "t".repeat(48))).toBeNull();
  });

  it("is kept 30 minutes, HttpOnly, SameSite=Strict, for /api/views only; Secure over HTTPS", () => {
    expect(readerCookieHeader("x", false)).toBe(
      `${READER_COOKIE}=x; Path=/api/views; Max-Age=1800; HttpOnly; SameSite=Strict`,
    );
    expect(readerCookieHeader("x", true)).toMatch(/; Secure$/);
  });
});

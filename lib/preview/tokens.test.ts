import { describe, expect, it } from "vitest";
import {
  isDraftSecret,
  PREVIEW_LINK_AUDIENCE,
  PREVIEW_SESSION_AUDIENCE,
  signPreviewToken,
  verifyPreviewToken,
} from "./tokens";

const SECRET = "a-test-secret-that-is-long-enough-for-hs256-0123456789";
const NOW = Date.parse("2026-11-29T00:00:00Z");

describe("preview tokens", () => {
  it("accepts a valid link token and names its article and expiry (24 hours by default)", async () => {
    const token = await signPreviewToken(42, PREVIEW_LINK_AUDIENCE, { secret: SECRET, now: NOW });
    expect(
      await verifyPreviewToken(token, PREVIEW_LINK_AUDIENCE, { secret: SECRET, now: NOW + 1000 }),
    ).toEqual({
      articleId: 42,
      expiresAt: NOW / 1000 + 24 * 60 * 60,
      linkId: null,
      revision: null,
    });
  });

  it("carries a link's row id (jti) and revision (rev) when given", async () => {
    const token = await signPreviewToken(42, PREVIEW_LINK_AUDIENCE, {
      secret: SECRET,
      now: NOW,
      linkId: "AbCdEfGhIjKlMnOpQrStUv",
      revision: 3,
    });
    expect(
      await verifyPreviewToken(token, PREVIEW_LINK_AUDIENCE, { secret: SECRET, now: NOW }),
    ).toMatchObject({ articleId: 42, linkId: "AbCdEfGhIjKlMnOpQrStUv", revision: 3 });
  });

  it("refuses a token whose jti or rev is malformed, even when properly signed", async () => {
    const { SignJWT } = await import("jose");
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256" })
        .setIssuer("herald")
        .setAudience(PREVIEW_LINK_AUDIENCE)
        .setSubject("42")
        .setIssuedAt(NOW / 1000)
        .setExpirationTime(NOW / 1000 + 60)
        .sign(new TextEncoder().encode(SECRET));
    for (const claims of [
      { jti: "short" },
      { jti: "x/../y-0123456789abc" },
      { jti: 7 },
      { rev: 0 },
      { rev: "2" },
      { rev: 1.5 },
    ]) {
      expect(
        await verifyPreviewToken(await sign(claims), PREVIEW_LINK_AUDIENCE, {
          secret: SECRET,
          now: NOW,
        }),
        JSON.stringify(claims),
      ).toBeNull();
    }
    expect(
      await verifyPreviewToken(await sign({ rev: 2 }), PREVIEW_LINK_AUDIENCE, {
        secret: SECRET,
        now: NOW,
      }),
    ).toMatchObject({ revision: 2, linkId: null });
  });

  it("refuses an expired token", async () => {
    const token = await signPreviewToken(42, PREVIEW_LINK_AUDIENCE, {
      secret: SECRET,
      now: NOW,
      seconds: 60,
    });
    expect(
      await verifyPreviewToken(token, PREVIEW_LINK_AUDIENCE, { secret: SECRET, now: NOW + 61_000 }),
    ).toBeNull();
  });

  it("refuses a tampered token: another article in the payload, or a changed signature", async () => {
    const token = await signPreviewToken(42, PREVIEW_LINK_AUDIENCE, { secret: SECRET, now: NOW });
    const [header, payload, signature] = token.split(".") as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<
      string,
      unknown
    >;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: "43" })).toString("base64url");
    expect(
      await verifyPreviewToken(`${header}.${forged}.${signature}`, PREVIEW_LINK_AUDIENCE, {
        secret: SECRET,
        now: NOW,
      }),
    ).toBeNull();
    const flipped = signature.slice(0, -2) + (signature.endsWith("AA") ? "BB" : "AA");
    expect(
      await verifyPreviewToken(`${header}.${payload}.${flipped}`, PREVIEW_LINK_AUDIENCE, {
        secret: SECRET,
        now: NOW,
      }),
    ).toBeNull();
  });

  it("refuses a token signed with another secret, an unsigned one, and a session token used as a link", async () => {
    const other = await signPreviewToken(42, PREVIEW_LINK_AUDIENCE, {
      secret: `${SECRET}-other`,
      now: NOW,
    });
    expect(
      await verifyPreviewToken(other, PREVIEW_LINK_AUDIENCE, { secret: SECRET, now: NOW }),
    ).toBeNull();
    const none = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(
      JSON.stringify({
        iss: "herald",
        aud: PREVIEW_LINK_AUDIENCE,
        sub: "42",
        exp: NOW / 1000 + 60,
      }),
    ).toString("base64url")}.`;
    expect(
      await verifyPreviewToken(none, PREVIEW_LINK_AUDIENCE, { secret: SECRET, now: NOW }),
    ).toBeNull();
    const session = await signPreviewToken(42, PREVIEW_SESSION_AUDIENCE, {
      secret: SECRET,
      now: NOW,
    });
    expect(
      await verifyPreviewToken(session, PREVIEW_LINK_AUDIENCE, { secret: SECRET, now: NOW }),
    ).toBeNull();
  });

  it("refuses a missing or malformed token without throwing", async () => {
    for (const token of [undefined, null, "", "abc", "a.b.c", "x".repeat(5000)]) {
      expect(
        await verifyPreviewToken(token, PREVIEW_LINK_AUDIENCE, { secret: SECRET, now: NOW }),
      ).toBeNull();
    }
  });

  it("compares the CMS secret exactly", () => {
    expect(isDraftSecret(SECRET, SECRET)).toBe(true);
    expect(isDraftSecret(`${SECRET}x`, SECRET)).toBe(false);
    expect(isDraftSecret("", SECRET)).toBe(false);
    expect(isDraftSecret(undefined, SECRET)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { hasSignature, sign } from "./signature";
import { issueViewTicket, isValidViewTicket, TICKET_LIFETIME_SECONDS } from "./ticket";

const SECRET = "s".repeat(48);
const NOW = Date.parse("2026-12-06T12:00:00Z");
const at = (seconds: number) => ({ now: NOW + seconds * 1000, secret: SECRET });

describe("view tickets", () => {
  it("names the article and when it was issued, with a 22-character signature", () => {
    expect(issueViewTicket(42, at(0))).toMatch(/^42\.1796558400\.[\w-]{22}$/);
  });

  it("is valid for its article for TICKET_LIFETIME_SECONDS, and not after", () => {
    const ticket = issueViewTicket(42, at(0));
    expect(isValidViewTicket(ticket, 42, at(0))).toBe(true);
    expect(isValidViewTicket(ticket, 42, at(TICKET_LIFETIME_SECONDS))).toBe(true);
    expect(isValidViewTicket(ticket, 42, at(TICKET_LIFETIME_SECONDS + 1))).toBe(false);
    // A server whose clock runs a little behind still takes it; one far behind does not.
    expect(isValidViewTicket(ticket, 42, at(-60))).toBe(true);
    expect(isValidViewTicket(ticket, 42, at(-120))).toBe(false);
  });

  it("is not valid for another article, under another secret, or altered", () => {
    const ticket = issueViewTicket(42, at(0));
    expect(isValidViewTicket(ticket, 43, at(0))).toBe(false);
    expect(isValidViewTicket(ticket, 42, { ...at(0), secret: "t".repeat(48) })).toBe(false);
    const [, issuedAt, signature] = ticket.split(".");
    expect(isValidViewTicket(`43.${issuedAt}.${signature}`, 43, at(0))).toBe(false);
    expect(isValidViewTicket(`42.${Number(issuedAt) + 3600}.${signature}`, 42, at(3600))).toBe(
      false,
    );
    const flipped = signature!.replace(/^./, (c) => (c === "A" ? "B" : "A"));
    expect(isValidViewTicket(`42.${issuedAt}.${flipped}`, 42, at(0))).toBe(false);
  });

  it.each([
    null,
    undefined,
    "",
    "42",
    "42.1796558400",
    "x.y.z",
    "042.1796558400.abcdefghijklmnopqrstuv",
    "42.1796558400.abcdefghijklmnopqrstuv.extra",
    "a".repeat(200),
  ])("is not valid: %j", (ticket) => {
    expect(isValidViewTicket(ticket, 42, at(0))).toBe(false);
  });

  it("signs for one purpose only: a reader signature is never a ticket signature", () => {
    const readerSignature = sign("reader", "42.1796558400", SECRET);
    expect(hasSignature("reader", "42.1796558400", readerSignature, SECRET)).toBe(true);
    expect(hasSignature("view-ticket", "42.1796558400", readerSignature, SECRET)).toBe(false);
    expect(isValidViewTicket(`42.1796558400.${readerSignature}`, 42, at(0))).toBe(false);
  });
});

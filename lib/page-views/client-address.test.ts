import { describe, expect, it } from "vitest";
import { readConfig } from "../config";
import { clientAddress } from "./client-address";

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientAddress", () => {
  it("is the socket's peer, which server.mjs appends, when no proxy is trusted (the default)", () => {
    expect(clientAddress(headers("203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientAddress(headers("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
    // A client's own header is to the left of the peer: never used.
    expect(clientAddress(headers("6.6.6.6, 203.0.113.9"), 0)).toBe("203.0.113.9");
  });

  it("is the entry written by the outermost trusted proxy; entries to its left are the client's own", () => {
    const chain = "1.1.1.1, 198.51.100.7, 10.0.0.2, 127.0.0.1";
    expect(clientAddress(headers(chain), 1)).toBe("10.0.0.2");
    expect(clientAddress(headers(chain), 2)).toBe("198.51.100.7");
    expect(clientAddress(headers(chain), 3)).toBe("1.1.1.1");
    // Fewer entries than proxies: the leftmost there is.
    expect(clientAddress(headers("198.51.100.7"), 3)).toBe("198.51.100.7");
  });

  it("counts an IPv6 client by its /64, and strips ports, brackets and zones", () => {
    expect(clientAddress(headers("2001:db8:abcd:12:1:2:3:4"), 0)).toBe("2001:db8:abcd:12::/64");
    expect(clientAddress(headers("2001:DB8:ABCD:0012::99"), 0)).toBe("2001:db8:abcd:12::/64");
    expect(clientAddress(headers("2001:db8::1"), 0)).toBe("2001:db8:0:0::/64");
    expect(clientAddress(headers("::1"), 0)).toBe("0:0:0:0::/64");
    expect(clientAddress(headers("[2001:db8::1]:443"), 0)).toBe("2001:db8:0:0::/64");
    expect(clientAddress(headers("fe80::1%eth0"), 0)).toBe("fe80:0:0:0::/64");
    expect(clientAddress(headers("203.0.113.9:5555"), 0)).toBe("203.0.113.9");
  });

  it('is "unknown" without a readable address', () => {
    expect(clientAddress(headers(), 0)).toBe("unknown");
    expect(clientAddress(headers(""), 1)).toBe("unknown");
    expect(clientAddress(headers("not an address"), 0)).toBe("unknown");
    expect(clientAddress(headers("1.2.3.4, <script>"), 0)).toBe("unknown");
  });
});

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

describe("HERALD_TRUSTED_PROXIES", () => {
  it("defaults to 0, takes a small whole number, and refuses anything else", () => {
    expect(readConfig(env({})).trustedProxies).toBe(0);
    expect(readConfig(env({ HERALD_TRUSTED_PROXIES: "2" })).trustedProxies).toBe(2);
    for (const bad of ["-1", "1.5", "many", "99"])
      expect(() => readConfig(env({ HERALD_TRUSTED_PROXIES: bad }))).toThrow(
        /HERALD_TRUSTED_PROXIES/,
      );
  });
});

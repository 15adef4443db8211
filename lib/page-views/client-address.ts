import { isIP } from "node:net";

/**
 * The client address a route handler can know, for rate limits (never stored). Next.js 16 gives a
 * route handler no socket, so Herald's server (server.mjs) appends the socket's peer to
 * X-Forwarded-For before Next.js sees the request, as a reverse proxy does. (Under a bare
 * `next start` the header is only filled when absent: `req.headers['x-forwarded-for'] ??=` in
 * node_modules/next/dist/server/base-server.js.)
 *
 * The rule: with `trustedProxies` reverse proxies in front, each appending the address it was
 * reached from, the client is the entry `trustedProxies + 1` from the right: the last one (the
 * socket's peer, which no client can forge) with 0, the one the outermost proxy wrote otherwise.
 * Entries further left were written by the client and are never used (docs/decisions/020).
 * IPv6 addresses count by their /64 (one subscriber's network); IPv4 in IPv6 as IPv4. Anything
 * unreadable is "unknown", one shared address.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries[Math.max(0, entries.length - 1 - trustedProxies)];
  return entry ? normalise(entry) : "unknown";
}

function normalise(entry: string): string {
  const address = entry
    .replace(/^\[([^\]]+)\](?::\d+)?$/, "$1")
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1")
    .replace(/%.*$/, "")
    .toLowerCase();
  const version = isIP(address);
  if (version === 4) return address;
  if (version !== 6) return "unknown";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1]!;
  return `${ipv6Groups(address).slice(0, 4).join(":")}::/64`;
}

/** The eight groups of a valid IPv6 address, without leading zeros ("::" expanded). */
function ipv6Groups(address: string): string[] {
  const width = (part: string) =>
    part ? part.split(":").reduce((n, group) => n + (group.includes(".") ? 2 : 1), 0) : 0;
  const [head = "", tail = ""] = address.split("::");
  const zeros = address.includes("::") ? 8 - width(head) - width(tail) : 0;
  const groups = [
    ...(head ? head.split(":") : []),
    ...Array<string>(zeros).fill("0"),
    ...(tail ? tail.split(":") : []),
  ];
  return groups.map((group) => (group.includes(".") ? group : parseInt(group, 16).toString(16)));
}

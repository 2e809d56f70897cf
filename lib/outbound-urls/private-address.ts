import { isIP } from "node:net";

/**
 * Which kind of non-public address an IP is, or null for a public one. Stockroom calls URLs that admins and
 * integrators give it (webhooks, shop channels); one that resolves to the machine itself or to the private
 * network would let them probe what sits behind the firewall (server-side request forgery).
 *
 * IPv6 forms that carry an IPv4 address (IPv4-mapped ::ffff:a.b.c.d, the deprecated IPv4-compatible ::a.b.c.d,
 * NAT64 64:ff9b::/96 and 6to4 2002::/16) are judged by the IPv4 address inside.
 */
export function privateAddressKind(ip: string): string | null {
  const version = isIP(ip);
  if (version === 4) return ipv4Kind(ipv4ToNumber(ip));
  if (version === 6) return ipv6Kind(ipv6ToBigInt(ip));
  return "not an IP address";
}

type Range4 = [base: string, bits: number, kind: string];

// RFC 6890's special-purpose registry, the ranges that do not reach the public internet.
const IPV4_RANGES: Range4[] = [
  ["0.0.0.0", 8, "unspecified ('this network')"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "carrier-grade NAT"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "IETF protocol assignments"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved"], // includes 255.255.255.255, the broadcast address
];

const IPV4_MASKS = IPV4_RANGES.map(([base, bits, kind]) => {
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { network: (ipv4ToNumber(base) & mask) >>> 0, mask, kind };
});

function ipv4Kind(address: number): string | null {
  for (const { network, mask, kind } of IPV4_MASKS) if ((address & mask) >>> 0 === network) return kind;
  return null;
}

function ipv4ToNumber(ip: string): number {
  return ip.split(".").reduce((n, octet) => ((n << 8) | Number(octet)) >>> 0, 0);
}

type Range6 = [prefix: bigint, bits: number, kind: string | ((embedded: number) => string | null)];

const embeddedLow32 = (kindOf: string) => (embedded: number) => {
  const kind = ipv4Kind(embedded);
  return kind && `${kind} (${kindOf})`;
};

const IPV6_RANGES: Range6[] = [
  [0n, 128, "unspecified"],
  [1n, 128, "loopback"],
  [0xffffn << 32n, 96, embeddedLow32("IPv4-mapped")],
  [0n, 96, (embedded) => ipv4Kind(embedded) ?? "IPv4-compatible (deprecated)"],
  [0x64ff9bn << 96n, 96, embeddedLow32("NAT64")],
  [0xfe80n << 112n, 10, "link-local"],
  [0xfec0n << 112n, 10, "site-local (deprecated)"],
  [0xfc00n << 112n, 7, "unique-local"],
  [0xff00n << 112n, 8, "multicast"],
];

function ipv6Kind(address: bigint): string | null {
  for (const [prefix, bits, kind] of IPV6_RANGES) {
    if (address >> BigInt(128 - bits) !== prefix >> BigInt(128 - bits)) continue;
    return typeof kind === "string" ? kind : kind(Number(address & 0xffffffffn));
  }
  // 6to4 (2002::/16) carries the IPv4 address in bits 16–48.
  if (address >> 112n === 0x2002n) {
    const kind = ipv4Kind(Number((address >> 80n) & 0xffffffffn));
    return kind && `${kind} (6to4)`;
  }
  return null;
}

/** An IPv6 address (isIP already said it is one) as a 128-bit number; handles "::" and a trailing dotted quad. */
function ipv6ToBigInt(ip: string): bigint {
  let text = ip.replace(/%.*$/, ""); // a zone index (fe80::1%eth0) names an interface, not part of the address
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4ToNumber(dotted[1]);
    text = text.slice(0, -dotted[1].length) + `${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array(8 - headGroups.length - tailGroups.length).fill("0");
  return [...headGroups, ...zeros, ...tailGroups].reduce((n, group) => (n << 16n) | BigInt(parseInt(group, 16)), 0n);
}

import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { Agent } from "undici";

/** Loopback, private, link-local, carrier-grade NAT, benchmarking, multicast and unspecified ranges, v4 and v6. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 3]] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [["::", 127], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96]] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}

/** The IPv4 address inside an IPv4-mapped or -compatible IPv6 address ("::ffff:7f00:1" is 127.0.0.1). */
function embeddedIpv4(address: string): string | null {
  const dotted = /^::(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (dotted) return dotted[1]!;
  const hex = /^::(?:ffff:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** Whether an address is inside the host's own network (or unroutable), however it is written. */
export function isPrivateAddress(raw: string): boolean {
  const address = raw.replace(/^\[|\]$/g, "");
  const version = isIP(address);
  if (version === 4) return PRIVATE.check(address, "ipv4");
  if (version !== 6) return true; // not an address at all: refuse
  const inner = embeddedIpv4(address);
  return inner ? PRIVATE.check(inner, "ipv4") : PRIVATE.check(address, "ipv6");
}

/** The reason a URL's host is refused when it is a literal private address, or null. */
export function literalPrivateHost(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return isIP(host) && isPrivateAddress(host) ? `${host} is a private or local address, which feeds added from Discord may not use` : null;
}

/**
 * An HTTP agent that refuses to connect to private addresses: checked on every connection, after DNS,
 * so neither a redirect nor a name that later resolves inside the network gets through.
 */
export const publicOnlyAgent = new Agent({
  connect: {
    lookup(hostname, options, callback) {
      dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
        if (error) return callback(error, "", 0);
        const list = addresses as LookupAddress[];
        const refused = list.find((entry) => isPrivateAddress(entry.address));
        if (refused) return callback(Object.assign(new Error(`${hostname} resolves to a private or local address`), { code: "EPRIVATE" }), "", 0);
        if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
        callback(null, list[0]!.address, list[0]!.family);
      });
    },
  },
});

/** At /feed add, for a clear answer at once: the URL's host must resolve to public addresses only. */
export async function checkPublicUrl(url: URL): Promise<string | null> {
  const literal = literalPrivateHost(url);
  if (literal) return literal;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return null;
  const addresses = await new Promise<LookupAddress[] | null>((resolve) => dnsLookup(host, { all: true }, (error, found) => resolve(error ? null : found)));
  if (!addresses) return `the host ${host} could not be found`;
  return addresses.some((entry) => isPrivateAddress(entry.address)) ? `${host} is a private or local address, which feeds added from Discord may not use` : null;
}

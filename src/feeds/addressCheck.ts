import { promises as dnsPromises, type LookupAddress } from "node:dns";
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
  return isIP(host) && isPrivateAddress(host) ? `${host} ${PRIVATE_REASON}` : null;
}

/** How feed requests reach hosts: DNS, and where a connection to an address goes. */
export interface FeedNetwork {
  /** Every address a host name resolves to. */
  resolve(hostname: string): Promise<LookupAddress[]>;
  /**
   * The address a connection to `address` really opens: the address itself on a real network. A test
   * network serves public-looking addresses from a local server through it, as a NAT would.
   */
  route?(address: string): string;
}

/** The machine's own resolver (dns.lookup, as every Node connection uses). */
export const SYSTEM_NETWORK: FeedNetwork = { resolve: (hostname) => dnsPromises.lookup(hostname, { all: true }) };

const PRIVATE_REASON = "is a private or local address, which feeds added from Discord may not use";

const agents = new WeakMap<FeedNetwork, Agent>();

/**
 * An HTTP agent that refuses to connect to private addresses: checked on every connection, after DNS,
 * so neither a redirect nor a name that later resolves inside the network gets through.
 */
export function publicOnlyAgent(network: FeedNetwork = SYSTEM_NETWORK): Agent {
  let agent = agents.get(network);
  if (agent) return agent;
  agent = new Agent({
    connect: {
      lookup(hostname, options, callback) {
        network.resolve(hostname).then((list) => {
          if (list.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
          const refused = list.find((entry) => isPrivateAddress(entry.address));
          if (refused) return callback(Object.assign(new Error(`${hostname} resolves to ${refused.address}, which ${PRIVATE_REASON}`), { code: "EPRIVATE" }), "", 0);
          const routed = list.map((entry) => ({ address: network.route?.(entry.address) ?? entry.address, family: entry.family }));
          if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, routed);
          callback(null, routed[0]!.address, routed[0]!.family);
        }, (error: Error) => callback(error as NodeJS.ErrnoException, "", 0));
      },
    },
  });
  agents.set(network, agent);
  return agent;
}

/** At /feed add, for a clear answer at once: the URL's host must resolve to public addresses only. */
export async function checkPublicUrl(url: URL, network: FeedNetwork = SYSTEM_NETWORK): Promise<string | null> {
  const literal = literalPrivateHost(url);
  if (literal) return literal;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return null;
  const addresses = await network.resolve(host).catch(() => null);
  if (!addresses || addresses.length === 0) return `the host ${host} could not be found`;
  return addresses.some((entry) => isPrivateAddress(entry.address)) ? `${host} ${PRIVATE_REASON}` : null;
}

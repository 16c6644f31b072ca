import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

/** Loopback, private, link-local and unspecified addresses: a feed URL there would reach inside the host's network. */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a, b] = address.split(".").map(Number) as [number, number];
    return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  const lower = address.toLowerCase();
  return lower === "::1" || lower === "::" || lower.startsWith("fc") || lower.startsWith("fd") || lower.startsWith("fe80") || lower.startsWith("::ffff:127.") || lower.startsWith("::ffff:10.") || lower.startsWith("::ffff:192.168.");
}

/** Checks that a URL added by a server admin points at the public internet, not into Newsdesk's own network. */
export async function checkPublicUrl(url: URL): Promise<string | null> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return `the host ${host} could not be found`;
  }
  return addresses.some(isPrivateAddress) ? `${host} is a private or local address, which feeds added from Discord may not use` : null;
}

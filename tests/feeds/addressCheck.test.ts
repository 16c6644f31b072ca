import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import { checkPublicUrl, isPrivateAddress, literalPrivateHost, publicOnlyAgent, type FeedNetwork } from "../../src/feeds/addressCheck.js";
import { fetchFeed } from "../../src/feeds/fetchFeed.js";
import { plainRss } from "./fixtures.js";
import { startFeedServer } from "./feedServer.js";

/** A test network: DNS answers per name, and 198.51.100.7 (a public-looking address) served by the local feed server. */
const network = (answers: Record<string, string[]>): FeedNetwork => ({
  route: (address) => (address === "198.51.100.7" ? "127.0.0.1" : address),
  async resolve(hostname): Promise<LookupAddress[]> {
    const addresses = answers[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  },
});

describe("which addresses are inside the host's network", () => {
  it.each([
    "0.0.0.0", "0.255.255.255", "10.0.0.0", "10.255.255.255", "100.64.0.1", "100.127.255.255", "127.0.0.1", "127.255.255.254",
    "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.168.1.1", "198.18.0.1", "198.19.255.255",
    "224.0.0.1", "239.255.255.255", "255.255.255.255",
    "::", "::1", "fc00::1", "fd12:3456::1", "fe80::1", "febf::1", "ff02::1", "64:ff9b::a00:1",
  ])("%s is private", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(["1.1.1.1", "9.255.255.255", "11.0.0.1", "100.63.255.255", "100.128.0.1", "126.255.255.255", "128.0.0.1", "169.253.0.1", "172.15.255.255", "172.32.0.1", "192.0.1.1", "192.167.0.1", "198.17.255.255", "198.20.0.1", "223.255.255.255", "2606:4700::1111", "fbff::1", "fec0::1", "2001:db8::1"])(
    "%s is public", (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  it("sees IPv4 inside IPv6, in dotted and hex forms, and with brackets", () => {
    for (const address of ["::ffff:127.0.0.1", "::127.0.0.1", "::ffff:7f00:1", "::7f00:1", "[::ffff:a9fe:a9fe]", "::FFFF:C0A8:0101", "::ffff:0a00:0001"]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    expect(isPrivateAddress("::ffff:192.168.100.200")).toBe(true); // every part of several digits
    // The old IPv4-compatible form (no ffff), which Node's BlockList does not see through by itself.
    expect(isPrivateAddress("::192.168.100.200")).toBe(true);
    expect(isPrivateAddress("::a9fe:a9fe")).toBe(true);
    // Only IPv4 written at the very end of an address starting "::" is IPv4 inside IPv6.
    for (const address of ["::ffff:8.8.8.8", "::ffff:808:808", "[2606:4700::1111]", "1::127.0.0.1", "1::7f00:1", "::7f00:1:2"]) expect(isPrivateAddress(address), address).toBe(false);
  });

  it("refuses what is not an address at all", () => {
    expect(isPrivateAddress("localhost")).toBe(true);
    expect(isPrivateAddress("")).toBe(true);
    expect(isPrivateAddress("999.1.1.1")).toBe(true);
  });
});

describe("a feed URL's host", () => {
  it("names a literal private address, and leaves names and public addresses to the lookup", () => {
    expect(literalPrivateHost(new URL("http://127.0.0.1:8080/feed"))).toBe("127.0.0.1 is a private or local address, which feeds added from Discord may not use");
    expect(literalPrivateHost(new URL("http://[::1]/feed"))).toBe("::1 is a private or local address, which feeds added from Discord may not use");
    expect(literalPrivateHost(new URL("http://8.8.8.8/feed"))).toBeNull();
    expect(literalPrivateHost(new URL("http://localhost/feed"))).toBeNull();
  });

  it("is checked at /feed add after DNS: every address must be public", async () => {
    const dns = network({ "public.test": ["93.184.216.34"], "mixed.test": ["93.184.216.34", "10.0.0.1"], "inside.test": ["fd00::5"], "empty.test": [] });
    expect(await checkPublicUrl(new URL("https://public.test/feed"), dns)).toBeNull();
    expect(await checkPublicUrl(new URL("https://mixed.test/feed"), dns)).toBe("mixed.test is a private or local address, which feeds added from Discord may not use");
    expect(await checkPublicUrl(new URL("https://inside.test/feed"), dns)).toBe("inside.test is a private or local address, which feeds added from Discord may not use");
    expect(await checkPublicUrl(new URL("https://nowhere.test/feed"), dns)).toBe("the host nowhere.test could not be found");
    expect(await checkPublicUrl(new URL("https://empty.test/feed"), dns)).toBe("the host empty.test could not be found");
    expect(await checkPublicUrl(new URL("https://10.1.1.1/feed"), dns)).toBe("10.1.1.1 is a private or local address, which feeds added from Discord may not use");
    expect(await checkPublicUrl(new URL("https://8.8.4.4/feed"), dns)).toBeNull();
    expect(await checkPublicUrl(new URL("https://[2606:4700::1111]/feed"), dns)).toBeNull(); // a public address needs no lookup
  });
});

describe("connections for feeds added from Discord", () => {
  it("go to public addresses only, checked on each connection after DNS", async () => {
    const server = await startFeedServer();
    server.serve("/feed.xml", plainRss([{ title: "A Public Story", link: "https://e.com/a", description: "One sentence here." }]));
    const port = new URL(server.url("/")).port;
    const dns = network({ "public.test": ["198.51.100.7"], "inside.test": ["198.51.100.7", "10.0.0.1"], "empty.test": [] });
    const fetchFrom = (host: string) => fetchFeed(`http://${host}:${port}/feed.xml`, { etag: null, lastModified: null }, { timeoutMs: 2_000 }, { publicOnly: true, network: dns });
    try {
      await expect(fetchFrom("public.test")).resolves.toMatchObject({ status: "ok", body: expect.stringContaining("A Public Story") });
      await expect(fetchFrom("inside.test")).rejects.toThrow(/^inside\.test resolves to 10\.0\.0\.1, which is a private or local address, which feeds added from Discord may not use$/);
      await expect(fetchFrom("empty.test")).rejects.toThrow("could not connect (ENOTFOUND)");
      await expect(fetchFrom("nowhere.test")).rejects.toThrow("could not connect (ENOTFOUND)");
      expect(server.hits("/feed.xml").requests).toBe(1);
      expect(publicOnlyAgent(dns)).toBe(publicOnlyAgent(dns)); // one connection pool per network
    } finally {
      await server.close();
    }
  });
});

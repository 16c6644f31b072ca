import { mkdtempSync, rmSync } from "node:fs";
import type { LookupAddress } from "node:dns";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNewsdesk, type Newsdesk } from "../../src/app.js";
import type { FeedNetwork } from "../../src/feeds/addressCheck.js";
import { createLogger } from "../../src/logger.js";
import { wordpressRss } from "../feeds/fixtures.js";
import { startFeedServer, type FeedServer } from "../feeds/feedServer.js";
import { finalReply } from "./replies.js";
import { ALL_PERMISSIONS, startStandin, type Standin } from "./standin.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.feedguard-test-token-not-real-0000000000";
const PUBLIC_ADDRESSES = ["198.51.100.7", "203.0.113.9"];

/**
 * The test's own internet: DNS answers chosen per name, and the public-looking addresses served by the
 * local feed server (as a NAT would). `rebind.public.test` answers a public address once, then a private one.
 */
function testNetwork(): FeedNetwork & { rebound: boolean } {
  const network = {
    rebound: false,
    async resolve(hostname: string): Promise<LookupAddress[]> {
      if (hostname === "news.public.test") return [{ address: PUBLIC_ADDRESSES[0]!, family: 4 }];
      if (hostname === "intranet.public.test") return [{ address: "10.1.2.3", family: 4 }];
      if (hostname === "rebind.public.test") return [{ address: network.rebound ? "192.168.0.20" : PUBLIC_ADDRESSES[1]!, family: 4 }];
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    },
    route: (address: string) => (PUBLIC_ADDRESSES.includes(address) ? "127.0.0.1" : address),
  };
  return network;
}

let standin: Standin;
let server: FeedServer;
let newsdesk: Newsdesk;
let corpusDir: string;
let dataDir: string;
let clock = Date.parse("2025-11-26T08:00:00Z");
const network = testNetwork();

async function feedCommand(sub: string, url?: string) {
  const sent = standin.slashCommand("feed", [{ name: sub, type: 1, options: url ? [{ name: "url", type: 3, value: url }] : [] }], { memberPermissions: ALL_PERMISSIONS });
  return finalReply(standin, sent);
}
const publicUrl = (host: string, route: string) => server.url(route).replace("127.0.0.1", host);

/** What beforeAll started, stopped in reverse order (the bot before the stand-in it talks to). */
const started: Array<() => unknown> = [];

beforeAll(async () => {
  corpusDir = mkdtempSync(path.join(tmpdir(), "newsdesk-guard-corpus-"));
  dataDir = mkdtempSync(path.join(tmpdir(), "newsdesk-guard-data-"));
  started.push(() => rmSync(corpusDir, { recursive: true, force: true }), () => rmSync(dataDir, { recursive: true, force: true }));
  standin = await startStandin();
  server = await startFeedServer();
  started.push(() => standin.close(), () => server.close());
  server.serve("/feed.xml", wordpressRss([{ guid: "g-1", title: "Contoso Buys Fabrikam for $2 Billion", source: "https://news.example.com/contoso", points: ["Contoso will pay $2 billion for Fabrikam.", "The deal closes next year."] }]));
  server.serve("/inside.xml", wordpressRss([]));
  server.redirect("/to-inside", server.url("/inside.xml"));
  newsdesk = await startNewsdesk({
    corpusDir, dataDir, token: TOKEN, apiUrl: standin.apiUrl, logger: createLogger("silent"), now: () => clock,
    rest: { globalRequestsPerSecond: 1e6 },
    feedPolling: { intervalMs: 10 * 60_000, limits: { timeoutMs: 2_000 }, allowPrivateAddresses: false, network },
  });
  started.push(() => newsdesk.stop());
  while (!newsdesk.client.isReady()) await new Promise((resolve) => setTimeout(resolve, 10));
});

afterAll(async () => {
  for (const stop of started.reverse()) await stop();
});

describe("feeds added from Discord cannot reach into the host's network", () => {
  it("refuses at /feed add a name that resolves to a private address, saying so", async () => {
    const reply = await feedCommand("add", publicUrl("intranet.public.test", "/feed.xml"));
    expect(reply.data.content).toMatch(/Cannot add that feed: intranet\.public\.test is a private or local address/);
  });

  it("reads a public feed, but not a redirect to 127.0.0.1 nor a name that later resolves inside: /feed list says why", async () => {
    for (const url of [publicUrl("news.public.test", "/feed.xml"), publicUrl("news.public.test", "/to-inside"), publicUrl("rebind.public.test", "/feed.xml")]) {
      expect((await feedCommand("add", url)).data.content ?? "").not.toMatch(/Cannot add/);
    }
    network.rebound = true; // from now on the name points inside the network (DNS rebinding)
    await newsdesk.feeds.pollDue(); // may be the poll started by a /feed add...
    clock += 60 * 60_000;
    await newsdesk.feeds.pollDue(); // ...so poll again, with every feed due

    const fields = (await feedCommand("list")).data.embeds[0].fields as Array<{ name: string; value: string }>;
    const statusOf = (url: string) => fields.find((field) => field.name.endsWith(url))!.value;
    expect(statusOf(publicUrl("news.public.test", "/feed.xml"))).toMatch(/^1 article.*no errors/s);
    expect(statusOf(publicUrl("news.public.test", "/to-inside"))).toMatch(/last error .*127\.0\.0\.1 is a private or local address/s);
    expect(statusOf(publicUrl("rebind.public.test", "/feed.xml"))).toMatch(/last error .*rebind\.public\.test resolves to 192\.168\.0\.20, which is a private or local address/s);
    // The redirect was followed only as far as the check: nothing inside was fetched.
    expect(server.hits("/to-inside").requests).toBeGreaterThan(0);
    expect(server.hits("/inside.xml").requests).toBe(0);
  });
});

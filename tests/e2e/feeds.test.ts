import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ask } from "../../src/answers/ask.js";
import { startNewsdesk, type Newsdesk } from "../../src/app.js";
import { createLogger } from "../../src/logger.js";
import { HTML_PAGE, MALFORMED, atomFeed, plainRss, wordpressRss, type SummaryPost } from "../feeds/fixtures.js";
import { startFeedServer, type FeedServer } from "../feeds/feedServer.js";
import { finalReply } from "./replies.js";
import { ALL_PERMISSIONS, snowflake, startStandin, type Standin } from "./standin.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.feeds-test-token-not-real-000000000000";
const EPHEMERAL = 64;
const channel = snowflake();
let standin: Standin;
let server: FeedServer;
let newsdesk: Newsdesk | undefined;
let corpusDir: string;
let dataDir: string;
let clock = Date.parse("2025-11-26T08:00:00Z");

const posts: SummaryPost[] = [
  { guid: "post-101", title: "Contoso Signs $4 Billion GPU Lease With Fabrikam Cloud", source: "https://www.reuters.example/contoso-fabrikam", points: ["Contoso agreed to lease about $4 billion of GPU capacity from Fabrikam Cloud over five years.", "Deliveries of the first racks begin in early 2026 at a Texas site.", "The lease makes Fabrikam Contoso's second compute supplier.", "Fabrikam shares rose 9% on the news.", "Analysts see the deal as a bet on inference demand."] },
  { guid: "post-102", title: "Northwind Raises $900 Million for Robot Warehouses", source: "https://www.techcrunch.example/northwind-raise", points: ["Northwind closed a $900 million round led by Tailspin Ventures.", "The money pays for 40 new robot warehouses in Europe.", "Northwind says its robots cut picking costs by a third.", "Existing backers joined the round at a higher valuation.", "The company plans to hire 600 engineers."] },
];

async function command(name: string, options: any[], memberPermissions = ALL_PERMISSIONS) {
  const sent = standin.slashCommand(name, options, { memberPermissions });
  return finalReply(standin, sent);
}
const feedCommand = (sub: string, url?: string, perms?: string) =>
  command("feed", [{ name: sub, type: 1, options: url ? [{ name: "url", type: 3, value: url }] : [] }], perms);

async function start() {
  newsdesk = await startNewsdesk({
    corpusDir, dataDir, token: TOKEN, apiUrl: standin.apiUrl, logger: createLogger("silent"), now: () => clock,
    rest: { globalRequestsPerSecond: 1e6 },
    feedPolling: { intervalMs: 10 * 60_000, limits: { timeoutMs: 600, maxBytes: 1024 * 1024 }, allowPrivateAddresses: true },
  });
  while (!newsdesk.client.isReady()) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function pollAll() {
  clock += 60 * 60_000; // every feed is due again, failing ones included
  return newsdesk!.feeds.pollDue();
}

async function waitFor(check: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const titles = () => standin.messagesIn(channel).map((m) => m.embeds[0]?.title as string);

beforeAll(async () => {
  corpusDir = mkdtempSync(path.join(tmpdir(), "newsdesk-feeds-corpus-"));
  dataDir = mkdtempSync(path.join(tmpdir(), "newsdesk-feeds-data-"));
  standin = await startStandin({ channelIds: [channel] });
  server = await startFeedServer();
  server.serve("/wordpress.xml", wordpressRss(posts));
  server.serve("/plain.xml", plainRss([{ title: "Globex Opens a Chip Plant in Ohio", link: "https://plain.example.net/globex-ohio?utm_campaign=x", description: "<p>Globex opened its first chip plant in Ohio on Tuesday. The plant will employ 1,500 people by 2027. Local officials welcomed the <b>investment</b>.</p>" }]));
  server.serve("/atom.xml", atomFeed([{ guid: "atom-1", title: "Initech Buys Umbrella Analytics for $700 Million", source: "https://www.bloomberg.example/initech-umbrella", points: ["Initech will pay $700 million in cash for Umbrella Analytics.", "The deal closes in the first quarter.", "Umbrella's 200 staff join Initech's data unit.", "Initech expects the purchase to add to earnings next year.", "Regulators must still approve it."] }]), "application/atom+xml");
  server.serve("/malformed.xml", MALFORMED);
  server.serve("/page.html", HTML_PAGE, "text/html");
  await start();
  await command("subscribe", [{ name: "channel", type: 7, value: channel }]);
});

afterAll(async () => {
  await newsdesk?.stop();
  await standin?.close();
  await server?.close();
  rmSync(corpusDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe("reading feeds", () => {
  it("turns WordPress summary posts into full articles: key points, the original source, no markup or tracking", async () => {
    const reply = await feedCommand("add", server.url("/wordpress.xml"));
    expect(reply.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(reply.data.embeds[0].title).toBe("Feed added");
    await newsdesk!.feeds.pollDue();
    const answer = ask(newsdesk!.index, "who is Contoso leasing GPUs from?");
    const article = answer.results[0]!.article;
    expect(article.title).toBe("Contoso Signs $4 Billion GPU Lease With Fabrikam Cloud");
    expect(article.url).toBe("https://www.reuters.example/contoso-fabrikam");
    expect(article.keyPoints).toEqual(posts[0]!.points);
    expect(article.date).toBe("2025-11-20");
    expect(JSON.stringify(article)).not.toMatch(/<|trackReader|utm_|Share this/);
    expect(article.deals[0]).toMatchObject({ parties: ["Contoso", "Fabrikam Cloud"], kind: "compute" });
    await waitFor(() => titles().length === 2);
  });

  it("makes a plain item's first sentences its key points and its link the source", async () => {
    await feedCommand("add", server.url("/plain.xml"));
    await newsdesk!.feeds.pollDue();
    const article = ask(newsdesk!.index, "Globex chip plant Ohio").results[0]!.article;
    expect(article.keyPoints).toEqual(["Globex opened its first chip plant in Ohio on Tuesday.", "The plant will employ 1,500 people by 2027.", "Local officials welcomed the investment."]);
    expect(article.url).toBe("https://plain.example.net/globex-ohio");
  });

  it("reads Atom", async () => {
    await feedCommand("add", server.url("/atom.xml"));
    await newsdesk!.feeds.pollDue();
    expect(ask(newsdesk!.index, "who is buying Umbrella Analytics").results[0]?.article.url).toBe("https://www.bloomberg.example/initech-umbrella");
  });

  it("posts each item once, and polling again costs one 304 and changes nothing", async () => {
    await waitFor(() => titles().length === 4);
    const before = standin.messagesIn(channel).length;
    const reports = await pollAll();
    expect(reports.every((r) => r.added === 0 && r.updated === 0)).toBe(true);
    expect(server.hits("/wordpress.xml").notModified).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(standin.messagesIn(channel)).toHaveLength(before);
    expect(new Set(titles()).size).toBe(titles().length);
  });

  it("updates an item whose content changed and edits its posted message", async () => {
    const corrected = [{ ...posts[0]!, points: [...posts[0]!.points.slice(0, 4), "Correction: the lease runs for six years, not five."] }, posts[1]!];
    server.serve("/wordpress.xml", wordpressRss(corrected));
    const reports = await pollAll();
    expect(reports.find((r) => r.url.endsWith("/wordpress.xml"))).toMatchObject({ added: 0, updated: 1 });
    const edit = await standin.waitForRequest((r) => r.method === "PATCH" && r.path.startsWith(`/channels/${channel}/messages/`));
    expect(JSON.stringify(edit.body.embeds)).toMatch(/six years, not five/);
    expect(titles().filter((t) => t.startsWith("Contoso"))).toHaveLength(1);
  });

  it("names every broken feed's problem in /feed list and keeps reading the others", async () => {
    for (const broken of ["/malformed.xml", "/page.html", "/error", "/loop-a", "/huge", "/slow"]) await feedCommand("add", server.url(broken));
    await newsdesk!.feeds.pollDue(); // may be a poll started by an earlier /feed add...
    await newsdesk!.feeds.pollDue(); // ...so poll again for the feeds added after it began
    const list = await feedCommand("list");
    const fields = list.data.embeds[0].fields as Array<{ name: string; value: string }>;
    const errorOf = (suffix: string) => fields.find((f) => f.name.endsWith(suffix))!.value;
    expect(errorOf("/malformed.xml")).toMatch(/not a valid RSS or Atom feed/);
    expect(errorOf("/page.html")).toMatch(/not a feed: the URL returned an HTML page/);
    expect(errorOf("/error")).toMatch(/HTTP 500/);
    expect(errorOf("/loop-a")).toMatch(/redirect loop/);
    expect(errorOf("/huge")).toMatch(/over the 1048576-byte limit/);
    expect(errorOf("/slow")).toMatch(/no complete answer within/);
    expect(errorOf("/wordpress.xml")).toMatch(/^2 articles · last success/);
    expect(errorOf("/wordpress.xml")).toMatch(/no errors/);
  });

  it("keeps feed articles across a restart, answerable and not posted again", async () => {
    const before = standin.messagesIn(channel).length;
    await newsdesk!.stop();
    await start();
    expect(ask(newsdesk!.index, "Northwind robot warehouses").results[0]?.article.title).toBe("Northwind Raises $900 Million for Robot Warehouses");
    await pollAll();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(standin.messagesIn(channel)).toHaveLength(before);
  });

  it("needs Manage Server, refuses a non-http address, and removes a feed with its articles", async () => {
    expect((await feedCommand("list", undefined, "0")).data.content).toMatch(/You need the Manage Server permission/);
    expect((await feedCommand("add", "ftp://files.example.com/feed")).data.content).toMatch(/Cannot add that feed: the feed URL uses ftp:/);
    const removed = await feedCommand("remove", server.url("/atom.xml"));
    expect(removed.data.embeds[0].description).toMatch(/its 1 articles left the index/);
    expect(ask(newsdesk!.index, "who is buying Umbrella Analytics").results.map((r) => r.article.title)).not.toContain("Initech Buys Umbrella Analytics for $700 Million");
  });
});

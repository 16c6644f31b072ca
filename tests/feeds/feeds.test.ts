import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";
import { Delivery } from "../../src/delivery/delivery.js";
import { isPrivateAddress } from "../../src/feeds/addressCheck.js";
import { cleanLink, htmlToText } from "../../src/feeds/html.js";
import { feedArticleId, itemToArticle } from "../../src/feeds/itemToArticle.js";
import { parseFeedItems } from "../../src/feeds/parseFeed.js";
import { FeedPoller } from "../../src/feeds/poller.js";
import { createLogger } from "../../src/logger.js";
import { NewsIndex } from "../../src/search/newsIndex.js";
import { HTML_PAGE, MALFORMED, atomFeed, plainRss, summaryHtml, wordpressRss } from "./fixtures.js";

const post = { guid: "p1", title: "Acme Buys Initrode for $1 Billion", source: "https://news.example.com/acme", points: ["Acme will pay $1 billion for Initrode.", "The deal closes next year."] };

describe("HTML from feeds becomes clean text", () => {
  it("keeps headings, list items and links, and drops scripts, images and tracking", () => {
    const text = htmlToText(summaryHtml(post));
    expect(text).toMatch(/^## Summary$/m);
    expect(text).toMatch(/^- Acme will pay \$1 billion for Initrode\.$/m);
    expect(text).toMatch(/Source: \[https:\/\/news\.example\.com\/acme\]\(https:\/\/news\.example\.com\/acme\)/);
    expect(text).not.toMatch(/trackReader|pixel|utm_|<|&amp;/);
  });

  it("removes tracking parameters from links", () => {
    expect(cleanLink("https://e.com/a?utm_source=rss&id=7&fbclid=x")).toBe("https://e.com/a?id=7");
  });
});

describe("feed items", () => {
  it("identifies RSS items by guid, else link, else title and date", () => {
    const items = parseFeedItems(plainRss([
      { title: "With guid", link: "https://e.com/1", description: "One.", guid: "g-1" },
      { title: "With link", link: "https://e.com/2", description: "Two." },
    ]));
    expect(items.map((item) => item.key)).toEqual(["g-1", "https://e.com/2"]);
    expect(parseFeedItems(`<rss version="2.0"><channel><title>t</title><item><title>Only a title</title><pubDate>Mon, 03 Nov 2025 10:00:00 GMT</pubDate></item></channel></rss>`)[0]?.key).toBe("Only a title|2025-11-03");
  });

  it("reads Atom entries by id with their html content", () => {
    const [entry] = parseFeedItems(atomFeed([post]));
    expect(entry).toMatchObject({ key: "urn:newsdesk:test:p1", link: "https://atom.example.com/p1", date: "2025-11-22" });
    expect(entry?.html).toMatch(/<h2>Key Points<\/h2>/);
  });

  it("names malformed XML and HTML pages", () => {
    expect(() => parseFeedItems(MALFORMED)).toThrow(/not a valid RSS or Atom feed/);
    expect(() => parseFeedItems(HTML_PAGE)).toThrow(/not a feed: the URL returned an HTML page/);
  });

  it("gives the same item the same article id on every poll", () => {
    expect(feedArticleId("https://blog.example.org/feed", "g-1")).toBe(feedArticleId("https://blog.example.org/feed", "g-1"));
    expect(feedArticleId("https://blog.example.org/feed", "g-1")).toMatch(/^feed\/blog\.example\.org\/[0-9a-f]{16}$/);
  });

  it("turns a summary post into a full article and a plain item into one of its first sentences", () => {
    const [summaryItem] = parseFeedItems(wordpressRss([post]));
    const full = itemToArticle(summaryItem!, "https://blog.example.org/feed");
    expect(full.ok && full.article).toMatchObject({ title: post.title, url: post.source, keyPoints: post.points });
    const [plainItem] = parseFeedItems(plainRss([{ title: "Plain", link: "https://e.com/plain", description: "First sentence is here. Second one follows it." }]));
    const plain = itemToArticle(plainItem!, "https://e.com/feed");
    expect(plain.ok && plain.article).toMatchObject({ url: "https://e.com/plain", keyPoints: ["First sentence is here.", "Second one follows it."] });
  });
});

describe("adding feeds", () => {
  const poller = async (allowPrivateAddresses: boolean) => {
    const database = await openDatabase({ dataDir: ":memory:" });
    const target = { post: async () => "m", edit: async () => undefined };
    const delivery = new Delivery({ database, index: new NewsIndex(), target, logger: createLogger("silent") });
    return new FeedPoller({ db: database.db, delivery, logger: createLogger("silent"), allowPrivateAddresses });
  };

  it("refuses private and local addresses from Discord unless allowed", async () => {
    expect(await (await poller(false)).add("http://127.0.0.1:8080/feed", "u", "g")).toEqual({ ok: false, reason: expect.stringMatching(/private or local address/) });
    expect(await (await poller(false)).add("http://192.168.1.10/feed", "u", "g")).toMatchObject({ ok: false });
    expect((await (await poller(true)).add("http://127.0.0.1:9/feed", "u", "g")).ok).toBe(true);
    expect(isPrivateAddress("10.1.2.3")).toBe(true);
    expect(isPrivateAddress("::1")).toBe(true);
    expect(isPrivateAddress("93.184.216.34")).toBe(false);
  });

  it("keeps feeds from FEEDS, which /feed remove may not remove", async () => {
    const feeds = await poller(false);
    await feeds.ensureConfigured(["https://blog.example.org/feed"]);
    await feeds.ensureConfigured(["https://blog.example.org/feed"]);
    expect(await feeds.store.list()).toEqual([expect.objectContaining({ url: "https://blog.example.org/feed", origin: "env" })]);
    expect(await feeds.remove("https://blog.example.org/feed", "g")).toEqual({ ok: false, reason: "it is configured in FEEDS; remove it there" });
  });
});

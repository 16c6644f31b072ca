import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import type { Article } from "../src/articles/article.js";
import { parseArticleText } from "../src/articles/parse.js";
import { openDatabase } from "../src/store/database.js";
import { Sender } from "../src/delivery/sender.js";
import { DeliveryStore } from "../src/delivery/store.js";
import { DeliveryError, type DeliveryTarget } from "../src/delivery/target.js";
import { asDeliveryError } from "../src/discord/discordTarget.js";
import { isPrivateAddress } from "../src/feeds/addressCheck.js";
import { fetchFeed } from "../src/feeds/fetchFeed.js";
import { createLogger } from "../src/logger.js";
import { renderAnswer } from "../src/render/answer.js";
import { embedLength } from "../src/render/embeds.js";
import { NewsIndex } from "../src/search/newsIndex.js";
import { markdownArticle } from "./helpers/articles.js";

function article(id: string, title: string, extra: Partial<Article> = {}): Article {
  const result = parseArticleText(markdownArticle({ title }), id);
  if (!result.ok) throw new Error(result.reason);
  return { ...result.article, ...extra };
}
const noFilters = { include: [], exclude: [] };

describe("feeds added from Discord cannot reach into the host's network", () => {
  it("knows private addresses however they are written", () => {
    for (const address of ["127.0.0.1", "10.0.0.8", "169.254.169.254", "198.18.0.1", "::1", "::ffff:7f00:1", "[::ffff:a9fe:a9fe]", "::ffff:127.0.0.1", "64:ff9b::7f00:1", "fd00::1", "0.0.0.0"]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    expect(isPrivateAddress("93.184.216.34")).toBe(false);
    expect(isPrivateAddress("2606:4700::1111")).toBe(false);
  });

  it("refuses to connect to a private address, by name or literal, when fetching for such a feed", async () => {
    const server = createServer((_request, response) => response.end("<rss/>"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const none = { etag: null, lastModified: null };
      await expect(fetchFeed(`http://localhost:${port}/`, none, {}, { publicOnly: true })).rejects.toThrow(/private or local address/);
      await expect(fetchFeed(`http://[::ffff:7f00:1]:${port}/`, none, {}, { publicOnly: true })).rejects.toThrow(/private or local address/);
      await expect(fetchFeed(`http://127.0.0.1:${port}/`, none, {}, { publicOnly: false })).resolves.toMatchObject({ status: "ok" });
    } finally {
      server.close();
    }
  });
});

describe("logs", () => {
  it("never hold interaction or webhook tokens from discord.js errors", () => {
    let output = "";
    const logger = createLogger("info", new Writable({ write(chunk, _e, done) { output += chunk; done(); } }));
    const error = new DiscordAPIError({ code: 10062, message: "Unknown interaction" }, 10062, 404, "POST", "https://discord.com/api/v10/interactions/1234567890123456789/aW50ZXJhY3Rpb246c2VjcmV0LXRva2Vu/callback", { body: { secret: "payload" } });
    logger.error({ err: error }, "interaction failed");
    expect(output).not.toContain("aW50ZXJhY3Rpb246c2VjcmV0LXRva2Vu");
    expect(output).toContain("/interactions/1234567890123456789/[redacted]/callback");
    expect(output).not.toContain("payload");
  });
});

describe("delivery", () => {
  it("drops a post Discord refuses (400) and goes on with the channel's next one", async () => {
    const store = new DeliveryStore((await openDatabase({ dataDir: ":memory:" })).db, { engine: "sqlite" });
    await store.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
    const index = new NewsIndex([article("bad", "Refused Post"), article("good", "Fine Post")]);
    await store.acceptArticles(index.all());
    const posted: string[] = [];
    const target: DeliveryTarget = {
      async post(_channel, message) {
        if (message.embeds[0]?.title === "Refused Post") throw asDeliveryError(new DiscordAPIError({ code: 50035, message: "Invalid Form Body" }, 50035, 400, "POST", "https://discord.com/api/v10/channels/1/messages", {}));
        posted.push(message.embeds[0]!.title!);
        return "m";
      },
      async edit() {},
    };
    const sender = new Sender({ store, target, article: (id) => index.get(id), logger: createLogger("silent") });
    sender.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sender.idle();
    await sender.stop();
    expect(posted).toEqual(["Fine Post"]);
    expect(await store.stats(1)).toMatchObject({ pending: 0 });
    expect(new DeliveryError("rejected", "x").failure).toBe("rejected");
  });

  it("carries waiting articles over when a subscription switches between digest and posts", async () => {
    const store = new DeliveryStore((await openDatabase({ dataDir: ":memory:" })).db, { engine: "sqlite" });
    await store.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: "23:00", createdBy: "u" });
    await store.acceptArticle(article("a", "Held For The Digest"));
    expect(await store.due()).toEqual([]);
    await store.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
    expect(await store.due()).toEqual([expect.objectContaining({ articleId: "a", action: "post" })]);
  });

  it("counts zero posts as zero", async () => {
    const store = new DeliveryStore((await openDatabase({ dataDir: ":memory:" })).db, { engine: "sqlite" });
    const { subscription } = await store.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
    expect(await store.stats(subscription.id)).toEqual({ pending: 0, sent: 0, lastSentAt: null });
  });

  it("delivers an article from a server's own feed only to that server's channels", async () => {
    const store = new DeliveryStore((await openDatabase({ dataDir: ":memory:" })).db, { engine: "sqlite" });
    await store.subscribe({ guildId: "A", channelId: "a1", filters: noFilters, digestTime: null, createdBy: "u" });
    await store.subscribe({ guildId: "B", channelId: "b1", filters: noFilters, digestTime: null, createdBy: "u" });
    await store.acceptArticle(article("feed/x/1", "Only For Server A", { scope: "A" }));
    await store.acceptArticle(article("corpus-1", "For Everyone"));
    expect((await store.due()).map((row) => `${row.channelId}:${row.articleId}`).sort()).toEqual(["a1:corpus-1", "a1:feed/x/1", "b1:corpus-1"]);
  });
});

describe("what a server sees", () => {
  it("answers from a server's own feed articles only in that server", () => {
    const index = new NewsIndex([article("feed/x/1", "Zanzibar Robotics Raises Money", { scope: "A" }), article("c", "Corpus Story")]);
    expect(index.visibleTo("A").search("Zanzibar").map((hit) => hit.article.id)).toEqual(["feed/x/1"]);
    expect(index.visibleTo("B").search("Zanzibar")).toEqual([]);
    expect(index.visibleTo(null).all().map((a) => a.id)).toEqual(["c"]);
    expect(index.visibleTo("B").get("feed/x/1")).toBeUndefined();
  });
});

describe("rendering lists", () => {
  it("keeps 25 long subscriptions within Discord's 6,000 characters, saying how many more there are", () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ channelId: String(100000000000000000 + i), include: Array(20).fill("keyword".repeat(7)), exclude: [], digestTime: null, pausedReason: "x".repeat(300), pending: 0, sent: 0, lastSentAt: null }));
    const { message } = renderAnswer({ type: "subscriptions", items });
    expect(message.embeds[0]!.fields).toHaveLength(25);
    expect(embedLength(message.embeds[0]!)).toBeLessThanOrEqual(6000);
    expect(message.embeds[0]!.footer?.text).toBe("…and 5 more not shown");
  });

  it("keeps a link with parentheses whole inside a masked link", () => {
    const { message } = renderAnswer({ type: "latest", articles: [article("w", "Wiki Story", { url: "https://en.wikipedia.org/wiki/Foo_(bar)" })] });
    expect(message.embeds[0]!.description).toContain("(https://en.wikipedia.org/wiki/Foo_%28bar%29)");
  });
});

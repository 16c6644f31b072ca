// Several processes' senders draining one PostgreSQL outbox: each delivery made once, each channel in order.
import { afterEach, describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/article.js";
import { parseArticleText } from "../../src/articles/parse.js";
import { Sender } from "../../src/delivery/sender.js";
import { DeliveryStore } from "../../src/delivery/store.js";
import type { DeliveryTarget } from "../../src/delivery/target.js";
import { createLogger } from "../../src/logger.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { markdownArticle } from "../helpers/articles.js";
import { freshPostgresUrl } from "../helpers/postgres.js";

function article(id: string, title: string): Article {
  const result = parseArticleText(markdownArticle({ title }), id);
  if (!result.ok) throw new Error(result.reason);
  return result.article;
}

/** Discord as the senders see it: every post recorded with the sender that made it; a nonce used again returns the first message. */
function recordingDiscord() {
  const posts: Array<{ channelId: string; title: string; by: string; description?: string; footer?: string }> = [];
  const edits: Array<{ channelId: string; messageId: string; title: string }> = [];
  const byNonce = new Map<string, string>();
  const target = (by: string): DeliveryTarget => ({
    async post(channelId, message, nonce) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      const known = byNonce.get(`${channelId} ${nonce}`);
      if (known) return known;
      const embed = message.embeds[0]!;
      posts.push({ channelId, title: embed.title!, by, description: embed.description, footer: embed.footer?.text });
      byNonce.set(`${channelId} ${nonce}`, `m${posts.length}`);
      return `m${posts.length}`;
    },
    async edit(channelId, messageId, message) {
      edits.push({ channelId, messageId, title: message.embeds[0]!.title! });
    },
  });
  return { posts, edits, target };
}

const opened: Database[] = [];
const senders: Sender[] = [];
afterEach(async () => {
  await Promise.all(senders.splice(0).map((sender) => sender.stop()));
  await Promise.all(opened.splice(0).map((database) => database.close()));
});

async function shared(count: number, now: () => number = Date.now, loaded: (process: number, id: string) => boolean = () => true, postsPerHour = 1000) {
  const url = await freshPostgresUrl();
  const discord = recordingDiscord();
  const articles = new Map<string, Article>();
  const stores = [];
  for (let i = 0; i < count; i++) {
    const database = await openDatabase({ databaseUrl: url, dataDir: ":memory:" });
    opened.push(database);
    const store = new DeliveryStore(database.db, { engine: "postgres", now });
    stores.push(store);
    senders.push(new Sender({ store, target: discord.target(`process-${i}`), article: (id) => (loaded(i, id) ? articles.get(id) : undefined), logger: createLogger("silent"), owner: `process-${i}`, now, digestCheckMs: 20, pollMs: 50, postsPerHour }));
  }
  return { stores, discord, articles };
}

const until = async (check: () => boolean, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe("senders of several processes on one database", () => {
  it("post every article once to every channel, each channel in order, sharing the work", async () => {
    const { stores, discord, articles } = await shared(3);
    const channels = ["c1", "c2", "c3", "c4", "c5", "c6"];
    for (const channelId of channels) await stores[0]!.subscribe({ guildId: "g", channelId, filters: { include: [], exclude: [] }, digestTime: null, createdBy: "u" });
    const burst = Array.from({ length: 30 }, (_, i) => article(`a-${i}`, `Story ${i}`));
    for (const a of burst) articles.set(a.id, a);
    for (const sender of senders) sender.start();
    for (const [i, a] of burst.entries()) await stores[i % 3]!.acceptArticle(a); // accepted by whichever process read it
    for (const sender of senders) sender.wake();
    await until(() => discord.posts.length >= channels.length * burst.length);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const sender of senders) await sender.idle();
    expect(discord.posts).toHaveLength(channels.length * burst.length);
    for (const channelId of channels) {
      expect(discord.posts.filter((p) => p.channelId === channelId).map((p) => p.title)).toEqual(burst.map((a) => a.title));
    }
    expect(new Set(discord.posts.map((p) => p.by)).size).toBeGreaterThan(1); // the work was shared
  });

  it("wait for an article another process accepted until their own index holds it, rather than drop it", async () => {
    let lagging = true; // process 1's index has not loaded the burst yet
    const { stores, discord, articles } = await shared(2, Date.now, (process) => process === 0 || !lagging);
    const channels = ["c1", "c2", "c3", "c4"];
    for (const channelId of channels) await stores[0]!.subscribe({ guildId: "g", channelId, filters: { include: [], exclude: [] }, digestTime: null, createdBy: "u" });
    const burst = Array.from({ length: 5 }, (_, i) => article(`b-${i}`, `Story ${i}`));
    for (const a of burst) articles.set(a.id, a);
    for (const sender of senders) sender.start();
    for (const a of burst) await stores[0]!.acceptArticle(a);
    for (const sender of senders) sender.wake();
    setTimeout(() => (lagging = false), 500);
    await until(() => discord.posts.length >= channels.length * burst.length);
    for (const channelId of channels) {
      expect(discord.posts.filter((p) => p.channelId === channelId).map((p) => p.title)).toEqual(burst.map((a) => a.title));
    }
  });

  it("drop a delivery whose article was removed, and go on with the channel", async () => {
    const { stores, discord, articles } = await shared(1);
    await stores[0]!.subscribe({ guildId: "g", channelId: "c", filters: { include: [], exclude: [] }, digestTime: null, createdBy: "u" });
    const [gone, kept] = [article("gone", "Gone Story"), article("kept", "Kept Story")];
    articles.set(kept.id, kept); // the index no longer holds the removed one
    await stores[0]!.acceptArticle(gone);
    await stores[0]!.acceptArticle(kept);
    await stores[0]!.removeArticle(gone.id);
    senders[0]!.start();
    await until(() => discord.posts.length >= 1);
    expect(discord.posts.map((p) => p.title)).toEqual(["Kept Story"]);
  });

  it("fold a burst past the hourly cap into one message that counts the articles still on their way", async () => {
    let lagging = true; // the index has the first two stories, not yet the last two
    const { stores, discord, articles } = await shared(1, Date.now, (_, id) => id === "f-0" || id === "f-1" || !lagging, 1);
    await stores[0]!.subscribe({ guildId: "g", channelId: "c", filters: { include: [], exclude: [] }, digestTime: null, createdBy: "u" });
    const burst = Array.from({ length: 4 }, (_, i) => article(`f-${i}`, `Folded Story ${i}`));
    for (const a of burst) {
      articles.set(a.id, a);
      await stores[0]!.acceptArticle(a);
    }
    senders[0]!.start();
    await until(() => discord.posts.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the fold waits meanwhile
    expect(discord.posts.map((p) => p.title)).toEqual(["Folded Story 0"]);
    lagging = false;
    await until(() => discord.posts.length >= 2);
    expect(discord.posts[1]!.title).toBe("3 more new articles");
    for (const a of burst.slice(1)) expect(discord.posts[1]!.description).toContain(a.title);
  });

  it("apply an edit to a post once the new text reaches the index, rather than drop it", async () => {
    let lagging = false;
    const { stores, discord, articles } = await shared(1, Date.now, () => !lagging);
    await stores[0]!.subscribe({ guildId: "g", channelId: "c", filters: { include: [], exclude: [] }, digestTime: null, createdBy: "u" });
    const first = article("e", "Edited Story");
    articles.set(first.id, first);
    await stores[0]!.acceptArticle(first);
    senders[0]!.start();
    await until(() => discord.posts.length >= 1);
    lagging = true; // another process accepted the new text; this index is still loading it
    const changed = article("e", "Edited Story, Corrected");
    articles.set(changed.id, changed);
    expect(await stores[0]!.acceptArticle(changed)).toBe("changed");
    senders[0]!.wake();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(discord.edits).toEqual([]);
    lagging = false;
    await until(() => discord.edits.length >= 1);
    expect(discord.edits).toEqual([{ channelId: "c", messageId: "m1", title: "Edited Story, Corrected" }]);
  });

  it("hold a digest until every article in it has reached the index, rather than mark one sent unseen", async () => {
    const noon = Date.parse("2026-11-30T12:00:00Z");
    let lagging = true;
    const { stores, discord, articles } = await shared(1, () => noon, (_, id) => id !== "late" || !lagging);
    await stores[0]!.subscribe({ guildId: "g", channelId: "d", filters: { include: [], exclude: [] }, digestTime: "09:00", createdBy: "u" });
    for (const a of [article("early", "Early Story"), article("late", "Late Story")]) {
      articles.set(a.id, a);
      await stores[0]!.acceptArticle(a);
    }
    senders[0]!.start();
    await new Promise((resolve) => setTimeout(resolve, 300)); // many digest checks
    expect(discord.posts).toEqual([]);
    lagging = false;
    await until(() => discord.posts.length >= 1);
    expect(discord.posts).toHaveLength(1);
    expect(discord.posts[0]!.description).toContain("Early Story");
    expect(discord.posts[0]!.description).toContain("Late Story");
  });

  it("send a digest once, whichever process gets there first", async () => {
    const noon = Date.parse("2026-11-30T12:00:00Z");
    const { stores, discord, articles } = await shared(3, () => noon);
    await stores[0]!.subscribe({ guildId: "g", channelId: "d", filters: { include: [], exclude: [] }, digestTime: "09:00", createdBy: "u" });
    for (const a of [article("x", "Held Story One"), article("y", "Held Story Two")]) {
      articles.set(a.id, a);
      await stores[0]!.acceptArticle(a);
    }
    for (const sender of senders) sender.start();
    await until(() => discord.posts.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 500)); // many digest checks of all three
    expect(discord.posts).toHaveLength(1);
    expect((await stores[1]!.byChannel("d"))?.lastDigestDate).toBe("2026-11-30");
  });
});

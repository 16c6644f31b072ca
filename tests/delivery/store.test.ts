import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/article.js";
import { parseArticleText } from "../../src/articles/parse.js";
import { passes, parseKeywords } from "../../src/delivery/filters.js";
import { DeliveryStore, contentHash, nonceFor } from "../../src/delivery/store.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { MIGRATIONS, migrate } from "../../src/store/migrations.js";
import { markdownArticle } from "../helpers/articles.js";
import { ENGINES, freshDatabase, freshPostgresUrl } from "../helpers/postgres.js";

function article(id: string, title: string, extra: Parameters<typeof markdownArticle>[0] = {}): Article {
  const result = parseArticleText(markdownArticle({ title, ...extra }), id);
  if (!result.ok) throw new Error(result.reason);
  return result.article;
}

const noFilters = { include: [], exclude: [] };
const opened: Database[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((database) => database.close()));
});

describe("the SQLite database", () => {
  it("is a file in DATA_DIR, in WAL mode, migrated once", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "newsdesk-db-"));
    const database = await openDatabase({ dataDir: dir });
    expect(database.engine).toBe("sqlite");
    expect(database.sqlite!.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(database.location).toBe(path.join(dir, "newsdesk.sqlite"));
    await database.close();
    const again = await openDatabase({ dataDir: dir });
    const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM schema_migrations`.execute(again.db);
    expect(Number(rows[0]!.n)).toBe(MIGRATIONS.length);
    await again.close();
  });
});

describe("the PostgreSQL database", () => {
  it("is migrated once when several processes start at the same moment", async () => {
    const url = await freshPostgresUrl();
    const starts = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ databaseUrl: url, dataDir: ":memory:" })));
    opened.push(...starts);
    const { rows } = await sql<{ version: number }>`SELECT version FROM schema_migrations ORDER BY version`.execute(starts[0]!.db);
    expect(rows.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(await migrate(starts[1]!.db, "postgres")).toBe(MIGRATIONS.length);
  });

  it("refuses an unreachable server with the variable named and the password masked", async () => {
    const error = await openDatabase({ databaseUrl: "postgres://newsdesk:hunter2-secret@127.0.0.1:1/newsdesk", dataDir: ":memory:" }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^cannot connect to the database in DATABASE_URL \(postgres:\/\/newsdesk:\*\*\*@127\.0\.0\.1:1\/newsdesk\)/);
    expect((error as Error).message).not.toContain("hunter2-secret");
  });

  it("refuses a wrong password the same way", async () => {
    const url = new URL(await freshPostgresUrl());
    url.password = "not-the-password";
    const error = (await openDatabase({ databaseUrl: url.toString(), dataDir: ":memory:" }).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/cannot connect to the database in DATABASE_URL .*password authentication failed/);
    expect(error.message).not.toContain("not-the-password");
  });
});

describe.each(ENGINES)("the store on %s", (engine) => {
  async function store(now?: () => number): Promise<DeliveryStore> {
    const database = await freshDatabase(engine);
    opened.push(database);
    return new DeliveryStore(database.db, { engine: database.engine, now });
  }

  describe("accepting articles queues their delivery in the same transaction", () => {
    it("queues a new article for subscriptions made before it, not for the archive", async () => {
      const s = await store();
      expect(await s.acceptArticle(article("old", "An Old Story"))).toBe("new");
      const { subscription } = await s.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
      expect(await s.due()).toEqual([]);
      expect(await s.acceptArticle(article("fresh", "A Fresh Story"))).toBe("new");
      expect(await s.due()).toEqual([expect.objectContaining({ subscriptionId: subscription.id, articleId: "fresh", action: "post", nonce: nonceFor("post", subscription.id, "fresh") })]);
    });

    it("sees an unchanged article again as unchanged, and a changed one as edits of what was posted", async () => {
      const s = await store();
      await s.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
      const first = article("a", "Story");
      await s.acceptArticle(first);
      expect(await s.acceptArticle(first)).toBe("unchanged");
      const [row] = await s.due();
      await s.markSent([row!.id], "m1");
      expect(await s.acceptArticle(article("a", "Story", { summary: "Corrected." }))).toBe("changed");
      expect(await s.due()).toEqual([expect.objectContaining({ articleId: "a", action: "edit" })]);
      expect(await s.postedMessage(row!.subscriptionId, "a")).toBe("m1");
    });

    it("queues one post per subscription and article, however often it is accepted", async () => {
      const s = await store();
      await s.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
      await s.acceptArticle(article("a", "Story"));
      await s.removeArticle("a");
      await s.acceptArticle(article("a", "Story"));
      expect((await s.due()).filter((row) => row.action === "post")).toHaveLength(1);
    });

    it("keeps a channel's order: nothing behind a delivery waiting to be retried is due", async () => {
      let now = 1_000;
      const s = await store(() => now);
      await s.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
      await s.subscribe({ guildId: "g", channelId: "d", filters: noFilters, digestTime: null, createdBy: "u" });
      await s.acceptArticles([article("a", "First"), article("b", "Second")]);
      const [firstOfC] = await s.due();
      await s.retryLater([firstOfC!.id], "500", now + 5_000);
      expect((await s.due()).map((row) => [row.channelId, row.articleId])).toEqual([["d", "a"], ["d", "b"]]);
      now += 5_000;
      expect((await s.due()).map((row) => [row.channelId, row.articleId])).toEqual([["c", "a"], ["d", "a"], ["c", "b"], ["d", "b"]]);
      expect((await s.due())[0]).toMatchObject({ attempts: 1 });
    });

    it("holds digest articles apart from the posts due", async () => {
      const s = await store();
      const { subscription } = await s.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: "09:00", createdBy: "u" });
      await s.acceptArticle(article("a", "Story"));
      expect(await s.due()).toEqual([]);
      expect(await s.digestRows(subscription.id)).toEqual([expect.objectContaining({ articleId: "a" })]);
    });

    it("does not deliver to a paused subscription until it is subscribed again", async () => {
      const s = await store();
      const { subscription } = await s.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
      await s.acceptArticle(article("a", "Story"));
      await s.pause(subscription.id, "no permission");
      expect(await s.due()).toEqual([]);
      expect((await s.byChannel("c"))?.pausedReason).toBe("no permission");
      await s.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
      expect(await s.due()).toHaveLength(1);
    });

    it("accepts a whole corpus at once exactly as it would one article at a time", async () => {
      const corpus = Array.from({ length: 450 }, (_, i) => article(`bulk-${i}`, `Bulk Story ${i}`, i % 3 === 0 ? { keyPoints: ["Chips were ordered."] } : {}));
      const queued = async (s: DeliveryStore) => (await s.due({ limit: 5_000 })).map((row) => [row.channelId, row.articleId, row.action, row.nonce]);
      const setUp = async () => {
        const s = await store();
        await s.subscribe({ guildId: "g", channelId: "all", filters: noFilters, digestTime: null, createdBy: "u" });
        await s.subscribe({ guildId: "g", channelId: "chips", filters: { include: ["chips"], exclude: [] }, digestTime: null, createdBy: "u" });
        await s.subscribe({ guildId: "other", channelId: "daily", filters: noFilters, digestTime: "08:00", createdBy: "u" });
        return s;
      };
      const bulk = await setUp();
      expect(await bulk.acceptArticles(corpus)).toEqual({ new: 450, changed: 0, unchanged: 0 });
      const single = await setUp();
      for (const a of corpus) await single.acceptArticle(a);
      expect(await queued(bulk)).toEqual(await queued(single));
      expect((await queued(bulk)).filter(([channel]) => channel === "chips")).toHaveLength(150);
      expect(await bulk.digestRows(3)).toHaveLength(450);
      expect((await bulk.changesSince(0, { withText: false })).map((c) => [c.id, c.version])).toEqual((await single.changesSince(0, { withText: false })).map((c) => [c.id, c.version]));
      expect(await bulk.acceptArticles(corpus)).toEqual({ new: 0, changed: 0, unchanged: 450 });
    });

    it("says when the next delivery falls due: the soonest retry, not paused channels nor digests", async () => {
      let now = 1_000;
      const s = await store(() => now);
      expect(await s.nextDueAt()).toBeNull();
      const { subscription: digest } = await s.subscribe({ guildId: "g", channelId: "daily", filters: noFilters, digestTime: "09:00", createdBy: "u" });
      await s.acceptArticle(article("a", "First"));
      expect(await s.nextDueAt()).toBeNull(); // a digest waits for its time of day, not for the sender's timer
      const { subscription: c } = await s.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
      const { subscription: d } = await s.subscribe({ guildId: "g", channelId: "d", filters: noFilters, digestTime: null, createdBy: "u" });
      await s.acceptArticle(article("b", "Second"));
      const rows = await s.due();
      expect(await s.nextDueAt()).toBe(0); // due now
      await s.retryLater(rows.filter((row) => row.channelId === "c").map((row) => row.id), "500", 9_000);
      await s.retryLater(rows.filter((row) => row.channelId === "d").map((row) => row.id), "500", 5_000);
      expect(await s.nextDueAt()).toBe(5_000);
      await s.pause(d.id, "no permission");
      expect(await s.nextDueAt()).toBe(9_000);
      expect(digest.id).not.toBe(c.id);
    });

    it("lets an edit through behind a digest entry waiting for its time", async () => {
      const s = await store();
      const { subscription } = await s.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
      await s.acceptArticle(article("a", "Posted Story"));
      const [posted] = await s.due();
      await s.markSent([posted!.id], "m1");
      await s.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: "09:00", createdBy: "u" }); // now a daily digest
      await s.acceptArticle(article("b", "Held For The Digest"));
      await s.acceptArticle(article("a", "Posted Story", { summary: "Corrected." }));
      expect(await s.digestRows(subscription.id)).toEqual([expect.objectContaining({ articleId: "b" })]);
      expect(await s.due()).toEqual([expect.objectContaining({ articleId: "a", action: "edit" })]);
    });

    it("lists every channel's deliveries to a caller that names no owner, leases or not", async () => {
      const s = await store();
      const { subscription } = await s.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
      await s.acceptArticle(article("a", "Story"));
      await s.claimChannel(subscription.id, "someone", 60_000);
      expect(await s.due()).toHaveLength(1);
      expect(await s.due({ owner: "someone" })).toHaveLength(1);
      expect(await s.due({ owner: "anyone else" })).toEqual([]);
    });

    it("counts what was sent and what waits", async () => {
      const s = await store(() => 5_000);
      const { subscription } = await s.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
      await s.acceptArticles([article("a", "First"), article("b", "Second"), article("c", "Third")]);
      const [row] = await s.due();
      await s.markSent([row!.id], "m1");
      expect(await s.stats(subscription.id)).toEqual({ pending: 2, sent: 1, lastSentAt: 5_000 });
      expect(await s.postsSince(subscription.id, 4_000)).toBe(1);
      expect(await s.postsSince(subscription.id, 6_000)).toBe(0);
    });
  });

  describe("channel leases", () => {
    it("let one owner drain a channel until the lease lapses, then another takes it over", async () => {
      let now = 10_000;
      const s = await store(() => now);
      const { subscription } = await s.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
      await s.acceptArticle(article("a", "Story"));
      expect(await s.claimChannel(subscription.id, "one", 20_000)).toBe(true);
      expect(await s.claimChannel(subscription.id, "two", 20_000)).toBe(false);
      expect(await s.due({ owner: "two" })).toEqual([]);
      expect(await s.due({ owner: "one" })).toHaveLength(1);
      expect(await s.claimChannel(subscription.id, "one", 20_000)).toBe(true); // renewed by its holder
      now += 20_001;
      expect(await s.due({ owner: "two" })).toHaveLength(1);
      expect(await s.claimChannel(subscription.id, "two", 20_000)).toBe(true);
      expect(await s.claimChannel(subscription.id, "one", 20_000)).toBe(false);
    });

    it("are free for the next owner once given back", async () => {
      const s = await store();
      const { subscription } = await s.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
      expect(await s.claimChannel(subscription.id, "one", 60_000)).toBe(true);
      await s.releaseChannel(subscription.id, "two"); // not its lease: nothing changes
      expect(await s.claimChannel(subscription.id, "two", 60_000)).toBe(false);
      await s.releaseChannel(subscription.id, "one");
      expect(await s.claimChannel(subscription.id, "two", 60_000)).toBe(true);
    });

    it("are granted to exactly one of many owners asking at once", async () => {
      const s = await store();
      const { subscription } = await s.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
      const granted = await Promise.all(Array.from({ length: 8 }, (_, i) => s.claimChannel(subscription.id, `owner-${i}`, 60_000)));
      expect(granted.filter(Boolean)).toHaveLength(1);
    });
  });

  describe("article versions, for processes that follow the database", () => {
    it("record every change in order, with the text kept when asked", async () => {
      const database = await freshDatabase(engine);
      opened.push(database);
      const s = new DeliveryStore(database.db, { engine, keepArticleText: true });
      const a = article("a", "Story");
      await s.acceptArticle(a);
      await s.acceptArticle(article("b", "Other"));
      const seen = await s.latestVersion();
      await s.acceptArticle(article("a", "Story", { summary: "Corrected." }));
      await s.removeArticle("b");
      const changes = await s.changesSince(seen);
      expect(changes.map((c) => [c.id, c.removed])).toEqual([["a", false], ["b", true]]);
      expect(changes[0]!.article?.summary).toBe("Corrected.");
      expect(changes[0]!.contentHash).toBe(contentHash(changes[0]!.article!));
      expect(await s.changesSince(await s.latestVersion())).toEqual([]);
      expect((await s.changesSince(0, { withText: false }))[0]!.article).toBeNull();
    });
  });
});

describe("filters", () => {
  const nvidia = article("n", "Nvidia Takes a $5 Billion Stake in Intel", { keyPoints: ["Nvidia will co-design chips with Intel."] });
  it("include keeps articles naming any keyword or company, by any of its names", () => {
    expect(passes(nvidia, { include: ["chips"], exclude: [] })).toBe(true);
    expect(passes(nvidia, { include: ["nvda"], exclude: [] })).toBe(true);
    expect(passes(nvidia, { include: ["Oracle", "cloud"], exclude: [] })).toBe(false);
    expect(passes(nvidia, { include: ["chip"], exclude: [] })).toBe(false); // whole words only
  });

  it("exclude wins", () => {
    expect(passes(nvidia, { include: ["chips"], exclude: ["Intel"] })).toBe(false);
  });

  it("reads comma-separated keywords", () => {
    expect(parseKeywords(" OpenAI, chips ;AWS,, OpenAI ")).toEqual(["OpenAI", "chips", "AWS"]);
  });
});

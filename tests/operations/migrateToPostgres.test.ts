import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/article.js";
import { parseArticleText } from "../../src/articles/parse.js";
import { DeliveryStore } from "../../src/delivery/store.js";
import { FeedStore } from "../../src/feeds/feedStore.js";
import { migrateToPostgres } from "../../src/operations/migrateToPostgres.js";
import { openDatabase } from "../../src/store/database.js";
import { markdownArticle } from "../helpers/articles.js";
import { freshPostgresUrl } from "../helpers/postgres.js";

function article(id: string, title: string): Article {
  const result = parseArticleText(markdownArticle({ title }), id);
  if (!result.ok) throw new Error(result.reason);
  return result.article;
}
const noFilters = { include: [], exclude: [] };

describe("moving a SQLite install to PostgreSQL", () => {
  it("keeps subscriptions, deliveries made and waiting, feeds and their articles, and carries on numbering after them", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "newsdesk-move-"));
    const sqlite = await openDatabase({ dataDir });
    const before = new DeliveryStore(sqlite.db, { engine: "sqlite", now: () => 1_000 });
    const { subscription } = await before.subscribe({ guildId: "g", channelId: "c", filters: { include: [], exclude: ["crypto"] }, digestTime: null, createdBy: "u" });
    await before.subscribe({ guildId: "g", channelId: "d", filters: noFilters, digestTime: "08:30", createdBy: "u" });
    await before.acceptArticles([article("a", "First Story"), article("b", "Second Story")]);
    const [sent] = await before.due();
    await before.markSent([sent!.id], "message-1");
    const feeds = new FeedStore(sqlite.db, () => 1_000);
    const { feed } = await feeds.add("https://news.example.com/feed", "command", "u", "g");
    await feeds.saveItem(feed.id, "item-1", article("feed/1", "From A Feed"));
    await sqlite.close();

    const url = await freshPostgresUrl();
    const copied = await migrateToPostgres(dataDir, url);
    expect(copied).toMatchObject({ articles: 2, subscriptions: 2, outbox: 4, feeds: 1, feed_items: 1 });

    const pg = await openDatabase({ databaseUrl: url, dataDir: ":memory:" });
    try {
      const after = new DeliveryStore(pg.db, { engine: "postgres", now: () => 2_000 });
      expect(await after.byChannel("c")).toEqual(await after.byId(subscription.id));
      expect((await after.byChannel("c"))?.exclude).toEqual(["crypto"]);
      expect((await after.byChannel("d"))?.digestTime).toBe("08:30");
      expect(await after.postedMessage(sent!.subscriptionId, sent!.articleId)).toBe("message-1");
      expect(await after.stats(subscription.id)).toEqual({ pending: 1, sent: 1, lastSentAt: 1_000 });
      expect(await new FeedStore(pg.db).articles()).toEqual([expect.objectContaining({ id: "feed/1", title: "From A Feed" })]);
      // New rows are numbered after the copied ones, and new articles go on being delivered.
      const { subscription: third } = await after.subscribe({ guildId: "g", channelId: "e", filters: noFilters, digestTime: null, createdBy: "u" });
      expect(third.id).toBe(3);
      expect(await after.acceptArticle(article("c", "Third Story"))).toBe("new");
      const due = await after.due();
      expect(due.filter((row) => row.channelId === "e").map((row) => row.articleId)).toEqual(["c"]);
      expect(Math.min(...due.filter((row) => row.channelId === "e").map((row) => row.id))).toBeGreaterThan(4);
      // The leader's first reconciliation adds the text SQLite did not keep, for processes without the corpus.
      expect(await after.acceptArticle(article("a", "First Story"))).toBe("unchanged");
      expect((await after.changesSince(0)).find((change) => change.id === "a")?.article?.title).toBe("First Story");
    } finally {
      await pg.close();
    }
  });

  it("refuses a database that already holds an install, and a folder without one", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "newsdesk-move-"));
    const sqlite = await openDatabase({ dataDir });
    await new DeliveryStore(sqlite.db, { engine: "sqlite" }).acceptArticle(article("a", "Story"));
    await sqlite.close();
    const url = await freshPostgresUrl();
    await migrateToPostgres(dataDir, url);
    await expect(migrateToPostgres(dataDir, url)).rejects.toThrow(/already holds articles: move an install into an empty database only/);
    await expect(migrateToPostgres(path.join(dataDir, "nothing-here"), url)).rejects.toThrow(/there is no SQLite database at .*nothing-here/);
  });
});

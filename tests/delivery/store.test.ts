import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/article.js";
import { parseArticleText } from "../../src/articles/parse.js";
import { MIGRATIONS, migrate, openDatabase } from "../../src/delivery/database.js";
import { passes, parseKeywords } from "../../src/delivery/filters.js";
import { DeliveryStore, nonceFor } from "../../src/delivery/store.js";
import { markdownArticle } from "../helpers/articles.js";

function article(id: string, title: string, extra: Parameters<typeof markdownArticle>[0] = {}): Article {
  const result = parseArticleText(markdownArticle({ title, ...extra }), id);
  if (!result.ok) throw new Error(result.reason);
  return result.article;
}

const noFilters = { include: [], exclude: [] };

describe("the database", () => {
  it("is a file in DATA_DIR, in WAL mode, migrated once", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "newsdesk-db-"));
    const db = openDatabase(dir);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.name).toBe(path.join(dir, "newsdesk.sqlite"));
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect((db.prepare("SELECT COUNT(*) AS n FROM schema_migrations").get() as { n: number }).n).toBe(MIGRATIONS.length);
    db.close();
    const again = openDatabase(dir);
    expect((again.prepare("SELECT COUNT(*) AS n FROM schema_migrations").get() as { n: number }).n).toBe(MIGRATIONS.length);
    again.close();
  });
});

describe("accepting articles queues their delivery in the same transaction", () => {
  it("queues a new article for subscriptions made before it, not for the archive", () => {
    const store = new DeliveryStore(openDatabase(":memory:"));
    expect(store.acceptArticle(article("old", "An Old Story"))).toBe("new");
    const { subscription } = store.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
    expect(store.due()).toEqual([]);
    expect(store.acceptArticle(article("fresh", "A Fresh Story"))).toBe("new");
    expect(store.due()).toEqual([expect.objectContaining({ subscriptionId: subscription.id, articleId: "fresh", action: "post", nonce: nonceFor("post", subscription.id, "fresh") })]);
  });

  it("sees an unchanged article again as unchanged, and a changed one as edits of what was posted", () => {
    const store = new DeliveryStore(openDatabase(":memory:"));
    store.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
    const first = article("a", "Story");
    store.acceptArticle(first);
    expect(store.acceptArticle(first)).toBe("unchanged");
    const [row] = store.due();
    store.markSent([row!.id], "m1");
    expect(store.acceptArticle(article("a", "Story", { summary: "Corrected." }))).toBe("changed");
    expect(store.due()).toEqual([expect.objectContaining({ articleId: "a", action: "edit" })]);
    expect(store.postedMessage(row!.subscriptionId, "a")).toBe("m1");
  });

  it("queues one post per subscription and article, however often it is accepted", () => {
    const store = new DeliveryStore(openDatabase(":memory:"));
    store.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
    store.acceptArticle(article("a", "Story"));
    store.removeArticle("a");
    store.acceptArticle(article("a", "Story"));
    expect(store.due().filter((row) => row.action === "post")).toHaveLength(1);
  });

  it("keeps a channel's order: nothing behind a delivery waiting to be retried is due", () => {
    let now = 1_000;
    const store = new DeliveryStore(openDatabase(":memory:"), () => now);
    store.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
    store.subscribe({ guildId: "g", channelId: "d", filters: noFilters, digestTime: null, createdBy: "u" });
    store.acceptArticles([article("a", "First"), article("b", "Second")]);
    const [firstOfC] = store.due();
    store.retryLater([firstOfC!.id], "500", now + 5_000);
    expect(store.due().map((row) => [row.channelId, row.articleId])).toEqual([["d", "a"], ["d", "b"]]);
    now += 5_000;
    expect(store.due().map((row) => [row.channelId, row.articleId])).toEqual([["c", "a"], ["d", "a"], ["c", "b"], ["d", "b"]]);
  });

  it("holds digest articles apart from the posts due", () => {
    const store = new DeliveryStore(openDatabase(":memory:"));
    const { subscription } = store.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: "09:00", createdBy: "u" });
    store.acceptArticle(article("a", "Story"));
    expect(store.due()).toEqual([]);
    expect(store.digestRows(subscription.id)).toEqual([expect.objectContaining({ articleId: "a" })]);
  });

  it("does not deliver to a paused subscription until it is subscribed again", () => {
    const store = new DeliveryStore(openDatabase(":memory:"));
    const { subscription } = store.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
    store.acceptArticle(article("a", "Story"));
    store.pause(subscription.id, "no permission");
    expect(store.due()).toEqual([]);
    expect(store.byChannel("c")?.pausedReason).toBe("no permission");
    store.subscribe({ guildId: "g", channelId: "c", filters: noFilters, digestTime: null, createdBy: "u" });
    expect(store.due()).toHaveLength(1);
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

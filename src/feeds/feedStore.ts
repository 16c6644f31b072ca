import { sql } from "kysely";
import type { Article } from "../articles/article.js";
import type { Executor } from "../store/database.js";
import { contentHash } from "../delivery/store.js";

/** A feed being polled, with what /feed list shows of it. */
export interface Feed {
  id: number;
  url: string;
  origin: "env" | "command";
  /** The server that added it (feeds from FEEDS have none). */
  guildId: string | null;
  etag: string | null;
  lastModified: string | null;
  lastSuccessAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  errors: number;
  failures: number;
  nextPollAt: number;
  articles: number;
}

/** Feeds and the items read from them, in the same database as the subscriptions. */
export class FeedStore {
  constructor(private readonly db: Executor, private readonly now: () => number = Date.now) {}

  /** The same store inside a transaction `db` has open. */
  in(db: Executor): FeedStore {
    return new FeedStore(db, this.now);
  }

  private feeds() {
    return this.db.selectFrom("feeds as f").select([
      "f.id", "f.url", "f.origin", "f.guild_id as guildId", "f.etag", "f.last_modified as lastModified", "f.last_success_at as lastSuccessAt",
      "f.last_error as lastError", "f.last_error_at as lastErrorAt", "f.errors", "f.failures", "f.next_poll_at as nextPollAt",
      (eb) => eb.selectFrom("feed_items as i").select(sql<number>`COUNT(*)`.as("n")).whereRef("i.feed_id", "=", "f.id").as("articles"),
    ]);
  }

  async add(url: string, origin: "env" | "command", addedBy: string | null, guildId: string | null): Promise<{ feed: Feed; created: boolean }> {
    const result = await this.db.insertInto("feeds").values({ url, origin, added_by: addedBy, guild_id: guildId, created_at: this.now() })
      .onConflict((oc) => oc.column("url").doNothing()).executeTakeFirst();
    return { feed: (await this.byUrl(url))!, created: Number(result.numInsertedOrUpdatedRows ?? 0n) > 0 };
  }

  async byUrl(url: string): Promise<Feed | null> {
    return ((await this.feeds().where("f.url", "=", url).executeTakeFirst()) as Feed | undefined) ?? null;
  }

  async list(): Promise<Feed[]> {
    return (await this.feeds().orderBy("f.id").execute()) as Feed[];
  }

  async due(): Promise<Feed[]> {
    return (await this.feeds().where("f.next_poll_at", "<=", this.now()).orderBy("f.next_poll_at").execute()) as Feed[];
  }

  /**
   * Takes a due feed for this process until `until` (when a poll that never reports back may be tried
   * again): true for exactly one of the processes asking, so a feed is fetched once per interval.
   */
  async claimPoll(feed: Feed, until: number): Promise<boolean> {
    const result = await this.db.updateTable("feeds").set({ next_poll_at: until })
      .where("id", "=", feed.id).where("next_poll_at", "=", feed.nextPollAt).where("next_poll_at", "<=", this.now()).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Removes a feed and returns the ids of the articles that came from it. */
  async remove(url: string): Promise<string[] | null> {
    const feed = await this.byUrl(url);
    if (!feed) return null;
    const ids = (await this.db.selectFrom("feed_items").select("article_id").where("feed_id", "=", feed.id).execute()).map((row) => row.article_id);
    await this.db.deleteFrom("feeds").where("id", "=", feed.id).execute();
    return ids;
  }

  async succeeded(feedId: number, validators: { etag: string | null; lastModified: string | null } | null, nextPollAt: number): Promise<void> {
    const now = this.now();
    await this.db.updateTable("feeds")
      .set({ last_polled_at: now, last_success_at: now, failures: 0, next_poll_at: nextPollAt, ...(validators ? { etag: validators.etag, last_modified: validators.lastModified } : {}) })
      .where("id", "=", feedId).execute();
  }

  async failed(feedId: number, reason: string, nextPollAt: number): Promise<void> {
    const now = this.now();
    await this.db.updateTable("feeds")
      .set((eb) => ({ last_polled_at: now, last_error: reason, last_error_at: now, errors: eb("errors", "+", 1), failures: eb("failures", "+", 1), next_poll_at: nextPollAt }))
      .where("id", "=", feedId).execute();
  }

  /** Whether an item is new, changed or the same as when last read. */
  async itemState(feedId: number, itemKey: string, article: Article): Promise<"new" | "changed" | "unchanged"> {
    const row = await this.db.selectFrom("feed_items").select("content_hash").where("feed_id", "=", feedId).where("item_key", "=", itemKey).executeTakeFirst();
    return !row ? "new" : row.content_hash === contentHash(article) ? "unchanged" : "changed";
  }

  async saveItem(feedId: number, itemKey: string, article: Article): Promise<void> {
    const now = this.now();
    const text = JSON.stringify(article);
    const hash = contentHash(article);
    await this.db.insertInto("feed_items").values({ feed_id: feedId, item_key: itemKey, article_id: article.id, content_hash: hash, article: text, first_seen_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(["feed_id", "item_key"]).doUpdateSet({ content_hash: hash, article: text, updated_at: now })).execute();
  }

  /** Every article read from feeds, to index at start-up. */
  async articles(): Promise<Article[]> {
    return (await this.db.selectFrom("feed_items").select("article").execute()).map((row) => JSON.parse(row.article) as Article);
  }
}

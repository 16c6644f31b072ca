import type { Article } from "../articles/article.js";
import type { Db } from "../delivery/database.js";
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

const FEED_COLUMNS = `f.id, f.url, f.origin, f.guild_id AS guildId, f.etag, f.last_modified AS lastModified, f.last_success_at AS lastSuccessAt, f.last_error AS lastError,
  f.last_error_at AS lastErrorAt, f.errors, f.failures, f.next_poll_at AS nextPollAt, (SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id) AS articles`;

/** Feeds and the items read from them, in the same SQLite database as the subscriptions. */
export class FeedStore {
  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {}

  add(url: string, origin: "env" | "command", addedBy: string | null, guildId: string | null): { feed: Feed; created: boolean } {
    const result = this.db.prepare("INSERT OR IGNORE INTO feeds (url, origin, added_by, guild_id, created_at) VALUES (?, ?, ?, ?, ?)").run(url, origin, addedBy, guildId, this.now());
    return { feed: this.byUrl(url)!, created: result.changes > 0 };
  }

  byUrl(url: string): Feed | null {
    return (this.db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds f WHERE f.url = ?`).get(url) as Feed | undefined) ?? null;
  }

  list(): Feed[] {
    return this.db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds f ORDER BY f.id`).all() as Feed[];
  }

  due(): Feed[] {
    return this.db.prepare(`SELECT ${FEED_COLUMNS} FROM feeds f WHERE f.next_poll_at <= ? ORDER BY f.next_poll_at`).all(this.now()) as Feed[];
  }

  /** Removes a feed and returns the ids of the articles that came from it. */
  remove(url: string): string[] | null {
    const feed = this.byUrl(url);
    if (!feed) return null;
    const ids = (this.db.prepare("SELECT article_id FROM feed_items WHERE feed_id = ?").all(feed.id) as Array<{ article_id: string }>).map((row) => row.article_id);
    this.db.prepare("DELETE FROM feeds WHERE id = ?").run(feed.id);
    return ids;
  }

  succeeded(feedId: number, validators: { etag: string | null; lastModified: string | null } | null, nextPollAt: number): void {
    const now = this.now();
    if (validators) {
      this.db.prepare("UPDATE feeds SET etag = ?, last_modified = ? WHERE id = ?").run(validators.etag, validators.lastModified, feedId);
    }
    this.db.prepare("UPDATE feeds SET last_polled_at = ?, last_success_at = ?, failures = 0, next_poll_at = ? WHERE id = ?").run(now, now, nextPollAt, feedId);
  }

  failed(feedId: number, reason: string, nextPollAt: number): void {
    const now = this.now();
    this.db.prepare("UPDATE feeds SET last_polled_at = ?, last_error = ?, last_error_at = ?, errors = errors + 1, failures = failures + 1, next_poll_at = ? WHERE id = ?")
      .run(now, reason, now, nextPollAt, feedId);
  }

  /** Whether an item is new, changed or the same as when last read. */
  itemState(feedId: number, itemKey: string, article: Article): "new" | "changed" | "unchanged" {
    const row = this.db.prepare("SELECT content_hash FROM feed_items WHERE feed_id = ? AND item_key = ?").get(feedId, itemKey) as { content_hash: string } | undefined;
    return !row ? "new" : row.content_hash === contentHash(article) ? "unchanged" : "changed";
  }

  saveItem(feedId: number, itemKey: string, article: Article): void {
    const now = this.now();
    this.db.prepare(`INSERT INTO feed_items (feed_id, item_key, article_id, content_hash, article, first_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                     ON CONFLICT (feed_id, item_key) DO UPDATE SET content_hash = excluded.content_hash, article = excluded.article, updated_at = excluded.updated_at`)
      .run(feedId, itemKey, article.id, contentHash(article), JSON.stringify(article), now, now);
  }

  /** Every article read from feeds, to index at start-up. */
  articles(): Article[] {
    return (this.db.prepare("SELECT article FROM feed_items").all() as Array<{ article: string }>).map((row) => JSON.parse(row.article) as Article);
  }
}

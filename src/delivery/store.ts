import { createHash } from "node:crypto";
import type { Article } from "../articles/article.js";
import type { Db } from "./database.js";
import { passes, type Filters } from "./filters.js";
import { visibleIn } from "../search/newsIndex.js";

/** A channel's subscription to new articles. */
export interface Subscription extends Filters {
  id: number;
  guildId: string;
  channelId: string;
  /** "HH:MM" UTC: one digest a day instead of one post per article. */
  digestTime: string | null;
  /** Articles accepted after this sequence number are delivered; earlier ones count as already seen. */
  sinceSeq: number;
  pausedReason: string | null;
  lastDigestDate: string | null;
  lastOverflowAt: number | null;
  createdAt: number;
}

/** One delivery to do: post an article to a subscription's channel, edit it, or hold it for the digest. */
export interface OutboxRow {
  id: number;
  subscriptionId: number;
  articleId: string;
  action: "post" | "edit" | "digest";
  nonce: string;
  attempts: number;
  channelId: string;
}

/** Digest rows wait for their scheduled time, not for the sender's next pass. */
const NOT_DUE = Number.MAX_SAFE_INTEGER;

/** Discord keeps a nonce for a few minutes; it may be 25 characters at most. */
export function nonceFor(...parts: Array<string | number>): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 25);
}

/** What a subscriber sees of an article; a change to any of it edits the posts already made. */
export function contentHash(article: Article): string {
  return createHash("sha256").update(JSON.stringify([article.title, article.url, article.date, article.summary, article.keyPoints])).digest("hex");
}

type SubscriptionRecord = {
  id: number; guild_id: string; channel_id: string; include_terms: string; exclude_terms: string; digest_time: string | null;
  since_seq: number; paused_reason: string | null; last_digest_date: string | null; last_overflow_at: number | null; created_at: number;
};

function toSubscription(record: SubscriptionRecord): Subscription {
  return {
    id: record.id, guildId: record.guild_id, channelId: record.channel_id,
    include: JSON.parse(record.include_terms) as string[], exclude: JSON.parse(record.exclude_terms) as string[],
    digestTime: record.digest_time, sinceSeq: record.since_seq, pausedReason: record.paused_reason,
    lastDigestDate: record.last_digest_date, lastOverflowAt: record.last_overflow_at, createdAt: record.created_at,
  };
}

/** Subscriptions, accepted articles and the delivery outbox, in SQLite. Every change is one transaction. */
export class DeliveryStore {
  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {}

  /**
   * Records an article as accepted and, in the same transaction, queues its delivery: a post (or digest
   * entry) for every subscription it passes that subscribed before it arrived, or an edit of every post
   * already made when its content changed.
   */
  acceptArticle(article: Article): "new" | "changed" | "unchanged" {
    return this.db.transaction(() => {
      const now = this.now();
      const hash = contentHash(article);
      const known = this.db.prepare("SELECT seq, content_hash, removed FROM articles WHERE id = ?").get(article.id) as { seq: number; content_hash: string; removed: number } | undefined;
      if (!known) {
        const seq = this.maxSeq() + 1;
        this.db.prepare("INSERT INTO articles (id, seq, content_hash, accepted_at, updated_at) VALUES (?, ?, ?, ?, ?)").run(article.id, seq, hash, now, now);
        for (const subscription of this.subscriptions()) {
          if (subscription.sinceSeq < seq && visibleIn(article, subscription.guildId) && passes(article, subscription)) this.queue(subscription, article.id, now);
        }
        return "new";
      }
      if (known.content_hash === hash && !known.removed) return "unchanged";
      this.db.prepare("UPDATE articles SET content_hash = ?, removed = 0, updated_at = ? WHERE id = ?").run(hash, now, article.id);
      const posted = this.db.prepare("SELECT subscription_id FROM outbox WHERE article_id = ? AND action = 'post' AND state = 'sent' AND message_id IS NOT NULL").all(article.id) as Array<{ subscription_id: number }>;
      const insertEdit = this.db.prepare("INSERT OR IGNORE INTO outbox (subscription_id, article_id, action, nonce, created_at) VALUES (?, ?, 'edit', ?, ?)");
      for (const { subscription_id } of posted) insertEdit.run(subscription_id, article.id, nonceFor("edit", subscription_id, article.id, hash), now);
      return "changed";
    })();
  }

  /**
   * Accepts many articles in one transaction (the corpus at start-up): what became new, changed or stayed.
   * Articles in `taken` are known to be as this database last took them (see Delivery.reconcile): when
   * they are on record, their content is not hashed again.
   */
  acceptArticles(articles: Article[], taken: ReadonlySet<string> = new Set()): Record<"new" | "changed" | "unchanged", number> {
    const counts = { new: 0, changed: 0, unchanged: 0 };
    // Most of a corpus is unchanged since the last start: one read tells which, without a query each.
    const known = new Map((this.db.prepare("SELECT id, content_hash, removed FROM articles").all() as Array<{ id: string; content_hash: string; removed: number }>).map((row) => [row.id, row]));
    this.db.transaction(() => {
      for (const article of articles) {
        const row = known.get(article.id);
        if (row && !row.removed && (taken.has(article.id) || row.content_hash === contentHash(article))) counts.unchanged++;
        else counts[this.acceptArticle(article)]++;
      }
    })();
    return counts;
  }

  meta(key: string): string | null {
    return (this.db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
  }

  /** Queues an edit of a post already made (its article changed while the post was on its way). */
  queueEdit(subscriptionId: number, article: Article): void {
    this.db.prepare("INSERT OR IGNORE INTO outbox (subscription_id, article_id, action, nonce, created_at) VALUES (?, ?, 'edit', ?, ?)")
      .run(subscriptionId, article.id, nonceFor("edit", subscriptionId, article.id, contentHash(article)), this.now());
  }

  /** Marks an article as gone from the corpus; deliveries not yet made are dropped when their turn comes. */
  removeArticle(id: string): void {
    this.db.prepare("UPDATE articles SET removed = 1, updated_at = ? WHERE id = ?").run(this.now(), id);
  }

  /** Ids of the articles accepted and not removed (to reconcile with the corpus at start-up). */
  articleIds(): string[] {
    return (this.db.prepare("SELECT id FROM articles WHERE removed = 0").all() as Array<{ id: string }>).map((row) => row.id);
  }

  /**
   * Creates or updates the channel's subscription (updating also resumes a paused one). A new subscription
   * counts every article already accepted as seen, except `backfill`, which is queued now.
   */
  subscribe(input: { guildId: string; channelId: string; filters: Filters; digestTime: string | null; createdBy: string; backfill?: Article[] }): { subscription: Subscription; created: boolean } {
    return this.db.transaction(() => {
      const now = this.now();
      const existing = this.byChannel(input.channelId);
      if (existing) {
        this.db.prepare(`UPDATE subscriptions SET include_terms = ?, exclude_terms = ?, digest_time = ?, paused_reason = NULL, paused_at = NULL, updated_at = ? WHERE id = ?`)
          .run(JSON.stringify(input.filters.include), JSON.stringify(input.filters.exclude), input.digestTime, now, existing.id);
        // Switching between a daily digest and one post per article carries the waiting articles over.
        if (input.digestTime && !existing.digestTime) {
          this.db.prepare("UPDATE outbox SET action = 'digest', next_attempt_at = ? WHERE subscription_id = ? AND action = 'post' AND state = 'pending'").run(NOT_DUE, existing.id);
        } else if (!input.digestTime && existing.digestTime) {
          this.db.prepare("UPDATE outbox SET action = 'post', next_attempt_at = 0 WHERE subscription_id = ? AND action = 'digest' AND state = 'pending'").run(existing.id);
        }
      } else {
        this.db.prepare(`INSERT INTO subscriptions (guild_id, channel_id, include_terms, exclude_terms, digest_time, since_seq, created_by, created_at, updated_at)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(input.guildId, input.channelId, JSON.stringify(input.filters.include), JSON.stringify(input.filters.exclude), input.digestTime, this.maxSeq(), input.createdBy, now, now);
      }
      const subscription = this.byChannel(input.channelId)!;
      for (const article of input.backfill ?? []) this.queue(subscription, article.id, now);
      return { subscription, created: !existing };
    })();
  }

  unsubscribe(guildId: string, channelId: string): boolean {
    return this.db.prepare("DELETE FROM subscriptions WHERE guild_id = ? AND channel_id = ?").run(guildId, channelId).changes > 0;
  }

  byChannel(channelId: string): Subscription | null {
    const record = this.db.prepare("SELECT * FROM subscriptions WHERE channel_id = ?").get(channelId) as SubscriptionRecord | undefined;
    return record ? toSubscription(record) : null;
  }

  subscriptions(guildId?: string): Subscription[] {
    const records = (guildId
      ? this.db.prepare("SELECT * FROM subscriptions WHERE guild_id = ? ORDER BY id").all(guildId)
      : this.db.prepare("SELECT * FROM subscriptions ORDER BY id").all()) as SubscriptionRecord[];
    return records.map(toSubscription);
  }

  /** Deliveries made and waiting for a subscription, and when it last posted. */
  stats(subscriptionId: number): { pending: number; sent: number; lastSentAt: number | null } {
    return this.db.prepare(`SELECT COALESCE(SUM(state = 'pending'), 0) AS pending, COALESCE(SUM(state IN ('sent', 'folded') AND action != 'edit'), 0) AS sent, MAX(sent_at) AS lastSentAt
                            FROM outbox WHERE subscription_id = ?`).get(subscriptionId) as { pending: number; sent: number; lastSentAt: number | null };
  }

  pause(subscriptionId: number, reason: string): void {
    this.db.prepare("UPDATE subscriptions SET paused_reason = ?, paused_at = ?, updated_at = ? WHERE id = ?").run(reason, this.now(), this.now(), subscriptionId);
  }

  /**
   * Posts and edits due now, oldest first, for subscriptions that are not paused. A row waiting behind an
   * earlier one of the same channel that is waiting to be retried is not due: a channel's posts keep order.
   */
  due(limit = 500): OutboxRow[] {
    const now = this.now();
    return this.db.prepare(`SELECT o.id, o.subscription_id AS subscriptionId, o.article_id AS articleId, o.action, o.nonce, o.attempts, s.channel_id AS channelId
                            FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id
                            WHERE o.state = 'pending' AND o.next_attempt_at <= ? AND s.paused_reason IS NULL
                              AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.subscription_id = o.subscription_id AND p.state = 'pending'
                                              AND p.action != 'digest' AND p.id < o.id AND p.next_attempt_at > ?)
                            ORDER BY o.id LIMIT ?`).all(now, now, limit) as OutboxRow[];
  }

  /** When the next delivery falls due (for the sender's timer), or null when nothing waits. */
  nextDueAt(): number | null {
    const row = this.db.prepare(`SELECT MIN(o.next_attempt_at) AS at FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id
                                 WHERE o.state = 'pending' AND s.paused_reason IS NULL AND o.next_attempt_at < ?`).get(NOT_DUE) as { at: number | null };
    return row.at;
  }

  /** The message a post became, for editing it. */
  postedMessage(subscriptionId: number, articleId: string): string | null {
    const row = this.db.prepare("SELECT message_id FROM outbox WHERE subscription_id = ? AND article_id = ? AND action = 'post' AND state = 'sent'").get(subscriptionId, articleId) as { message_id: string } | undefined;
    return row?.message_id ?? null;
  }

  markSent(rowIds: number[], messageId: string, state: "sent" | "folded" = "sent"): void {
    const update = this.db.prepare("UPDATE outbox SET state = ?, message_id = ?, sent_at = ?, last_error = NULL WHERE id = ?");
    this.db.transaction(() => rowIds.forEach((id) => update.run(state, messageId, this.now(), id)))();
  }

  drop(rowId: number, reason: string): void {
    this.db.prepare("UPDATE outbox SET state = 'dropped', last_error = ? WHERE id = ?").run(reason, rowId);
  }

  retryLater(rowIds: number[], error: string | null, at: number, countAttempt = true): void {
    const update = this.db.prepare("UPDATE outbox SET attempts = attempts + ?, last_error = COALESCE(?, last_error), next_attempt_at = ? WHERE id = ?");
    this.db.transaction(() => rowIds.forEach((id) => update.run(countAttempt ? 1 : 0, error, at, id)))();
  }

  /** Posts made to a subscription's channel since a time: what the hourly cap counts. */
  postsSince(subscriptionId: number, since: number): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE subscription_id = ? AND action = 'post' AND state = 'sent' AND sent_at >= ?").get(subscriptionId, since) as { n: number }).n;
  }

  setOverflowAt(subscriptionId: number, at: number): void {
    this.db.prepare("UPDATE subscriptions SET last_overflow_at = ? WHERE id = ?").run(at, subscriptionId);
  }

  /** Articles held for a subscription's next digest. */
  digestRows(subscriptionId: number): Array<{ id: number; articleId: string }> {
    return this.db.prepare("SELECT id, article_id AS articleId FROM outbox WHERE subscription_id = ? AND action = 'digest' AND state = 'pending' ORDER BY id").all(subscriptionId) as Array<{ id: number; articleId: string }>;
  }

  setDigestDate(subscriptionId: number, date: string): void {
    this.db.prepare("UPDATE subscriptions SET last_digest_date = ? WHERE id = ?").run(date, subscriptionId);
  }

  private queue(subscription: Subscription, articleId: string, now: number): void {
    const action = subscription.digestTime ? "digest" : "post";
    this.db.prepare("INSERT OR IGNORE INTO outbox (subscription_id, article_id, action, nonce, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)")
      .run(subscription.id, articleId, action, nonceFor(action, subscription.id, articleId), now, action === "digest" ? NOT_DUE : 0);
  }

  private maxSeq(): number {
    return (this.db.prepare("SELECT COALESCE(MAX(seq), 0) AS seq FROM articles").get() as { seq: number }).seq;
  }
}

import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Article } from "../articles/article.js";
import { inTransaction, type Engine, type Executor } from "../store/database.js";
import type { SubscriptionsTable } from "../store/schema.js";
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

/** An article as the database last recorded it, for processes that follow its changes. */
export interface ArticleChange {
  id: string;
  version: number;
  removed: boolean;
  contentHash: string;
  /** The article, when the database keeps article text (several processes) and it is not removed. */
  article: Article | null;
}

/** Rows written per statement when many are written at once (well within both engines' parameter limits). */
const BATCH = 200;

/** Digest rows wait for their scheduled time, not for the sender's next pass. */
export const NOT_DUE = Number.MAX_SAFE_INTEGER;

/** Held while articles are accepted, so sequence numbers, versions and new subscriptions never race. */
const ARTICLES_LOCK = 7_140_352_002;

/** The channel PostgreSQL notifies on when articles change (the payload is the new version). */
export const ARTICLES_CHANNEL = "newsdesk_articles";

/** Discord keeps a nonce for a few minutes; it may be 25 characters at most. */
export function nonceFor(...parts: Array<string | number>): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 25);
}

/** What a subscriber sees of an article; a change to any of it edits the posts already made. */
export function contentHash(article: Article): string {
  return createHash("sha256").update(JSON.stringify([article.title, article.url, article.date, article.summary, article.keyPoints])).digest("hex");
}

type SubscriptionRecord = Pick<SubscriptionsTable, "guild_id" | "channel_id" | "digest_time" | "since_seq"> & {
  id: number; include_terms: string; exclude_terms: string; paused_reason: string | null; last_digest_date: string | null; last_overflow_at: number | null; created_at: number;
};

function toSubscription(record: SubscriptionRecord): Subscription {
  return {
    id: record.id, guildId: record.guild_id, channelId: record.channel_id,
    include: JSON.parse(record.include_terms) as string[], exclude: JSON.parse(record.exclude_terms) as string[],
    digestTime: record.digest_time, sinceSeq: record.since_seq, pausedReason: record.paused_reason,
    lastDigestDate: record.last_digest_date, lastOverflowAt: record.last_overflow_at, createdAt: record.created_at,
  };
}

const SUBSCRIPTION_COLUMNS = ["id", "guild_id", "channel_id", "include_terms", "exclude_terms", "digest_time", "since_seq", "paused_reason", "last_digest_date", "last_overflow_at", "created_at"] as const;

export interface StoreOptions {
  engine: Engine;
  now?: () => number;
  /** Keep each article's text in the database, for processes that do not read the corpus folder (default: on PostgreSQL). */
  keepArticleText?: boolean;
}

/**
 * Subscriptions, accepted articles, the delivery outbox and the channel leases, on SQLite or PostgreSQL
 * through one set of queries. Every change that must hold together is one transaction.
 */
export class DeliveryStore {
  readonly engine: Engine;
  private readonly now: () => number;
  private readonly keepArticleText: boolean;

  constructor(readonly db: Executor, options: StoreOptions) {
    this.engine = options.engine;
    this.now = options.now ?? Date.now;
    this.keepArticleText = options.keepArticleText ?? options.engine === "postgres";
  }

  /** The same store inside a transaction (or the one already open): every call through it is part of it. */
  transaction<T>(work: (store: DeliveryStore) => Promise<T>): Promise<T> {
    return inTransaction(this.db, (trx) => work(this.bound(trx)));
  }

  private bound(db: Executor): DeliveryStore {
    return db === this.db ? this : new DeliveryStore(db, { engine: this.engine, now: this.now, keepArticleText: this.keepArticleText });
  }

  /**
   * Records an article as accepted and, in the same transaction, queues its delivery: a post (or digest
   * entry) for every subscription it passes that subscribed before it arrived, or an edit of every post
   * already made when its content changed. Other processes hear of it (PostgreSQL NOTIFY) on commit.
   */
  acceptArticle(article: Article): Promise<"new" | "changed" | "unchanged"> {
    return this.transaction(async (store) => {
      const { db } = store;
      await store.lockArticles();
      const now = this.now();
      const hash = contentHash(article);
      const text = this.keepArticleText ? JSON.stringify(article) : null;
      const known = await db.selectFrom("articles").select(["seq", "content_hash", "removed", sql<number>`CASE WHEN article IS NULL THEN 1 ELSE 0 END`.as("textMissing")]).where("id", "=", article.id).executeTakeFirst();
      if (!known) {
        const seq = (await store.maxSeq()) + 1;
        const version = await store.nextVersion();
        await db.insertInto("articles").values({ id: article.id, seq, content_hash: hash, accepted_at: now, updated_at: now, version, article: text }).execute();
        for (const subscription of await store.subscriptions()) {
          if (subscription.sinceSeq < seq && visibleIn(article, subscription.guildId) && passes(article, subscription)) await store.queue(subscription, article.id, now);
        }
        await store.notify(version);
        return "new";
      }
      if (known.content_hash === hash && !known.removed) {
        // Taken before the database kept article text (a database moved from SQLite): the text is added for the other processes.
        if (text !== null && Number(known.textMissing) === 1) {
          const version = await store.nextVersion();
          await db.updateTable("articles").set({ article: text, version }).where("id", "=", article.id).execute();
          await store.notify(version);
        }
        return "unchanged";
      }
      const version = await store.nextVersion();
      await db.updateTable("articles").set({ content_hash: hash, removed: 0, updated_at: now, version, article: text }).where("id", "=", article.id).execute();
      const posted = await db.selectFrom("outbox").select("subscription_id").where("article_id", "=", article.id).where("action", "=", "post").where("state", "=", "sent").where("message_id", "is not", null).execute();
      for (const { subscription_id } of posted) await store.insertEdit(subscription_id, article.id, nonceFor("edit", subscription_id, article.id, hash), now);
      await store.notify(version);
      return "changed";
    });
  }

  /**
   * Accepts many articles in one transaction (the corpus at start-up): what became new, changed or stayed.
   * Articles in `taken` are known to be as this database last took them (see Delivery.reconcile): when
   * they are on record, their content is not hashed again.
   */
  async acceptArticles(articles: Article[], taken: ReadonlySet<string> = new Set()): Promise<Record<"new" | "changed" | "unchanged", number>> {
    const counts = { new: 0, changed: 0, unchanged: 0 };
    // Most of a corpus is unchanged since the last start: one read tells which, without a query each.
    const rows = await this.db.selectFrom("articles").select(["id", "content_hash", "removed", "article"]).execute();
    const known = new Map(rows.map((row) => [row.id, row]));
    const waiting = articles.filter((article) => {
      const row = known.get(article.id);
      // An article written before the database kept article text is written again when it must be kept.
      const complete = row !== undefined && !row.removed && (!this.keepArticleText || row.article !== null);
      if (complete && (taken.has(article.id) || row.content_hash === contentHash(article))) {
        counts.unchanged++;
        return false;
      }
      return true;
    });
    if (waiting.length === 0) return counts;
    await this.transaction(async (store) => {
      const fresh = [...new Map(waiting.filter((article) => !known.has(article.id)).map((article) => [article.id, article])).values()];
      counts.new += await store.insertNew(fresh);
      for (const article of waiting) if (known.has(article.id)) counts[await store.acceptArticle(article)]++;
    });
    return counts;
  }

  /**
   * Articles the database has never seen, accepted together (a first start on a large corpus): rows and
   * deliveries written in batches, one notification. The same outcome as accepting them one by one.
   */
  private async insertNew(articles: Article[]): Promise<number> {
    if (articles.length === 0) return 0;
    await this.lockArticles();
    const now = this.now();
    let seq = await this.maxSeq();
    let version = await this.latestVersion();
    const subscriptions = await this.subscriptions();
    const rows = articles.map((article) => ({
      id: article.id, seq: ++seq, content_hash: contentHash(article), accepted_at: now, updated_at: now, version: ++version,
      article: this.keepArticleText ? JSON.stringify(article) : null,
    }));
    const deliveries = articles.flatMap((article, i) => subscriptions
      .filter((subscription) => subscription.sinceSeq < rows[i]!.seq && visibleIn(article, subscription.guildId) && passes(article, subscription))
      .map((subscription) => {
        const action = subscription.digestTime ? ("digest" as const) : ("post" as const);
        return { subscription_id: subscription.id, article_id: article.id, action, nonce: nonceFor(action, subscription.id, article.id), created_at: now, next_attempt_at: action === "digest" ? NOT_DUE : 0 };
      }));
    for (let i = 0; i < rows.length; i += BATCH) await this.db.insertInto("articles").values(rows.slice(i, i + BATCH)).execute();
    for (let i = 0; i < deliveries.length; i += BATCH) await this.db.insertInto("outbox").values(deliveries.slice(i, i + BATCH)).onConflict((oc) => oc.doNothing()).execute();
    await this.notify(version);
    return rows.length;
  }

  async meta(key: string): Promise<string | null> {
    return (await this.db.selectFrom("meta").select("value").where("key", "=", key).executeTakeFirst())?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.db.insertInto("meta").values({ key, value }).onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute();
  }

  /** Queues an edit of a post already made (its article changed while the post was on its way). */
  async queueEdit(subscriptionId: number, article: Article): Promise<void> {
    await this.insertEdit(subscriptionId, article.id, nonceFor("edit", subscriptionId, article.id, contentHash(article)), this.now());
  }

  /** Marks an article as gone; deliveries not yet made are dropped when their turn comes. */
  removeArticle(id: string): Promise<void> {
    return this.transaction(async (store) => {
      await store.lockArticles();
      const version = await store.nextVersion();
      const result = await store.db.updateTable("articles").set({ removed: 1, updated_at: this.now(), version, article: null }).where("id", "=", id).where("removed", "=", 0).executeTakeFirst();
      if (result.numUpdatedRows > 0n) await store.notify(version);
    });
  }

  /**
   * Whether an accepted article is still live: another process may have accepted it before this one's index
   * holds it (its own copy of the folder, or the database's, arrives a moment later). False when removed or unknown.
   */
  async isLive(id: string): Promise<boolean> {
    const row = await this.db.selectFrom("articles").select("removed").where("id", "=", id).executeTakeFirst();
    return row !== undefined && !row.removed;
  }

  /** Ids of the articles accepted and not removed (to reconcile with the corpus at start-up). */
  async articleIds(): Promise<string[]> {
    return (await this.db.selectFrom("articles").select("id").where("removed", "=", 0).execute()).map((row) => row.id);
  }

  /** The newest article version recorded (0 when none). */
  async latestVersion(): Promise<number> {
    const row = await this.db.selectFrom("articles").select((eb) => eb.fn.max("version").as("v")).executeTakeFirst();
    return Number(row?.v ?? 0);
  }

  /**
   * Articles changed after `version`, oldest change first: what a process that last saw `version` must
   * apply to its index. `withText: false` leaves the article text out (to compare hashes first).
   */
  async changesSince(version: number, options: { withText?: boolean; ids?: string[] } = {}): Promise<ArticleChange[]> {
    let query = this.db.selectFrom("articles").select(["id", "version", "removed", "content_hash"]).where("version", ">", version);
    if (options.ids) {
      if (options.ids.length === 0) return [];
      query = query.where("id", "in", options.ids);
    }
    const rows = await (options.withText === false ? query : query.select("article")).orderBy("version").execute();
    return rows.map((row) => {
      const text = (row as { article?: string | null }).article;
      return { id: row.id, version: Number(row.version), removed: Boolean(row.removed), contentHash: row.content_hash, article: text ? (JSON.parse(text) as Article) : null };
    });
  }

  /**
   * Creates or updates the channel's subscription (updating also resumes a paused one). A new subscription
   * counts every article already accepted as seen, except `backfill`, which is queued now.
   */
  subscribe(input: { guildId: string; channelId: string; filters: Filters; digestTime: string | null; createdBy: string; backfill?: Article[] }): Promise<{ subscription: Subscription; created: boolean }> {
    return this.transaction(async (store) => {
      const { db } = store;
      await store.lockArticles();
      const now = this.now();
      const existing = await store.byChannel(input.channelId);
      const filters = { include_terms: JSON.stringify(input.filters.include), exclude_terms: JSON.stringify(input.filters.exclude), digest_time: input.digestTime };
      if (existing) {
        await db.updateTable("subscriptions").set({ ...filters, paused_reason: null, paused_at: null, updated_at: now }).where("id", "=", existing.id).execute();
        // Switching between a daily digest and one post per article carries the waiting articles over.
        if (input.digestTime && !existing.digestTime) {
          await db.updateTable("outbox").set({ action: "digest", next_attempt_at: NOT_DUE }).where("subscription_id", "=", existing.id).where("action", "=", "post").where("state", "=", "pending").execute();
        } else if (!input.digestTime && existing.digestTime) {
          await db.updateTable("outbox").set({ action: "post", next_attempt_at: 0 }).where("subscription_id", "=", existing.id).where("action", "=", "digest").where("state", "=", "pending").execute();
        }
      } else {
        await db.insertInto("subscriptions").values({ guild_id: input.guildId, channel_id: input.channelId, ...filters, since_seq: await store.maxSeq(), created_by: input.createdBy, created_at: now, updated_at: now }).execute();
      }
      const subscription = (await store.byChannel(input.channelId))!;
      for (const article of input.backfill ?? []) await store.queue(subscription, article.id, now);
      return { subscription, created: !existing };
    });
  }

  async unsubscribe(guildId: string, channelId: string): Promise<boolean> {
    const result = await this.db.deleteFrom("subscriptions").where("guild_id", "=", guildId).where("channel_id", "=", channelId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async byChannel(channelId: string): Promise<Subscription | null> {
    const record = await this.db.selectFrom("subscriptions").select(SUBSCRIPTION_COLUMNS).where("channel_id", "=", channelId).executeTakeFirst();
    return record ? toSubscription(record) : null;
  }

  async byId(id: number): Promise<Subscription | null> {
    const record = await this.db.selectFrom("subscriptions").select(SUBSCRIPTION_COLUMNS).where("id", "=", id).executeTakeFirst();
    return record ? toSubscription(record) : null;
  }

  async subscriptions(guildId?: string): Promise<Subscription[]> {
    let query = this.db.selectFrom("subscriptions").select(SUBSCRIPTION_COLUMNS).orderBy("id");
    if (guildId) query = query.where("guild_id", "=", guildId);
    return (await query.execute()).map(toSubscription);
  }

  /** Resolves when the database answers a query (the health check), rejects otherwise. */
  async ping(): Promise<void> {
    await sql`SELECT 1`.execute(this.db);
  }

  /** Deliveries waiting, over every subscription (for the metrics). */
  async pendingCount(): Promise<number> {
    const row = await this.db.selectFrom("outbox").select((eb) => eb.fn.countAll().as("n")).where("state", "=", "pending").executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Deliveries made and waiting for a subscription, and when it last posted. */
  async stats(subscriptionId: number): Promise<{ pending: number; sent: number; lastSentAt: number | null }> {
    const row = await this.db.selectFrom("outbox")
      .select([
        sql<number>`COALESCE(SUM(CASE WHEN state = 'pending' THEN 1 ELSE 0 END), 0)`.as("pending"),
        sql<number>`COALESCE(SUM(CASE WHEN state IN ('sent', 'folded') AND action != 'edit' THEN 1 ELSE 0 END), 0)`.as("sent"),
        (eb) => eb.fn.max("sent_at").as("lastSentAt"),
      ])
      .where("subscription_id", "=", subscriptionId).executeTakeFirstOrThrow();
    return { pending: Number(row.pending), sent: Number(row.sent), lastSentAt: row.lastSentAt === null ? null : Number(row.lastSentAt) };
  }

  async pause(subscriptionId: number, reason: string): Promise<void> {
    await this.db.updateTable("subscriptions").set({ paused_reason: reason, paused_at: this.now(), updated_at: this.now() }).where("id", "=", subscriptionId).execute();
  }

  /**
   * Posts and edits due now, oldest first, for subscriptions that are not paused and whose channel no other
   * process is draining (`owner` names this one). A row waiting behind an earlier one of the same channel
   * that is waiting to be retried is not due: a channel's posts keep order.
   */
  async due(options: { limit?: number; owner?: string; subscriptionId?: number } = {}): Promise<OutboxRow[]> {
    const now = this.now();
    let query = this.db.selectFrom("outbox as o").innerJoin("subscriptions as s", "s.id", "o.subscription_id")
      .select(["o.id", "o.subscription_id as subscriptionId", "o.article_id as articleId", "o.action", "o.nonce", "o.attempts", "s.channel_id as channelId"])
      .where("o.state", "=", "pending").where("o.next_attempt_at", "<=", now).where("s.paused_reason", "is", null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom("outbox as p").select("p.id")
        .whereRef("p.subscription_id", "=", "o.subscription_id").where("p.state", "=", "pending").where("p.action", "!=", "digest")
        .whereRef("p.id", "<", "o.id").where("p.next_attempt_at", ">", now))));
    if (options.owner !== undefined) {
      const owner = options.owner;
      query = query.where(({ not, exists, selectFrom }) => not(exists(selectFrom("channel_leases as l").select("l.subscription_id")
        .whereRef("l.subscription_id", "=", "o.subscription_id").where("l.owner", "!=", owner).where("l.expires_at", ">=", now))));
    }
    if (options.subscriptionId !== undefined) query = query.where("o.subscription_id", "=", options.subscriptionId);
    return query.orderBy("o.id").limit(options.limit ?? 500).execute() as Promise<OutboxRow[]>;
  }

  /** When the next delivery falls due (for the sender's timer), or null when nothing waits. */
  async nextDueAt(): Promise<number | null> {
    const row = await this.db.selectFrom("outbox as o").innerJoin("subscriptions as s", "s.id", "o.subscription_id")
      .select((eb) => eb.fn.min("o.next_attempt_at").as("at"))
      .where("o.state", "=", "pending").where("s.paused_reason", "is", null).where("o.next_attempt_at", "<", NOT_DUE).executeTakeFirst();
    return row?.at === null || row?.at === undefined ? null : Number(row.at);
  }

  /**
   * Claims (or renews) the right to drain a subscription's channel until `ttlMs` from now: granted when no
   * other process holds it or its holder let it expire (a process that dies loses its channels so).
   * One atomic upsert, the same on both engines; true when `owner` holds the lease afterwards.
   */
  async claimChannel(subscriptionId: number, owner: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const row = await this.db.insertInto("channel_leases").values({ subscription_id: subscriptionId, owner, expires_at: now + ttlMs })
      .onConflict((oc) => oc.column("subscription_id")
        .doUpdateSet({ owner, expires_at: now + ttlMs })
        .where((eb) => eb.or([eb("channel_leases.owner", "=", owner), eb("channel_leases.expires_at", "<", now)])))
      .returning("owner").executeTakeFirst();
    return row?.owner === owner;
  }

  /** Gives a channel back, so whichever process is free next drains it. */
  async releaseChannel(subscriptionId: number, owner: string): Promise<void> {
    await this.db.deleteFrom("channel_leases").where("subscription_id", "=", subscriptionId).where("owner", "=", owner).execute();
  }

  /** The message a post became, for editing it. */
  async postedMessage(subscriptionId: number, articleId: string): Promise<string | null> {
    const row = await this.db.selectFrom("outbox").select("message_id").where("subscription_id", "=", subscriptionId).where("article_id", "=", articleId)
      .where("action", "=", "post").where("state", "=", "sent").executeTakeFirst();
    return row?.message_id ?? null;
  }

  async markSent(rowIds: number[], messageId: string, state: "sent" | "folded" = "sent"): Promise<void> {
    if (rowIds.length === 0) return;
    await this.db.updateTable("outbox").set({ state, message_id: messageId, sent_at: this.now(), last_error: null }).where("id", "in", rowIds).execute();
  }

  async drop(rowId: number, reason: string): Promise<void> {
    await this.db.updateTable("outbox").set({ state: "dropped", last_error: reason }).where("id", "=", rowId).execute();
  }

  async retryLater(rowIds: number[], error: string | null, at: number, countAttempt = true): Promise<void> {
    if (rowIds.length === 0) return;
    await this.db.updateTable("outbox")
      .set((eb) => ({ attempts: eb("attempts", "+", countAttempt ? 1 : 0), last_error: error === null ? eb.ref("last_error") : eb.val(error), next_attempt_at: at }))
      .where("id", "in", rowIds).execute();
  }

  /** Posts made to a subscription's channel since a time: what the hourly cap counts. */
  async postsSince(subscriptionId: number, since: number): Promise<number> {
    const row = await this.db.selectFrom("outbox").select((eb) => eb.fn.countAll().as("n"))
      .where("subscription_id", "=", subscriptionId).where("action", "=", "post").where("state", "=", "sent").where("sent_at", ">=", since).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async setOverflowAt(subscriptionId: number, at: number): Promise<void> {
    await this.db.updateTable("subscriptions").set({ last_overflow_at: at }).where("id", "=", subscriptionId).execute();
  }

  /** Articles held for a subscription's next digest. */
  async digestRows(subscriptionId: number): Promise<Array<{ id: number; articleId: string; attempts: number }>> {
    return this.db.selectFrom("outbox").select(["id", "article_id as articleId", "attempts"])
      .where("subscription_id", "=", subscriptionId).where("action", "=", "digest").where("state", "=", "pending").orderBy("id").execute();
  }

  async setDigestDate(subscriptionId: number, date: string): Promise<void> {
    await this.db.updateTable("subscriptions").set({ last_digest_date: date }).where("id", "=", subscriptionId).execute();
  }

  private async queue(subscription: Subscription, articleId: string, now: number): Promise<void> {
    const action = subscription.digestTime ? "digest" : "post";
    await this.db.insertInto("outbox")
      .values({ subscription_id: subscription.id, article_id: articleId, action, nonce: nonceFor(action, subscription.id, articleId), created_at: now, next_attempt_at: action === "digest" ? NOT_DUE : 0 })
      .onConflict((oc) => oc.doNothing()).execute();
  }

  private async insertEdit(subscriptionId: number, articleId: string, nonce: string, now: number): Promise<void> {
    await this.db.insertInto("outbox").values({ subscription_id: subscriptionId, article_id: articleId, action: "edit", nonce, created_at: now })
      .onConflict((oc) => oc.doNothing()).execute();
  }

  /** On PostgreSQL, serialises article acceptance and subscribing across processes until the transaction ends. */
  private async lockArticles(): Promise<void> {
    if (this.engine === "postgres") await sql`SELECT pg_advisory_xact_lock(${ARTICLES_LOCK})`.execute(this.db);
  }

  /** Tells the other processes (on commit) that articles changed up to `version`. */
  private async notify(version: number): Promise<void> {
    if (this.engine === "postgres") await sql`SELECT pg_notify(${ARTICLES_CHANNEL}, ${String(version)})`.execute(this.db);
  }

  private async maxSeq(): Promise<number> {
    const row = await this.db.selectFrom("articles").select((eb) => eb.fn.max("seq").as("seq")).executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  private async nextVersion(): Promise<number> {
    return (await this.latestVersion()) + 1;
  }
}

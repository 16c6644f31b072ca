import type { Article } from "../articles/article.js";
import type { Logger } from "../logger.js";
import { renderDigest, renderOverflow, renderPost } from "../render/post.js";
import { NOT_DUE, nonceFor, type DeliveryStore, type OutboxRow, type Subscription } from "./store.js";
import { DeliveryError, type DeliveryTarget } from "./target.js";

export interface SenderOptions {
  store: DeliveryStore;
  target: DeliveryTarget;
  /** The live article for an id (deliveries render the current text), or undefined when it is gone. */
  article: (id: string) => Article | undefined;
  logger: Logger;
  now?: () => number;
  /** Posts per channel per hour before the rest of a burst is folded into one message (default 20). */
  postsPerHour?: number;
  /** Least time between two "…and N more" messages in a channel (default 10 minutes). */
  overflowGapMs?: number;
  /** How often digests are checked (default 30 s). */
  digestCheckMs?: number;
  /** Channels served at once (default 8); each channel's own posts go one after another, in order. */
  concurrency?: number;
  /**
   * This process's name in channel leases. Several processes posting from one database each drain a
   * channel only while they hold its lease, so its posts stay in order and are made once.
   */
  owner?: string;
  /** How long a channel's lease lasts unless renewed (default 20 s): a dead process's channels are taken over after it. */
  leaseMs?: number;
  /** How often to look for work other processes queued or left behind (default: only when woken, and with digests). */
  pollMs?: number;
}

/** A channel's lease lasts this long unless renewed; with a poll every 5 s, a dead process's channels move within 25 s. */
export const DEFAULT_LEASE_MS = 20_000;

export const DEFAULT_POSTS_PER_HOUR = 20;
const HOUR = 3_600_000;

/** Retry delay after the nth failure: 2 s, 4 s, 8 s ... up to 5 minutes. */
/** How soon a delivery is tried again when its article, accepted by another process, is not in this index yet. */
export const NOT_LOADED_RETRY_MS = 1_000;
/** ... at most this many times: an article this process can never load does not hold its channel up for good. */
export const NOT_LOADED_TRIES = 30;

export function backoffMs(attempts: number): number {
  return Math.min(300_000, 2_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Drains the outbox: posts, edits and digests, in order per channel, through the target (discord.js and
 * its rate-limit handling; no sleeps of our own). It runs beside the bot and never blocks its answers.
 */
export class Sender {
  private readonly now: () => number;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private digestTimer: NodeJS.Timeout | null = null;
  private stopped = true;
  private readonly owner: string;
  private readonly leaseMs: number;

  constructor(private readonly options: SenderOptions) {
    this.now = options.now ?? Date.now;
    this.owner = options.owner ?? `sender-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  start(): void {
    this.stopped = false;
    this.digestTimer = setInterval(() => this.wake(), Math.min(this.options.digestCheckMs ?? 30_000, this.options.pollMs ?? Infinity));
    this.digestTimer.unref();
    this.wake();
  }

  /** Stops taking new work and waits for the pass in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.digestTimer) clearInterval(this.digestTimer);
    await this.running;
  }

  /** Something was queued: drain soon (a pass in progress runs again when it ends). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.wake();
      } else this.scheduleNext();
    });
  }

  /** Resolves once nothing is due (for tests and the benchmark). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.options.store.nextDueAt().then((at) => {
      if (at === null || this.stopped) return;
      if (this.timer) clearTimeout(this.timer);
      // Work held by another process's lease is looked at again when the poll comes round, not at once.
      const wait = Math.max(at <= this.now() && this.options.pollMs ? this.options.pollMs : 10, at - this.now());
      this.timer = setTimeout(() => this.wake(), Math.min(wait, 2 ** 31 - 1));
      this.timer.unref();
    }, (error: unknown) => this.options.logger.error({ err: error }, "could not read when the next delivery is due"));
  }

  private async drain(): Promise<void> {
    try {
      await this.sendDigests();
      let previous = "";
      for (let rows = await this.dueRows(); rows.length > 0 && !this.stopped; rows = await this.dueRows()) {
        const ids = rows.map((row) => row.id).join(",");
        if (ids === previous) break; // no progress (the store itself failing): the timer tries again
        previous = ids;
        const queues = [...new Set(rows.map((row) => row.subscriptionId))];
        // Processes sharing the database start on different channels, so a burst spreads over all of them.
        shuffle(queues);
        const workers = Array.from({ length: Math.min(this.options.concurrency ?? 8, queues.length) }, async () => {
          for (let queue = queues.shift(); queue !== undefined; queue = queues.shift()) await this.drainChannel(queue);
        });
        await Promise.all(workers);
      }
    } catch (error) {
      this.options.logger.error({ err: error }, "delivery pass failed");
    }
  }

  private dueRows(): Promise<OutboxRow[]> {
    return this.options.store.due({ owner: this.owner });
  }

  /**
   * One channel's deliveries, oldest first, while this process holds the channel's lease (renewed before
   * each post); stops at the first failure so order holds, and gives the channel back when done.
   */
  private async drainChannel(subscriptionId: number): Promise<void> {
    const { store } = this.options;
    if (!(await store.claimChannel(subscriptionId, this.owner, this.leaseMs))) return;
    try {
      // Read after claiming: another process may have sent some of them since the pass began.
      const rows = await store.due({ owner: this.owner, subscriptionId });
      const subscription = await store.byId(subscriptionId);
      if (!subscription) return;
      for (const row of rows) {
        if (this.stopped || !(await store.claimChannel(subscriptionId, this.owner, this.leaseMs))) return;
        try {
          const more = row.action === "edit" ? await this.edit(row) : await this.post(row, subscription, rows);
          if (more === "stop") return;
        } catch (error) {
          if ((await this.fail(error, row, subscription)) === "stop") return;
        }
      }
    } finally {
      await store.releaseChannel(subscriptionId, this.owner);
    }
  }

  private async post(row: OutboxRow, subscription: Subscription, batch: OutboxRow[]): Promise<"next" | "stop"> {
    const article = this.options.article(row.articleId);
    if (!article) return this.missing(row);
    const cap = this.options.postsPerHour ?? DEFAULT_POSTS_PER_HOUR;
    if ((await this.options.store.postsSince(subscription.id, this.now() - HOUR)) >= cap) return this.overflow(subscription, batch.filter((r) => r.action === "post" && r.id >= row.id));
    const messageId = await this.options.target.post(subscription.channelId, renderPost(article), row.nonce);
    await this.options.store.markSent([row.id], messageId);
    const now = this.options.article(row.articleId);
    if (now && now !== article) await this.options.store.queueEdit(subscription.id, now); // changed while the post was on its way
    this.options.logger.info({ channelId: subscription.channelId, articleId: row.articleId, messageId }, "posted");
    return "next";
  }

  /**
   * A delivery whose article this process's index does not hold: dropped when the article was removed; when
   * another process accepted it a moment ago and this index has yet to load it, tried again shortly (the
   * channel waits, so order holds) rather than lost.
   */
  private async missing(row: OutboxRow): Promise<"next" | "stop"> {
    if (await this.dropUnless(row)) return "next";
    await this.options.store.retryLater([row.id], "article not loaded here yet", this.now() + NOT_LOADED_RETRY_MS);
    return "stop";
  }

  /**
   * Drops a delivery whose article is missing here when it was removed, or never loaded after
   * NOT_LOADED_TRIES tries; false (kept) when the article is live and may still arrive.
   */
  private async dropUnless(row: Pick<OutboxRow, "id" | "articleId" | "attempts">): Promise<boolean> {
    const live = await this.options.store.isLive(row.articleId);
    if (live && row.attempts < NOT_LOADED_TRIES) return false;
    await this.options.store.drop(row.id, live ? "article never loaded in this process" : "article removed from the corpus");
    return true;
  }

  /** Rows split into those whose article this index holds and those worth waiting for; the rest are dropped. */
  private async loaded<Row extends Pick<OutboxRow, "id" | "articleId" | "attempts">>(rows: Row[]): Promise<{ ready: Array<{ row: Row; article: Article }>; waiting: Row[] }> {
    const ready: Array<{ row: Row; article: Article }> = [];
    const waiting: Row[] = [];
    for (const row of rows) {
      const article = this.options.article(row.articleId);
      if (article) ready.push({ row, article });
      else if (!(await this.dropUnless(row))) waiting.push(row);
    }
    return { ready, waiting };
  }

  /** Past the hourly cap, the rest of a burst becomes one "…and N more" message, at most one per gap. */
  private async overflow(subscription: Subscription, rows: OutboxRow[]): Promise<"stop"> {
    const gap = this.options.overflowGapMs ?? 10 * 60_000;
    const fresh = (await this.options.store.byId(subscription.id)) ?? subscription;
    if (fresh.lastOverflowAt !== null && this.now() - fresh.lastOverflowAt < gap) {
      await this.options.store.retryLater(rows.map((r) => r.id), null, fresh.lastOverflowAt + gap, false);
      return "stop";
    }
    const { ready, waiting } = await this.loaded(rows);
    if (waiting.length > 0) {
      // Folded together or not at all: the message counts them, so it waits for the ones still on their way.
      await this.options.store.retryLater(waiting.map((r) => r.id), "article not loaded here yet", this.now() + NOT_LOADED_RETRY_MS);
      await this.options.store.retryLater(ready.map(({ row }) => row.id), null, this.now() + NOT_LOADED_RETRY_MS, false);
      return "stop";
    }
    if (ready.length === 0) return "stop";
    const messageId = await this.options.target.post(subscription.channelId, renderOverflow(ready.map(({ article }) => article)), nonceFor("overflow", subscription.id, ready[0]!.row.id));
    await this.options.store.markSent(ready.map(({ row }) => row.id), messageId, "folded");
    await this.options.store.setOverflowAt(subscription.id, this.now());
    this.options.logger.info({ channelId: subscription.channelId, folded: ready.length, messageId }, "folded a burst into one message");
    return "stop";
  }

  private async edit(row: OutboxRow): Promise<"next" | "stop"> {
    const article = this.options.article(row.articleId);
    if (!article) return this.missing(row);
    const messageId = await this.options.store.postedMessage(row.subscriptionId, row.articleId);
    if (!messageId) {
      await this.options.store.drop(row.id, "nothing was posted to edit");
      return "next";
    }
    await this.options.target.edit(row.channelId, messageId, renderPost(article));
    await this.options.store.markSent([row.id], messageId);
    this.options.logger.info({ channelId: row.channelId, articleId: row.articleId, messageId }, "edited a post");
    return "next";
  }

  /** Posts each digest whose time has come today, once (under the channel's lease, so once across processes). */
  private async sendDigests(): Promise<void> {
    const now = new Date(this.now());
    const today = now.toISOString().slice(0, 10);
    const minutes = now.getUTCHours() * 60 + now.getUTCMinutes();
    const isDue = (subscription: Subscription) => {
      if (!subscription.digestTime || subscription.pausedReason || subscription.lastDigestDate === today) return false;
      const [hours, mins] = subscription.digestTime.split(":").map(Number);
      return minutes >= hours! * 60 + mins!;
    };
    const { store } = this.options;
    for (const candidate of (await store.subscriptions()).filter(isDue)) {
      if (!(await store.claimChannel(candidate.id, this.owner, this.leaseMs))) continue;
      try {
        const subscription = await store.byId(candidate.id);
        if (!subscription || !isDue(subscription)) continue; // another process sent it meanwhile
        const { ready, waiting } = await this.loaded(await store.digestRows(subscription.id));
        if (waiting.length > 0) {
          // Another process accepted an article this index has yet to load: the digest waits for the next check.
          await store.retryLater(waiting.map((r) => r.id), "article not loaded here yet", NOT_DUE);
          continue;
        }
        try {
          if (ready.length > 0) {
            const messageId = await this.options.target.post(subscription.channelId, renderDigest(today, ready.map(({ article }) => article)), nonceFor("digest", subscription.id, today));
            await store.markSent(ready.map(({ row }) => row.id), messageId);
            this.options.logger.info({ channelId: subscription.channelId, articles: ready.length, messageId }, "posted a digest");
          }
          await store.setDigestDate(subscription.id, today);
        } catch (error) {
          await this.fail(error, null, subscription);
        }
      } finally {
        await store.releaseChannel(candidate.id, this.owner);
      }
    }
  }

  /** Acts on a failed delivery: pause the subscription, drop the row, or retry it later. */
  private async fail(error: unknown, row: OutboxRow | null, subscription: Subscription): Promise<"next" | "stop"> {
    const failure = error instanceof DeliveryError ? error.failure : "transient";
    const message = error instanceof Error ? error.message : String(error);
    const log = { channelId: subscription.channelId, articleId: row?.articleId, failure, err: error };
    if (failure === "forbidden" || failure === "missing-channel") {
      const reason = failure === "forbidden" ? `Newsdesk lacks permission to post there (${message})` : `the channel no longer exists (${message})`;
      await this.options.store.pause(subscription.id, reason);
      this.options.logger.warn(log, "paused a subscription");
      return "stop";
    }
    if (failure === "missing-message" && row) {
      await this.options.store.drop(row.id, "the posted message was deleted");
      return "next";
    }
    if (failure === "rejected" && row) {
      // Retrying the same message would fail the same way and hold up the channel behind it.
      await this.options.store.drop(row.id, `Discord refused the message: ${message}`);
      this.options.logger.error(log, "Discord refused a post; dropped it");
      return "next";
    }
    if (row) await this.options.store.retryLater([row.id], message, this.now() + backoffMs(row.attempts + 1));
    this.options.logger.warn(log, "delivery failed; will retry");
    return "stop";
  }
}

/** Fisher-Yates, in place. */
function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

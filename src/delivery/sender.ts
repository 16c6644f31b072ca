import type { Article } from "../articles/article.js";
import type { Logger } from "../logger.js";
import { renderDigest, renderOverflow, renderPost } from "../render/post.js";
import { nonceFor, type DeliveryStore, type OutboxRow, type Subscription } from "./store.js";
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
}

export const DEFAULT_POSTS_PER_HOUR = 20;
const HOUR = 3_600_000;

/** Retry delay after the nth failure: 2 s, 4 s, 8 s ... up to 5 minutes. */
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

  constructor(private readonly options: SenderOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.stopped = false;
    this.digestTimer = setInterval(() => this.wake(), this.options.digestCheckMs ?? 30_000);
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
    const at = this.options.store.nextDueAt();
    if (at === null) return;
    this.timer = setTimeout(() => this.wake(), Math.max(10, Math.min(at - this.now(), 2 ** 31 - 1)));
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    try {
      await this.sendDigests();
      let previous = "";
      for (let rows = this.options.store.due(); rows.length > 0 && !this.stopped; rows = this.options.store.due()) {
        const ids = rows.map((row) => row.id).join(",");
        if (ids === previous) break; // no progress (the store itself failing): the timer tries again
        previous = ids;
        const bySubscription = new Map<number, OutboxRow[]>();
        for (const row of rows) bySubscription.set(row.subscriptionId, [...(bySubscription.get(row.subscriptionId) ?? []), row]);
        const queues = [...bySubscription.values()];
        const workers = Array.from({ length: Math.min(this.options.concurrency ?? 8, queues.length) }, async () => {
          for (let queue = queues.shift(); queue; queue = queues.shift()) await this.deliverInOrder(queue);
        });
        await Promise.all(workers);
      }
    } catch (error) {
      this.options.logger.error({ err: error }, "delivery pass failed");
    }
  }

  /** One channel's deliveries, oldest first; stops at the first failure so order holds. */
  private async deliverInOrder(rows: OutboxRow[]): Promise<void> {
    const subscription = this.options.store.subscriptions().find((s) => s.id === rows[0]!.subscriptionId);
    if (!subscription) return;
    for (const row of rows) {
      if (this.stopped) return;
      try {
        const more = row.action === "edit" ? await this.edit(row) : await this.post(row, subscription, rows);
        if (more === "stop") return;
      } catch (error) {
        if (this.fail(error, row, subscription) === "stop") return;
      }
    }
  }

  private async post(row: OutboxRow, subscription: Subscription, batch: OutboxRow[]): Promise<"next" | "stop"> {
    const article = this.options.article(row.articleId);
    if (!article) {
      this.options.store.drop(row.id, "article removed from the corpus");
      return "next";
    }
    const cap = this.options.postsPerHour ?? DEFAULT_POSTS_PER_HOUR;
    if (this.options.store.postsSince(subscription.id, this.now() - HOUR) >= cap) return this.overflow(subscription, batch.filter((r) => r.action === "post" && r.id >= row.id));
    const messageId = await this.options.target.post(subscription.channelId, renderPost(article), row.nonce);
    this.options.store.markSent([row.id], messageId);
    const now = this.options.article(row.articleId);
    if (now && now !== article) this.options.store.queueEdit(subscription.id, now); // changed while the post was on its way
    this.options.logger.info({ channelId: subscription.channelId, articleId: row.articleId, messageId }, "posted");
    return "next";
  }

  /** Past the hourly cap, the rest of a burst becomes one "…and N more" message, at most one per gap. */
  private async overflow(subscription: Subscription, rows: OutboxRow[]): Promise<"stop"> {
    const gap = this.options.overflowGapMs ?? 10 * 60_000;
    const fresh = this.options.store.subscriptions().find((s) => s.id === subscription.id) ?? subscription;
    if (fresh.lastOverflowAt !== null && this.now() - fresh.lastOverflowAt < gap) {
      this.options.store.retryLater(rows.map((r) => r.id), null, fresh.lastOverflowAt + gap, false);
      return "stop";
    }
    const articles = rows.map((r) => this.options.article(r.articleId)).filter((a): a is Article => a !== undefined);
    const messageId = await this.options.target.post(subscription.channelId, renderOverflow(articles), nonceFor("overflow", subscription.id, rows[0]!.id));
    this.options.store.markSent(rows.map((r) => r.id), messageId, "folded");
    this.options.store.setOverflowAt(subscription.id, this.now());
    this.options.logger.info({ channelId: subscription.channelId, folded: rows.length, messageId }, "folded a burst into one message");
    return "stop";
  }

  private async edit(row: OutboxRow): Promise<"next"> {
    const article = this.options.article(row.articleId);
    const messageId = this.options.store.postedMessage(row.subscriptionId, row.articleId);
    if (!article || !messageId) {
      this.options.store.drop(row.id, article ? "nothing was posted to edit" : "article removed from the corpus");
      return "next";
    }
    await this.options.target.edit(row.channelId, messageId, renderPost(article));
    this.options.store.markSent([row.id], messageId);
    this.options.logger.info({ channelId: row.channelId, articleId: row.articleId, messageId }, "edited a post");
    return "next";
  }

  /** Posts each digest whose time has come today, once. */
  private async sendDigests(): Promise<void> {
    const now = new Date(this.now());
    const today = now.toISOString().slice(0, 10);
    const minutes = now.getUTCHours() * 60 + now.getUTCMinutes();
    for (const subscription of this.options.store.subscriptions()) {
      if (!subscription.digestTime || subscription.pausedReason || subscription.lastDigestDate === today) continue;
      const [hours, mins] = subscription.digestTime.split(":").map(Number);
      if (minutes < hours! * 60 + mins!) continue;
      const rows = this.options.store.digestRows(subscription.id);
      const articles = rows.map((r) => this.options.article(r.articleId)).filter((a): a is Article => a !== undefined);
      try {
        if (articles.length > 0) {
          const messageId = await this.options.target.post(subscription.channelId, renderDigest(today, articles), nonceFor("digest", subscription.id, today));
          this.options.store.markSent(rows.map((r) => r.id), messageId);
          this.options.logger.info({ channelId: subscription.channelId, articles: articles.length, messageId }, "posted a digest");
        }
        this.options.store.setDigestDate(subscription.id, today);
      } catch (error) {
        this.fail(error, null, subscription);
      }
    }
  }

  /** Acts on a failed delivery: pause the subscription, drop the row, or retry it later. */
  private fail(error: unknown, row: OutboxRow | null, subscription: Subscription): "next" | "stop" {
    const failure = error instanceof DeliveryError ? error.failure : "transient";
    const message = error instanceof Error ? error.message : String(error);
    const log = { channelId: subscription.channelId, articleId: row?.articleId, failure, err: error };
    if (failure === "forbidden" || failure === "missing-channel") {
      const reason = failure === "forbidden" ? `Newsdesk lacks permission to post there (${message})` : `the channel no longer exists (${message})`;
      this.options.store.pause(subscription.id, reason);
      this.options.logger.warn(log, "paused a subscription");
      return "stop";
    }
    if (failure === "missing-message" && row) {
      this.options.store.drop(row.id, "the posted message was deleted");
      return "next";
    }
    if (failure === "rejected" && row) {
      // Retrying the same message would fail the same way and hold up the channel behind it.
      this.options.store.drop(row.id, `Discord refused the message: ${message}`);
      this.options.logger.error(log, "Discord refused a post; dropped it");
      return "next";
    }
    if (row) this.options.store.retryLater([row.id], message, this.now() + backoffMs(row.attempts + 1));
    this.options.logger.warn(log, "delivery failed; will retry");
    return "stop";
  }
}

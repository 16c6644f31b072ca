import type { Article } from "../articles/article.js";
import { checkSourceUrl } from "../articles/url.js";
import type { Executor } from "../store/database.js";
import type { Delivery } from "../delivery/delivery.js";
import type { Logger } from "../logger.js";
import { checkPublicUrl, type FeedNetwork } from "./addressCheck.js";
import { FeedStore, type Feed } from "./feedStore.js";
import { fetchFeed, type FetchLimits } from "./fetchFeed.js";
import { itemToArticle } from "./itemToArticle.js";
import { parseFeedItems } from "./parseFeed.js";

export interface PollerOptions {
  db: Executor;
  delivery: Delivery;
  logger: Logger;
  /** Time between polls of a healthy feed (default 10 minutes). */
  intervalMs?: number;
  limits?: FetchLimits;
  /** Let /feed add use private and local addresses (tests, or a feed on the same network). */
  allowPrivateAddresses?: boolean;
  /** DNS and routing for feeds added from Discord (default: the machine's own; tests use a network of their own). */
  network?: FeedNetwork;
  now?: () => number;
  /** Feeds polled at once (default 4). */
  concurrency?: number;
}

export const DEFAULT_POLL_MS = 10 * 60_000;
/** Longest wait between polls of a failing feed. */
export const MAX_BACKOFF_MS = 6 * 60 * 60_000;
/** A poll claimed by a process that never reports back (it died) may be made by another after this. */
const POLL_CLAIM_MS = 5 * 60_000;

/** What one poll of one feed did. */
export interface PollReport {
  url: string;
  outcome: "not-modified" | "ok" | "failed";
  added: number;
  updated: number;
  skipped: number;
  error?: string;
}

/**
 * Polls RSS and Atom feeds and turns their items into articles: indexed, answerable and delivered to
 * subscribed channels like corpus files. One feed failing (bad XML, an HTML page, a 500, a timeout, a
 * huge body, a redirect loop) is logged and counted for that feed and never affects the others.
 */
export class FeedPoller {
  readonly store: FeedStore;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<PollReport[]> | null = null;
  /** Aborts the fetches in flight when the poller stops, so shutdown does not wait for slow hosts. */
  private readonly stopping = new AbortController();

  constructor(private readonly options: PollerOptions) {
    this.now = options.now ?? Date.now;
    this.store = new FeedStore(options.db, this.now);
  }

  /**
   * Feeds named in the configuration (FEEDS) are polled like the ones added from Discord; one no longer
   * named there stops being polled and its articles leave the index.
   */
  async ensureConfigured(urls: string[]): Promise<void> {
    const wanted = new Set(urls.map((url) => {
      const checked = checkSourceUrl(url);
      return checked.ok ? checked.url : url.trim();
    }));
    for (const url of wanted) await this.store.add(url, "env", null, null);
    for (const feed of await this.store.list()) {
      if (feed.origin !== "env" || wanted.has(feed.url)) continue;
      for (const id of (await this.store.remove(feed.url)) ?? []) await this.options.delivery.remove(id, feed.url);
      this.options.logger.info({ feed: feed.url }, "stopped reading a feed no longer in FEEDS");
    }
  }

  /** Articles read from feeds in earlier runs: they live in the database and are indexed at start-up. */
  storedArticles(): Promise<Article[]> {
    return this.store.articles();
  }

  start(checkEveryMs = 30_000): void {
    this.timer = setInterval(() => this.pollInBackground(), Math.min(checkEveryMs, this.options.intervalMs ?? DEFAULT_POLL_MS));
    this.timer.unref();
    this.pollInBackground();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopping.abort();
    await this.polling;
  }

  /** The feeds a server sees: those from FEEDS and its own. */
  async visibleTo(guildId: string): Promise<Feed[]> {
    return (await this.store.list()).filter((feed) => feed.origin === "env" || feed.guildId === guildId);
  }

  /** Adds a feed from Discord: an http(s) URL on the public internet. Resolves with why not, or the feed. */
  async add(rawUrl: string, addedBy: string, guildId: string): Promise<{ ok: true; feed: Feed; created: boolean } | { ok: false; reason: string }> {
    const checked = checkSourceUrl(rawUrl);
    if (!checked.ok) return { ok: false, reason: checked.reason.replace(/^source URL/, "the feed URL") };
    if (!this.options.allowPrivateAddresses) {
      const problem = await checkPublicUrl(new URL(checked.url), this.options.network);
      if (problem) return { ok: false, reason: problem };
    }
    const existing = await this.store.byUrl(checked.url);
    if (existing && existing.origin === "command" && existing.guildId !== guildId) return { ok: false, reason: "another server already reads that feed" };
    const { feed, created } = await this.store.add(checked.url, "command", addedBy, guildId);
    if (created) this.pollInBackground();
    return { ok: true, feed, created };
  }

  /** Removes a feed a server added, and its articles from the index. */
  async remove(url: string, guildId: string): Promise<{ ok: true; articles: number } | { ok: false; reason: string }> {
    const feed = await this.store.byUrl(url);
    if (!feed || (feed.origin === "command" && feed.guildId !== guildId)) return { ok: false, reason: "this server has no such feed" };
    if (feed.origin === "env") return { ok: false, reason: "it is configured in FEEDS; remove it there" };
    const ids = (await this.store.remove(url)) ?? [];
    for (const id of ids) await this.options.delivery.remove(id, url);
    return { ok: true, articles: ids.length };
  }

  private pollInBackground(): void {
    this.pollDue().catch((error: unknown) => this.options.logger.error({ err: error }, "feed polling failed"));
  }

  /** Polls every feed that is due, a few at a time; resolves when all are done. */
  pollDue(): Promise<PollReport[]> {
    if (this.polling) return this.polling;
    this.polling = (async () => {
      const due = await this.store.due();
      const reports: PollReport[] = [];
      const workers = Array.from({ length: Math.min(this.options.concurrency ?? 4, due.length) }, async () => {
        for (let feed = due.shift(); feed && !this.stopping.signal.aborted; feed = due.shift()) {
          // Processes sharing the database each poll only the feeds they claim: one fetch per interval.
          if (await this.store.claimPoll(feed, this.now() + POLL_CLAIM_MS)) reports.push(await this.poll(feed));
        }
      });
      await Promise.all(workers);
      return reports;
    })().finally(() => {
      this.polling = null;
    });
    return this.polling;
  }

  private async poll(feed: Feed): Promise<PollReport> {
    const interval = this.options.intervalMs ?? DEFAULT_POLL_MS;
    const report: PollReport = { url: feed.url, outcome: "ok", added: 0, updated: 0, skipped: 0 };
    try {
      // Feeds added from Discord may not reach into the host's network; FEEDS are the operator's own choice.
      const publicOnly = feed.origin === "command" && !this.options.allowPrivateAddresses;
      const fetched = await fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.lastModified }, this.options.limits, { publicOnly, signal: this.stopping.signal, network: this.options.network });
      if (fetched.status === "not-modified") {
        await this.store.succeeded(feed.id, null, this.now() + interval);
        return { ...report, outcome: "not-modified" };
      }
      for (const item of parseFeedItems(fetched.body)) {
        // Articles from a feed a server added are that server's alone; those from FEEDS are everyone's.
        const result = itemToArticle(item, feed.url, fetched.url, feed.origin === "command" && feed.guildId ? feed.guildId : undefined);
        if (!result.ok) {
          report.skipped++;
          this.options.logger.warn({ feed: feed.url, item: item.key, reason: result.reason }, "skipped a feed item");
          continue;
        }
        const state = await this.store.itemState(feed.id, item.key, result.article);
        if (state === "unchanged") continue;
        await this.options.delivery.upsert(result.article, feed.url, (trx) => this.store.in(trx).saveItem(feed.id, item.key, result.article));
        if (state === "new") report.added++;
        else report.updated++;
      }
      await this.store.succeeded(feed.id, { etag: fetched.etag, lastModified: fetched.lastModified }, this.now() + interval);
      this.options.logger.info({ feed: feed.url, added: report.added, updated: report.updated, skipped: report.skipped }, "polled a feed");
      return report;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const backoff = Math.min(MAX_BACKOFF_MS, interval * 2 ** feed.failures);
      await this.store.failed(feed.id, reason, this.now() + backoff);
      this.options.logger.warn({ feed: feed.url, reason, retryInMs: backoff }, "feed poll failed");
      return { ...report, outcome: "failed", error: reason };
    }
  }
}

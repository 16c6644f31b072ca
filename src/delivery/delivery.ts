import type { Article } from "../articles/article.js";
import type { Logger } from "../logger.js";
import type { NewsIndex } from "../search/newsIndex.js";
import type { CorpusChanges } from "./corpusWatcher.js";
import type { Database, Executor } from "../store/database.js";
import { passes, type Filters } from "./filters.js";
import { Sender, type SenderOptions } from "./sender.js";
import { DeliveryStore, type Subscription } from "./store.js";
import type { DeliveryTarget } from "./target.js";

export interface DeliveryOptions extends Pick<SenderOptions, "postsPerHour" | "overflowGapMs" | "digestCheckMs" | "concurrency" | "owner" | "leaseMs" | "pollMs"> {
  database: Pick<Database, "db" | "engine">;
  index: NewsIndex;
  target: DeliveryTarget;
  logger: Logger;
  now?: () => number;
}

/** Which index snapshot (by when it was written) the database has taken every article of. */
const SNAPSHOT_TAKEN = "corpus_snapshot_taken";

/** What Delivery.reconcile needs to know of the index snapshot the corpus was loaded with. */
export interface CorpusSnapshot {
  /** When the snapshot loaded was written, or null when none was used. */
  loadedFrom: number | null;
  /** The ids of articles taken from it as they were (their files had not changed). */
  unchanged: ReadonlySet<string>;
  /** When the snapshot now on disk was written (the one loaded, or a new one), or null. */
  current: number | null;
}

/** Most articles a new subscription may ask to have posted at once. */
export const MAX_BACKFILL = 25;

/**
 * Keeps the live index, the database and the channels in step: an article that lands is indexed and
 * queued for every matching subscription in one go; one that changes is re-indexed and its posts edited;
 * one that goes leaves the index.
 */
export class Delivery implements CorpusChanges {
  readonly store: DeliveryStore;
  readonly sender: Sender;

  constructor(private readonly options: DeliveryOptions) {
    this.store = new DeliveryStore(options.database.db, { engine: options.database.engine, now: options.now });
    this.sender = new Sender({ ...options, store: this.store, article: (id) => options.index.get(id) });
  }

  /**
   * At start-up: accept the corpus as loaded (posting what arrived while we were down), forget what left.
   * With `snapshot`, the articles came from the index snapshot written at `loadedFrom`, unchanged except
   * for those not in `unchanged`; when this database took every article of that very snapshot (it
   * recorded so, below), those need no comparing again. A database restored from elsewhere, or a start
   * that stopped before this point, compares them all.
   */
  async reconcile(articles: Article[], snapshot?: CorpusSnapshot): Promise<Record<"new" | "changed" | "unchanged" | "removed", number>> {
    const trusted = snapshot?.loadedFrom !== null && snapshot?.loadedFrom !== undefined && (await this.store.meta(SNAPSHOT_TAKEN)) === String(snapshot.loadedFrom);
    const counts = await this.store.acceptArticles(articles, trusted ? snapshot!.unchanged : undefined);
    if (snapshot?.current) await this.store.setMeta(SNAPSHOT_TAKEN, String(snapshot.current));
    const present = new Set(articles.map((article) => article.id));
    const gone = (await this.store.articleIds()).filter((id) => !present.has(id));
    for (const id of gone) await this.store.removeArticle(id);
    this.sender.wake();
    return { ...counts, removed: gone.length };
  }

  /**
   * Indexes an article and queues its delivery. `record` runs in the same transaction as the acceptance
   * (a feed reader records the item there), so either both are stored or neither is.
   */
  async upsert(article: Article, source?: string, record?: (trx: Executor) => Promise<void>): Promise<"new" | "changed" | "unchanged"> {
    const status = await this.store.transaction(async (store) => {
      await record?.(store.db);
      return store.acceptArticle(article);
    });
    if (status !== "unchanged" || !this.options.index.get(article.id)) this.options.index.add(article);
    this.options.logger.info({ articleId: article.id, source, status }, "article accepted");
    this.sender.wake();
    return status;
  }

  async remove(id: string, file?: string): Promise<void> {
    this.options.index.remove(id);
    await this.store.removeArticle(id);
    this.options.logger.info({ articleId: id, file }, "article removed");
  }

  async subscribe(input: { guildId: string; channelId: string; filters: Filters; digestTime: string | null; createdBy: string; backfill: number }): Promise<{ subscription: Subscription; created: boolean; backfilled: number }> {
    const backfill = input.backfill > 0 ? this.recent(input.filters, Math.min(MAX_BACKFILL, input.backfill), input.guildId).reverse() : [];
    const result = await this.store.subscribe({ ...input, backfill });
    this.sender.wake();
    return { ...result, backfilled: backfill.length };
  }

  /** The newest articles a server may see that pass the filters, newest first. */
  recent(filters: Filters, count: number, guildId: string): Article[] {
    return this.options.index.visibleTo(guildId).newest(count, (article) => passes(article, filters));
  }

  start(): void {
    this.sender.start();
  }

  async stop(): Promise<void> {
    await this.sender.stop();
  }
}

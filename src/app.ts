import { Events, type Client, type ClientOptions } from "discord.js";
import path from "node:path";
import { CorpusWatcher, type WatchOptions } from "./delivery/corpusWatcher.js";
import { openDatabase, type Db } from "./delivery/database.js";
import { Delivery, type DeliveryOptions } from "./delivery/delivery.js";
import { createBot } from "./discord/bot.js";
import { FeedPoller, type PollerOptions } from "./feeds/poller.js";
import { discordTarget } from "./discord/discordTarget.js";
import type { Logger } from "./logger.js";
import { releaseScratchMemory } from "./memory.js";
import type { NewsIndex } from "./search/newsIndex.js";
import { loadIndexedCorpus, SNAPSHOT_FILE } from "./search/snapshot.js";
import { startHttpEndpoint, type HttpEndpoint, type HttpEndpointOptions } from "./http/endpoint.js";

export interface NewsdeskOptions extends Pick<DeliveryOptions, "postsPerHour" | "overflowGapMs" | "digestCheckMs" | "now"> {
  /** Feeds named in the configuration. */
  feeds?: string[];
  /** Feed polling: interval, fetch limits, whether /feed add may use private addresses. */
  feedPolling?: Pick<PollerOptions, "intervalMs" | "limits" | "allowPrivateAddresses">;
  corpusDir: string;
  /** Folder of the SQLite database, or ":memory:". */
  dataDir: string;
  token: string;
  apiUrl?: string | null;
  logger: Logger;
  watch?: WatchOptions;
  pageTtlMs?: number;
  deferAboveArticles?: number;
  rest?: ClientOptions["rest"];
  /** The HTTP server: interactions over HTTP (with a public key), /healthz and /metrics. */
  http?: HttpEndpointOptions;
  /** No gateway connection: interactions come over HTTP only, posts go over REST. */
  interactionsOnly?: boolean;
}

export interface Newsdesk {
  client: Client;
  feeds: FeedPoller;
  index: NewsIndex;
  delivery: Delivery;
  db: Db;
  /** The HTTP server, when configured. */
  http: HttpEndpoint | null;
  /** Stops watching and posting, disconnects, closes the database. */
  stop(): Promise<void>;
}

/**
 * The whole bot: corpus loaded and indexed, the database opened and migrated, the corpus folder watched,
 * discord.js connected, and the sender posting once the connection is ready.
 */
export async function startNewsdesk(options: NewsdeskOptions): Promise<Newsdesk> {
  if (options.interactionsOnly && !options.http?.publicKey) throw new Error("interactions-only mode needs the Interactions Endpoint: a public key and a port");
  // The HTTP server comes first, so health checks see the bot starting (503) rather than nothing.
  const http = options.http ? await startHttpEndpoint(options.http, options.logger) : null;
  const logger = http?.logger ?? options.logger;
  const { corpus, index, snapshot } = await loadCorpusIndex(options.corpusDir, options.dataDir === ":memory:" ? null : path.join(options.dataDir, SNAPSHOT_FILE), logger);
  let db: Db;
  try {
    db = openDatabase(options.dataDir);
  } catch (error) {
    await http?.close();
    throw new Error(`cannot open the database in DATA_DIR (${options.dataDir}): ${(error as Error).message}. Make the folder writable, free some disk space, or point DATA_DIR elsewhere.`);
  }
  let delivery: Delivery | undefined;
  let feeds: FeedPoller | undefined;
  const client = createBot({ index: () => index, delivery: () => delivery, feeds: () => feeds, logger, apiUrl: options.apiUrl, pageTtlMs: options.pageTtlMs, deferAboveArticles: options.deferAboveArticles, rest: { ...options.rest, ...http?.rest } });
  http?.attach(client);
  delivery = new Delivery({ ...options, db, index, target: discordTarget(client.rest), logger });
  feeds = new FeedPoller({ db, delivery, logger, now: options.now, ...options.feedPolling });
  // Feed articles live in the database; they join the corpus in the index and in the reconciliation.
  const fromFeeds = feeds.storedArticles().filter((article) => !index.get(article.id));
  for (const article of fromFeeds) index.add(article);
  const counts = delivery.reconcile([...corpus.articles, ...fromFeeds], snapshot);
  feeds.ensureConfigured(options.feeds ?? []);
  logger.info({ articles: index.size, fromFeeds: fromFeeds.length, corpusDir: options.corpusDir, ...counts }, "corpus loaded");

  const watcher = new CorpusWatcher(options.corpusDir, delivery, logger, options.watch);
  watcher.start(corpus.files);
  const startPosting = () => {
    delivery.start();
    feeds.start();
  };
  if (!options.interactionsOnly) client.once(Events.ClientReady, startPosting);
  try {
    if (options.interactionsOnly) await http!.useTokenWithoutGateway(client, options.token);
    else await client.login(options.token);
  } catch (error) {
    watcher.stop();
    await client.destroy();
    db.close();
    await http?.close();
    throw error;
  }
  if (options.interactionsOnly) startPosting();
  http?.ready({ articles: () => index.size, checkDatabase: async () => void db.prepare("SELECT 1").get(), waitingPosts: () => (db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state = 'pending'").get() as { n: number }).n });
  return {
    client,
    feeds,
    index,
    delivery,
    db,
    http,
    async stop() {
      watcher.stop();
      await feeds.stop();
      await delivery.stop();
      await client.destroy();
      db.close();
      await http?.close();
    },
  };
}

/** The corpus indexed, from the saved snapshot where it is current; problems and the snapshot's fate logged. */
export async function loadCorpusIndex(corpusDir: string, snapshotFile: string | null, logger: Logger) {
  const started = performance.now();
  const loaded = await loadIndexedCorpus(corpusDir, { snapshotFile });
  for (const problem of loaded.corpus.problems) logger.warn({ file: problem.file, reason: problem.reason }, "skipped a corpus file");
  const { snapshot } = loaded;
  if (snapshot.rejected) logger.info({ snapshotFile, reason: snapshot.rejected }, "index snapshot not used; rebuilt");
  if (snapshot.saveError) logger.warn({ snapshotFile, err: snapshot.saveError }, "could not save the index snapshot; the next start will index the corpus again");
  logger.info({ articles: loaded.index.size, fromSnapshot: snapshot.used, parsed: snapshot.parsed, removed: snapshot.removed, ms: Math.round(performance.now() - started) }, "corpus indexed");
  await releaseScratchMemory();
  return loaded;
}

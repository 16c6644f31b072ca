import { Events, type Client, type ClientOptions } from "discord.js";
import { hostname } from "node:os";
import path from "node:path";
import { loadCorpus, type Corpus } from "./articles/loadCorpus.js";
import { CorpusWatcher, type WatchOptions } from "./delivery/corpusWatcher.js";
import { Delivery, type DeliveryOptions } from "./delivery/delivery.js";
import { IndexFollower } from "./delivery/indexFollower.js";
import { createBot, warmAnswers } from "./discord/bot.js";
import { FeedPoller, type PollerOptions } from "./feeds/poller.js";
import { discordTarget } from "./discord/discordTarget.js";
import type { Logger } from "./logger.js";
import { releaseScratchMemory } from "./memory.js";
import type { NewsIndex } from "./search/newsIndex.js";
import { loadIndexedCorpus, SNAPSHOT_FILE } from "./search/snapshot.js";
import { PostgresCoordinator } from "./store/coordination.js";
import { openDatabase, type Database } from "./store/database.js";
import { PagedQueryStore } from "./store/pagedQueries.js";
import { startHttpEndpoint, type HttpEndpoint, type HttpEndpointOptions } from "./http/endpoint.js";

export interface NewsdeskOptions extends Pick<DeliveryOptions, "postsPerHour" | "overflowGapMs" | "digestCheckMs" | "now"> {
  /** Feeds named in the configuration. */
  feeds?: string[];
  /** Feed polling: interval, fetch limits, whether /feed add may use private addresses. */
  feedPolling?: Pick<PollerOptions, "intervalMs" | "limits" | "allowPrivateAddresses" | "network">;
  corpusDir: string;
  /** Folder of the SQLite database and the index snapshot, or ":memory:". */
  dataDir: string;
  /** PostgreSQL shared by every process (DATABASE_URL); without it, the SQLite file in `dataDir`. */
  databaseUrl?: string | null;
  /** The gateway shards this process connects (SHARDS), of `shardCount` (SHARD_COUNT); default all. */
  shards?: number[] | null;
  shardCount?: number | null;
  token: string;
  apiUrl?: string | null;
  logger: Logger;
  watch?: WatchOptions;
  pageTtlMs?: number;
  deferAboveArticles?: number;
  rest?: ClientOptions["rest"];
  /** Channel leases (default 20 s) and how often to look for channels to take over (default 5 s with PostgreSQL). */
  leaseMs?: number;
  pollMs?: number;
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
  database: Database;
  /** The HTTP server, when configured. */
  http: HttpEndpoint | null;
  /** Stops watching and posting, disconnects, closes the database. */
  stop(): Promise<void>;
}

/** With PostgreSQL, how often a process looks for channels whose lease lapsed (its holder died). */
const SHARED_POLL_MS = 5_000;

/**
 * The whole bot: corpus loaded and indexed, the database opened and migrated, the corpus folder watched
 * (by one process of those sharing a database), discord.js connected, and the sender posting once the
 * connection is ready.
 */
export async function startNewsdesk(options: NewsdeskOptions): Promise<Newsdesk> {
  if (options.interactionsOnly && !options.http?.publicKey) throw new Error("interactions-only mode needs the Interactions Endpoint: a public key and a port");
  // The HTTP server comes first, so health checks see the bot starting (503) rather than nothing.
  const http = options.http ? await startHttpEndpoint(options.http, options.logger) : null;
  const logger = http?.logger ?? options.logger;
  let loaded: Awaited<ReturnType<typeof loadCorpusIndex>>;
  let database: Database;
  try {
    loaded = await loadCorpusIndex(options.corpusDir, options.dataDir === ":memory:" ? null : path.join(options.dataDir, SNAPSHOT_FILE), logger);
    database = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  } catch (error) {
    await http?.close();
    throw error;
  }
  const { index, snapshot } = loaded;
  // What answers read or build on first use is paid for now, not by the first users to ask.
  logger.info({ ms: warmAnswers(index) }, "answers warmed up");
  const shared = database.engine === "postgres";
  let delivery: Delivery | undefined;
  let feeds: FeedPoller | undefined;
  const pagedQueries = new PagedQueryStore(database.db);
  const client = createBot({
    index: () => index, delivery: () => delivery, feeds: () => feeds, sharedPages: () => pagedQueries, logger, apiUrl: options.apiUrl, pageTtlMs: options.pageTtlMs,
    deferAboveArticles: options.deferAboveArticles, rest: { ...options.rest, ...http?.rest }, shards: options.shards, shardCount: options.shardCount,
  });
  http?.attach(client);
  // One SQLite file has one process: its leases carry a fixed name, so a restart takes its channels back at once.
  const owner = shared ? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}` : "local";
  delivery = new Delivery({ ...options, database, index, target: discordTarget(client.rest), logger, owner, leaseMs: options.leaseMs, pollMs: options.pollMs ?? (shared ? SHARED_POLL_MS : undefined) });
  feeds = new FeedPoller({ db: database.db, delivery, logger, now: options.now, ...options.feedPolling });
  const watcher = new CorpusWatcher(options.corpusDir, delivery, logger, options.watch);

  /** Takes the corpus folder into the database (the articles that came and went while nobody watched) and watches it. */
  const leadCorpus = async (corpus: Pick<Corpus, "articles" | "files">) => {
    const stored = await feeds.storedArticles();
    const fromFeeds = stored.filter((article) => !index.get(article.id));
    for (const article of fromFeeds) index.add(article);
    const counts = await delivery.reconcile([...corpus.articles, ...stored], snapshot);
    logger.info({ articles: index.size, fromFeeds: fromFeeds.length, corpusDir: options.corpusDir, ...counts }, "corpus loaded");
    watcher.start(corpus.files);
  };

  let coordinator: PostgresCoordinator | null = null;
  /** On PostgreSQL: whether this process holds the corpus leader's lock (a takeover in progress stops if it is lost). */
  let leading = false;
  /** What was started so far, stopped again when start-up fails. */
  const undoStart = async () => {
    watcher.stop();
    await coordinator?.stop();
    await client.destroy();
    await database.close();
    await http?.close();
  };
  try {
    if (!shared) {
      await leadCorpus(loaded.corpus);
    } else {
      const follower = new IndexFollower(delivery.store, index, logger, () => delivery.sender.wake());
      await follower.catchUp();
      // The folder as read at start-up serves a process that leads from the start; one taking over later reads it again.
      let startingUp = true;
      let leadership = Promise.resolve();
      coordinator = new PostgresCoordinator({
        url: database.postgresUrl!,
        logger,
        onArticlesChanged: () => {
          void follower.catchUp();
          delivery.sender.wake();
        },
        onLeadership: (lead) => {
          leading = lead;
          leadership = leadership.then(async () => {
            if (!lead) {
              watcher.stop();
              logger.warn("no longer the corpus leader; another process watches the corpus folder");
              return;
            }
            logger.info({ corpusDir: options.corpusDir }, "became the corpus leader: watching the corpus folder");
            const corpus = startingUp ? loaded.corpus : await loadCorpus(options.corpusDir);
            if (leading) await leadCorpus(corpus);
          }).catch((error: unknown) => logger.error({ err: error }, "could not take the corpus folder into the database"));
        },
      });
      await coordinator.start();
      await leadership;
      startingUp = false;
    }
    await feeds.ensureConfigured(options.feeds ?? []);
  } catch (error) {
    await undoStart();
    throw error;
  }

  const startPosting = () => {
    delivery.start();
    feeds.start();
  };
  if (!options.interactionsOnly) client.once(Events.ClientReady, startPosting);
  try {
    if (options.interactionsOnly) await http!.useTokenWithoutGateway(client, options.token);
    else await client.login(options.token);
  } catch (error) {
    await undoStart();
    throw error;
  }
  if (options.interactionsOnly) startPosting();
  http?.ready({ articles: () => index.size, checkDatabase: () => delivery.store.ping(), waitingPosts: () => delivery.store.pendingCount() });
  return {
    client,
    feeds,
    index,
    delivery,
    database,
    http,
    async stop() {
      watcher.stop();
      await coordinator?.stop();
      await feeds.stop();
      await delivery.stop();
      await client.destroy();
      await database.close();
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

import { Events, type Client, type ClientOptions } from "discord.js";
import { loadCorpus } from "./articles/loadCorpus.js";
import { CorpusWatcher, type WatchOptions } from "./delivery/corpusWatcher.js";
import { openDatabase, type Db } from "./delivery/database.js";
import { Delivery, type DeliveryOptions } from "./delivery/delivery.js";
import { createBot } from "./discord/bot.js";
import { discordTarget } from "./discord/discordTarget.js";
import type { Logger } from "./logger.js";
import { NewsIndex } from "./search/newsIndex.js";

export interface NewsdeskOptions extends Pick<DeliveryOptions, "postsPerHour" | "overflowGapMs" | "digestCheckMs" | "now"> {
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
}

export interface Newsdesk {
  client: Client;
  index: NewsIndex;
  delivery: Delivery;
  db: Db;
  /** Stops watching and posting, disconnects, closes the database. */
  stop(): Promise<void>;
}

/**
 * The whole bot: corpus loaded and indexed, the database opened and migrated, the corpus folder watched,
 * discord.js connected, and the sender posting once the connection is ready.
 */
export async function startNewsdesk(options: NewsdeskOptions): Promise<Newsdesk> {
  const { logger } = options;
  const corpus = await loadCorpus(options.corpusDir);
  for (const problem of corpus.problems) logger.warn({ file: problem.file, reason: problem.reason }, "skipped a corpus file");
  const index = new NewsIndex(corpus.articles);
  const db = openDatabase(options.dataDir);

  let delivery: Delivery | undefined;
  const client = createBot({ index: () => index, delivery: () => delivery, logger, apiUrl: options.apiUrl, pageTtlMs: options.pageTtlMs, deferAboveArticles: options.deferAboveArticles, rest: options.rest });
  delivery = new Delivery({ ...options, db, index, target: discordTarget(client.rest), logger });
  const counts = delivery.reconcile(corpus.articles);
  logger.info({ articles: index.size, corpusDir: options.corpusDir, ...counts }, "corpus loaded");

  const watcher = new CorpusWatcher(options.corpusDir, delivery, logger, options.watch);
  watcher.start(corpus.files);
  client.once(Events.ClientReady, () => delivery.start());
  try {
    await client.login(options.token);
  } catch (error) {
    watcher.stop();
    await client.destroy();
    db.close();
    throw error;
  }
  return {
    client,
    index,
    delivery,
    db,
    async stop() {
      watcher.stop();
      await delivery.stop();
      await client.destroy();
      db.close();
    },
  };
}

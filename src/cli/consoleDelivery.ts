import type { Corpus } from "../articles/loadCorpus.js";
import { CorpusWatcher } from "../delivery/corpusWatcher.js";
import { openDatabase } from "../store/database.js";
import { Delivery } from "../delivery/delivery.js";
import type { DeliveryTarget } from "../delivery/target.js";
import type { Logger } from "../logger.js";
import { messageToText } from "../render/text.js";
import type { NewsIndex } from "../search/newsIndex.js";
import type { GuildContext } from "../discord/commands/types.js";

/** The one channel of the local console: new articles are "posted" here, printed as Discord would show them. */
export const CONSOLE_CHANNEL = "console";

/**
 * Channel posts in the local console: the corpus folder is watched and each new or changed article is
 * printed as the post a subscribed channel would get, through the same delivery code as the bot (with a
 * database in memory).
 */
export async function startConsoleDelivery(corpusDir: string, corpus: Corpus, index: NewsIndex, write: (text: string) => void, logger: Logger) {
  let sequence = 0;
  const target: DeliveryTarget = {
    async post(channelId, message) {
      write(`\n── new post in #${channelId} ──\n${messageToText(message)}\n`);
      return `console-${++sequence}`;
    },
    async edit(channelId, messageId, message) {
      write(`\n── post ${messageId} in #${channelId} edited ──\n${messageToText(message)}\n`);
    },
  };
  const database = await openDatabase({ dataDir: ":memory:" });
  const delivery = new Delivery({ database, index, target, logger, postsPerHour: 1000 });
  await delivery.reconcile(corpus.articles);
  await delivery.subscribe({ guildId: CONSOLE_CHANNEL, channelId: CONSOLE_CHANNEL, filters: { include: [], exclude: [] }, digestTime: null, createdBy: "console", backfill: 0 });
  const watcher = new CorpusWatcher(corpusDir, delivery, logger);
  watcher.start(corpus.files);
  delivery.start();
  const guild: GuildContext = {
    guildId: CONSOLE_CHANNEL,
    userId: "console",
    memberCanManageChannels: true,
    memberCanManageServer: true,
    async checkChannel(channelId) {
      return channelId === CONSOLE_CHANNEL ? { ok: true } : { ok: false, reason: `The console has one channel: #${CONSOLE_CHANNEL}.` };
    },
  };
  return {
    context: { delivery, guild },
    async stop() {
      watcher.stop();
      await delivery.stop();
      await database.close();
    },
  };
}

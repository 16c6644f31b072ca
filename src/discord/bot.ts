import { Client, Events, GatewayIntentBits, Partials, type ClientOptions } from "discord.js";
import type { Delivery } from "../delivery/delivery.js";
import type { FeedPoller } from "../feeds/poller.js";
import type { Logger } from "../logger.js";
import { warmUp } from "../answers/warmUp.js";
import type { NewsIndex, SearchableIndex } from "../search/newsIndex.js";
import { companyChoices } from "./autocomplete.js";
import { handleInteraction } from "./interactions.js";
import { handleMessage } from "./mentions.js";
import { PageStore, type SharedPages } from "./pages.js";

/**
 * The fewest intents that serve: guilds for slash commands, guild and direct messages for mentions. A bot
 * receives the content of messages that mention it without the privileged message-content intent.
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

export interface BotOptions {
  index: () => NewsIndex;
  logger: Logger;
  /** Discord's REST API base (e.g. a local stand-in); default Discord's own. */
  apiUrl?: string | null;
  /** How long paging buttons work. */
  pageTtlMs?: number;
  /** Channel subscriptions (set once the delivery service exists: it posts through this client). */
  delivery?: () => Delivery | undefined;
  /** Feed polling (set once it exists). */
  feeds?: () => FeedPoller | undefined;
  /** Defer replies when the corpus is larger than this many articles. */
  deferAboveArticles?: number;
  /** Extra REST options (tests lift the global rate limit). */
  rest?: ClientOptions["rest"];
  /** The gateway shards to connect, of `shardCount`; unset, discord.js reads SHARDS and SHARD_COUNT itself (as ShardingManager sets them). */
  shards?: number[] | null;
  /** Where paged questions too long for a button's custom id are kept for every worker (the database). */
  sharedPages?: () => SharedPages | undefined;
  shardCount?: number | null;
}

/**
 * Answers and autocompletes on the index once before the first user asks (see warmUp), so that what is
 * read or built on first use is paid for at start-up. Returns the milliseconds it took.
 */
export function warmAnswers(index: SearchableIndex): number {
  const started = performance.now();
  warmUp(index);
  companyChoices(index, "");
  return Math.round(performance.now() - started);
}

/** A discord.js client wired to Newsdesk's handlers; call `login(token)` to connect. */
export function createBot(options: BotOptions): Client {
  const client = new Client({
    intents: INTENTS,
    partials: [Partials.Channel], // direct-message channels arrive uncached
    rest: { ...(options.apiUrl ? { api: options.apiUrl } : {}), ...options.rest },
    allowedMentions: { parse: [] },
    ...(options.shards ? { shards: options.shards } : {}),
    ...(options.shardCount ? { shardCount: options.shardCount } : {}),
  });
  const deps = { index: options.index, logger: options.logger, pages: new PageStore(options.pageTtlMs, undefined, options.sharedPages), deferAboveArticles: options.deferAboveArticles, delivery: options.delivery, feeds: options.feeds };
  client.once(Events.ClientReady, (ready) => options.logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, "connected to Discord"));
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, deps));
  client.on(Events.MessageCreate, (message) => void handleMessage(message, client, deps));
  client.on(Events.Error, (error) => options.logger.error({ err: error }, "discord client error"));
  client.on(Events.Warn, (message) => options.logger.warn({ message }, "discord client warning"));
  return client;
}

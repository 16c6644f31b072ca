import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { isPublicKeyHex } from "./http/signature.js";
import { resolveCorpusDir } from "./paths.js";
import { maskUrl } from "./store/database.js";

/** Log levels pino knows. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything Newsdesk reads from the environment, read once at start-up and validated. */
export interface Config {
  /** The bot token; without it `npm start` opens the local console instead of connecting to Discord. */
  discordToken: string | null;
  /** The application id: needed to deploy commands (the bot learns it from Discord when it logs in). */
  discordClientId: string | null;
  /** Deploy commands to this guild only (instant, for development); otherwise globally. */
  discordGuildId: string | null;
  /** Where the summaries are. Default: ./corpus, else the bundled corpus. */
  corpusDir: string;
  logLevel: LogLevel;
  /** Discord's REST API base URL; the gateway URL is discovered through it. Default: Discord's own. */
  discordApiUrl: string | null;
  /** Folder of the SQLite database (subscriptions and deliveries). Default: ./data. */
  dataDir: string;
  /** Posts per channel per hour before the rest of a burst is folded into one message. */
  postsPerHour: number;
  /** Feeds to read, besides those added with /feed add. */
  feeds: string[];
  /** Minutes between polls of each feed. */
  feedPollMinutes: number;
  /** Whether /feed add may name private or local addresses. */
  feedsAllowPrivate: boolean;
  /** PostgreSQL shared by several processes; null keeps everything in the SQLite file in dataDir. */
  databaseUrl: string | null;
  /** The gateway shards this process connects (SHARDS), or null for all of them. */
  shards: number[] | null;
  /** How many shards the bot runs in all (SHARD_COUNT), or null for one (or what Discord recommends, with SHARDS unset). */
  shardCount: number | null;
  /** The application's public key (64 hex): with it, interactions are taken over HTTP at POST /interactions. */
  discordPublicKey: string | null;
  /** Port of the HTTP server (interactions, /healthz, /metrics); null: no HTTP server. */
  httpPort: number | null;
  /** Address the HTTP server listens on. Default 0.0.0.0 (every interface). */
  httpHost: string;
  /** Run without a gateway connection: interactions over HTTP, posts over REST, no mentions or direct messages. */
  interactionsOnly: boolean;
}

/** A setting that is missing or malformed: the message names the variable and how to fix it. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

const SNOWFLAKE = /^\d{17,20}$/;

/** Reads and validates the configuration; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw ? raw : null;
  };
  const token = value("DISCORD_TOKEN");
  if (token !== null && (/\s/.test(token) || token.length < 20)) {
    throw new ConfigError("DISCORD_TOKEN does not look like a bot token: copy it from the Developer Portal (Bot > Reset Token), without quotes or spaces.");
  }
  const snowflake = (name: string, what: string) => {
    const id = value(name);
    if (id !== null && !SNOWFLAKE.test(id)) throw new ConfigError(`${name} must be a Discord id (17-20 digits), not "${id}": ${what}`);
    return id;
  };
  const clientId = snowflake("DISCORD_CLIENT_ID", "copy the Application ID from the Developer Portal's General Information page.");
  const guildId = snowflake("DISCORD_GUILD_ID", "enable Developer Mode in Discord, right-click the server and choose Copy Server ID.");

  const level = (value("LOG_LEVEL") ?? "info").toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, not "${level}".`);

  const apiUrl = value("DISCORD_API_URL");
  if (apiUrl !== null) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(apiUrl);
    } catch {
      parsed = null;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol)) {
      throw new ConfigError(`DISCORD_API_URL must be an http(s) URL such as https://discord.com/api, not "${apiUrl}" (leave it empty to use Discord's own).`);
    }
  }

  const corpusDir = resolveCorpusDir(value("CORPUS_DIR") ?? undefined);
  if (!existsSync(corpusDir) || !statSync(corpusDir).isDirectory()) {
    throw new ConfigError(`CORPUS_DIR points to ${corpusDir}, which is not a folder: set it to the folder of summaries, or leave it empty for ./corpus.`);
  }
  const dataDir = path.resolve(value("DATA_DIR") ?? "data");
  const postsRaw = value("POSTS_PER_CHANNEL_PER_HOUR") ?? "20";
  const postsPerHour = Number(postsRaw);
  if (!Number.isInteger(postsPerHour) || postsPerHour < 1 || postsPerHour > 1000) {
    throw new ConfigError(`POSTS_PER_CHANNEL_PER_HOUR must be a whole number from 1 to 1000, not "${postsRaw}".`);
  }
  const feeds = (value("FEEDS") ?? "").split(",").map((url) => url.trim()).filter(Boolean);
  for (const feed of feeds) {
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(feed).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw new ConfigError(`FEEDS must be comma-separated http(s) URLs; "${feed}" is not one.`);
  }
  const minutesRaw = value("FEED_POLL_MINUTES") ?? "10";
  const feedPollMinutes = Number(minutesRaw);
  if (!Number.isFinite(feedPollMinutes) || feedPollMinutes < 1 || feedPollMinutes > 1440) {
    throw new ConfigError(`FEED_POLL_MINUTES must be a number of minutes from 1 to 1440, not "${minutesRaw}".`);
  }
  const flag = (name: string) => {
    const raw = (value(name) ?? "false").toLowerCase();
    if (!["true", "false", "1", "0", "yes", "no"].includes(raw)) throw new ConfigError(`${name} must be true or false, not "${raw}".`);
    return ["true", "1", "yes"].includes(raw);
  };
  const http = httpSettings(value, token, flag("INTERACTIONS_ONLY"));
  const databaseUrl = value("DATABASE_URL");
  if (databaseUrl !== null) {
    let protocol = "";
    try {
      protocol = new URL(databaseUrl).protocol;
    } catch {
      protocol = "";
    }
    if (protocol !== "postgres:" && protocol !== "postgresql:") {
      throw new ConfigError(`DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/newsdesk, not "${maskUrl(databaseUrl)}" (leave it empty to keep the SQLite file in DATA_DIR).`);
    }
  }
  const { shards, shardCount } = readShards(value("SHARDS"), value("SHARD_COUNT"));
  return {
    ...http,
    databaseUrl,
    shards,
    shardCount,
    feeds,
    feedPollMinutes,
    feedsAllowPrivate: flag("FEEDS_ALLOW_PRIVATE_ADDRESSES"),
    dataDir,
    postsPerHour,
    discordToken: token,
    discordClientId: clientId,
    discordGuildId: guildId,
    corpusDir,
    logLevel: level as LogLevel,
    discordApiUrl: apiUrl?.replace(/\/+$/, "") ?? null,
  };
}

/**
 * SHARDS and SHARD_COUNT as discord.js reads them (ShardingManager sets both for each process it starts):
 * SHARDS a JSON shard id or array of ids (`1`, `[0,1]`), SHARD_COUNT a whole number; every id below it.
 */
export function readShards(shardsRaw: string | null, countRaw: string | null): { shards: number[] | null; shardCount: number | null } {
  let shardCount: number | null = null;
  if (countRaw !== null) {
    shardCount = Number(countRaw);
    if (!Number.isInteger(shardCount) || shardCount < 1 || shardCount > 10_000) throw new ConfigError(`SHARD_COUNT must be the whole number of shards the bot runs (1 or more), not "${countRaw}".`);
  }
  if (shardsRaw === null) return { shards: null, shardCount };
  let parsed: unknown;
  try {
    parsed = JSON.parse(shardsRaw);
  } catch {
    parsed = undefined;
  }
  const list = typeof parsed === "number" ? [parsed] : parsed;
  if (!Array.isArray(list) || list.length === 0 || !list.every((id) => Number.isInteger(id) && id >= 0)) {
    throw new ConfigError(`SHARDS must be a shard id or a JSON list of them, such as 0 or [0,1], not "${shardsRaw}".`);
  }
  if (shardCount === null) throw new ConfigError("SHARDS needs SHARD_COUNT, the number of shards in all (for example SHARDS=[0,1] with SHARD_COUNT=4).");
  const outside = (list as number[]).find((id) => id >= shardCount!);
  if (outside !== undefined) throw new ConfigError(`SHARDS names shard ${outside}, but SHARD_COUNT=${shardCount} has shards 0 to ${shardCount - 1}.`);
  return { shards: [...new Set(list as number[])].sort((a, b) => a - b), shardCount };
}

/** The HTTP server's settings: the endpoint's public key, the port, and the interactions-only switch. */
function httpSettings(value: (name: string) => string | null, token: string | null, interactionsOnly: boolean) {
  const publicKey = value("DISCORD_PUBLIC_KEY");
  if (publicKey !== null && !isPublicKeyHex(publicKey)) {
    throw new ConfigError("DISCORD_PUBLIC_KEY must be the 64 hexadecimal characters of the application's Public Key (Developer Portal > General Information).");
  }
  const portName = value("HTTP_PORT") !== null ? "HTTP_PORT" : "PORT";
  const portRaw = value(portName);
  const httpPort = portRaw === null ? null : Number(portRaw);
  if (httpPort !== null && (!Number.isInteger(httpPort) || httpPort < 1 || httpPort > 65535)) throw new ConfigError(`${portName} must be a port number from 1 to 65535, not "${portRaw}".`);
  if (publicKey !== null && httpPort === null) throw new ConfigError("DISCORD_PUBLIC_KEY is set but no port: set HTTP_PORT (or PORT) to the port Discord's requests reach, for example HTTP_PORT=8080.");
  if (interactionsOnly && publicKey === null) throw new ConfigError("INTERACTIONS_ONLY=true needs DISCORD_PUBLIC_KEY and HTTP_PORT: without the gateway, interactions can only come over HTTP.");
  if (interactionsOnly && token === null) throw new ConfigError("INTERACTIONS_ONLY=true needs DISCORD_TOKEN: channel posts and follow-ups still go to Discord's REST API.");
  return { discordPublicKey: publicKey?.toLowerCase() ?? null, httpPort, httpHost: value("HTTP_HOST") ?? "0.0.0.0", interactionsOnly };
}

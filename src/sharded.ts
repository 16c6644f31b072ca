#!/usr/bin/env node
// `npm run start:sharded`: discord.js's ShardingManager runs the bot as one process per shard on this
// machine (each a full Newsdesk: answering its shards' servers, and sharing the posting, the feeds and the
// corpus folder with the others through PostgreSQL). SHARD_COUNT sets how many; unset, Discord's
// recommendation. SHARDS, if set, picks the shards this machine runs (another machine runs the rest).
import { config as loadDotenv } from "dotenv";
import { REST, Routes, ShardingManager } from "discord.js";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";

loadDotenv({ quiet: true });
let config;
try {
  config = loadConfig();
  if (!config.discordToken) throw new ConfigError("DISCORD_TOKEN is not set: the sharded bot needs the bot token (the local console is `npm start` without it).");
  if (!config.databaseUrl) throw new ConfigError("DATABASE_URL is not set: processes share their state in PostgreSQL. One process on SQLite runs every shard itself: `npm start` with SHARD_COUNT.");
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`newsdesk: configuration error: ${error.message}\n`);
  process.exit(2);
}
const logger = createLogger(config.logLevel);

// Discord's recommendation comes through DISCORD_API_URL like every other call (ShardingManager's own
// look-up would always ask discord.com).
const totalShards = config.shardCount ?? (await recommendedShards(config.discordToken!, config.discordApiUrl));
// main.js beside this file (main.ts when run from source through tsx, whose loader the children inherit).
const here = fileURLToPath(import.meta.url);
const manager = new ShardingManager(path.join(path.dirname(here), `main${path.extname(here)}`), {
  token: config.discordToken!,
  totalShards,
  ...(config.shards ? { shardList: config.shards } : {}),
  mode: "process",
  respawn: true,
  execArgv: [...process.execArgv, "--expose-gc"],
});
manager.on("shardCreate", (shard) => {
  logger.info({ shard: shard.id, totalShards }, "started a shard process");
  shard.on("death", (child) => logger.warn({ shard: shard.id, exitCode: "exitCode" in child ? child.exitCode : null }, "a shard process died; starting it again"));
});
await manager.spawn({ timeout: 120_000 });

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping every shard process");
  manager.respawn = false;
  for (const shard of manager.shards.values()) shard.process?.kill(signal as NodeJS.Signals);
  setTimeout(() => process.exit(0), 10_000).unref();
  Promise.all([...manager.shards.values()].map((shard) => new Promise((resolve) => (shard.process && shard.process.exitCode === null ? shard.process.once("exit", resolve) : resolve(null))))).then(() => process.exit(0));
};
process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));

async function recommendedShards(token: string, api: string | null): Promise<number> {
  const rest = new REST(api ? { api } : {}).setToken(token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return shards;
}

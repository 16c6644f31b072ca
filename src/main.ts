#!/usr/bin/env node
// `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local console on the corpus.
import { config as loadDotenv } from "dotenv";
import path from "node:path";
import { loadCorpusIndex, startNewsdesk } from "./app.js";
import { runConsole } from "./cli/console.js";
import { startConsoleDelivery } from "./cli/consoleDelivery.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { DatabaseError } from "./store/database.js";
import { SNAPSHOT_FILE } from "./search/snapshot.js";

loadDotenv({ quiet: true });
// Last line of defence: a stray rejection is logged and the bot carries on. (An uncaught exception keeps
// Node's default: it is printed and the process exits, for its supervisor to restart it.)
process.on("unhandledRejection", (reason) => process.stderr.write(`${JSON.stringify({ level: 50, msg: "unhandled rejection", err: String((reason as Error)?.stack ?? reason) })}\n`));
let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`newsdesk: configuration error: ${error.message}\n`);
  process.exit(2);
}

if (!config.discordToken) {
  // The local console: answers and channel posts as text, no Discord needed.
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
  const { corpus, index } = await loadCorpusIndex(config.corpusDir, path.join(config.dataDir, SNAPSHOT_FILE), logger);
  const write = (text: string) => process.stdout.write(`${text}\n`);
  const posts = await startConsoleDelivery(config.corpusDir, corpus, index, write, logger);
  await runConsole(() => index, { input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY) }, posts.context);
  await posts.stop();
  process.exit(0);
}

const logger = createLogger(config.logLevel);
let newsdesk;
try {
  newsdesk = await startNewsdesk({
    corpusDir: config.corpusDir,
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    shards: config.shards,
    shardCount: config.shardCount,
    token: config.discordToken,
    apiUrl: config.discordApiUrl,
    postsPerHour: config.postsPerHour,
    feeds: config.feeds,
    feedPolling: { intervalMs: config.feedPollMinutes * 60_000, allowPrivateAddresses: config.feedsAllowPrivate },
    http: config.httpPort === null ? undefined : { port: config.httpPort, host: config.httpHost, publicKey: config.discordPublicKey },
    interactionsOnly: config.interactionsOnly,
    logger,
  });
} catch (error) {
  // A database that cannot be reached or opened is told in words: which setting, and what to check.
  if (error instanceof DatabaseError) logger.fatal(`could not start: ${error.message}`);
  else logger.fatal({ err: error }, `could not start: ${(error as Error).message}`);
  process.exit(1);
}
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  await newsdesk.stop();
  process.exit(0);
};
process.once("SIGINT", () => void stop("SIGINT"));
process.once("SIGTERM", () => void stop("SIGTERM"));

#!/usr/bin/env node
// `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local console on the corpus.
import { config as loadDotenv } from "dotenv";
import { loadCorpus } from "./articles/loadCorpus.js";
import { runConsole } from "./cli/console.js";
import { ConfigError, loadConfig } from "./config.js";
import { createBot } from "./discord/bot.js";
import { createLogger } from "./logger.js";
import { NewsIndex } from "./search/newsIndex.js";

loadDotenv({ quiet: true });
let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`newsdesk: configuration error: ${error.message}\n`);
  process.exit(2);
}

const logger = createLogger(config.discordToken ? config.logLevel : "warn");
const corpus = await loadCorpus(config.corpusDir);
for (const problem of corpus.problems) logger.warn({ file: problem.file, reason: problem.reason }, "skipped a corpus file");
const index = new NewsIndex(corpus.articles);
logger.info({ articles: index.size, corpusDir: config.corpusDir }, "corpus loaded");

if (!config.discordToken) {
  await runConsole(() => index, { input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY) });
  process.exit(0);
}

const client = createBot({ index: () => index, logger, apiUrl: config.discordApiUrl });
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  await client.destroy();
  process.exit(0);
};
process.once("SIGINT", () => void stop("SIGINT"));
process.once("SIGTERM", () => void stop("SIGTERM"));
try {
  await client.login(config.discordToken);
} catch (error) {
  logger.fatal({ err: error }, "could not log in to Discord: check DISCORD_TOKEN (and DISCORD_API_URL if set)");
  await client.destroy();
  process.exit(1);
}

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startNewsdesk, type Newsdesk } from "../src/app.js";
import { parseArticleText } from "../src/articles/parse.js";
import { createLogger } from "../src/logger.js";
import { markdownArticle } from "../tests/helpers/articles.js";
import { snowflake, startStandin, type Standin } from "../tests/e2e/standin.js";
import { round, summarize } from "./stats.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.bench-delivery-token-not-real-0000000";

async function until(check: () => boolean, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("bench timed out");
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function setup(channels: number, unthrottled: boolean): Promise<{ standin: Standin; newsdesk: Newsdesk; corpusDir: string; dataDir: string; channelIds: string[] }> {
  const channelIds = Array.from({ length: channels }, () => snowflake());
  const standin = await startStandin({ channelIds });
  const corpusDir = mkdtempSync(path.join(tmpdir(), "newsdesk-bench-corpus-"));
  const dataDir = mkdtempSync(path.join(tmpdir(), "newsdesk-bench-data-"));
  const newsdesk = await startNewsdesk({
    corpusDir, dataDir, token: TOKEN, apiUrl: standin.apiUrl, logger: createLogger("silent"), postsPerHour: 100_000,
    rest: unthrottled ? { globalRequestsPerSecond: 1e6 } : {},
  });
  await until(() => newsdesk.client.isReady());
  for (const channelId of channelIds) {
    await newsdesk.delivery.subscribe({ guildId: standin.guildId, channelId, filters: { include: [], exclude: [] }, digestTime: null, createdBy: "bench", backfill: 0 });
  }
  return { standin, newsdesk, corpusDir, dataDir, channelIds };
}

async function teardown(run: Awaited<ReturnType<typeof setup>>) {
  await run.newsdesk.stop();
  await run.standin.close();
  rmSync(run.corpusDir, { recursive: true, force: true });
  rmSync(run.dataDir, { recursive: true, force: true });
}

/** A file written into the watched corpus folder -> its post received by the stand-in (default watcher settings). */
async function fileToPost(files = 60) {
  const run = await setup(1, false);
  const times: number[] = [];
  for (let i = 0; i < files; i++) {
    const start = performance.now();
    writeFileSync(path.join(run.corpusDir, `bench-${i}.md`), markdownArticle({ title: `Bench Landing ${i}`, source: `https://news.example.com/bench-${i}` }));
    const post = await run.standin.waitForRequest((r) => r.method === "POST" && r.body?.embeds?.[0]?.title === `Bench Landing ${i}`, 10_000);
    times.push(post.at - start);
  }
  await teardown(run);
  return summarize(times);
}

/** Posts per second sustained while draining `perChannel` new articles to each of `channels` channels. */
async function throughput(channels: number, perChannel: number, unthrottled: boolean) {
  const run = await setup(channels, unthrottled);
  const articles = Array.from({ length: perChannel }, (_, i) => {
    const parsed = parseArticleText(markdownArticle({ title: `Throughput ${i}`, source: `https://news.example.com/t-${i}` }), `t-${i}`);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.article;
  });
  const total = channels * perChannel;
  const start = performance.now();
  for (const article of articles) await run.newsdesk.delivery.upsert(article);
  await until(() => run.channelIds.reduce((sum, id) => sum + run.standin.messagesIn(id).length, 0) >= total);
  const seconds = (performance.now() - start) / 1000;
  await teardown(run);
  return { channels, posts: total, seconds: round(seconds, 2), postsPerSecond: round(total / seconds, 1) };
}

export async function benchDelivery() {
  return {
    fileToPostMs: await fileToPost(),
    oneChannel: await throughput(1, 300, false),
    fiftyChannels: await throughput(50, 20, false),
    oneChannelUnthrottled: await throughput(1, 300, true),
    fiftyChannelsUnthrottled: await throughput(50, 20, true),
  };
}

// Several Newsdesk processes on one PostgreSQL: posting rate through the discord.js REST proxy with one,
// two and three processes (and three without it, to show what the proxy prevents), the time a surviving
// process takes to take over a killed one's channels, and answer latency on PostgreSQL against SQLite.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startNewsdesk } from "../src/app.js";
import { DeliveryStore } from "../src/delivery/store.js";
import { createLogger } from "../src/logger.js";
import { startRestProxy } from "../src/operations/restProxy.js";
import { openDatabase } from "../src/store/database.js";
import { startStandin, type RecordedRequest, type Standin } from "../tests/e2e/standin.js";
import { markdownArticle } from "../tests/helpers/articles.js";
import { startBotProcess, type BotProcess } from "../tests/helpers/botProcess.js";
import { createDatabase, startEmbeddedPostgres } from "../tests/helpers/embeddedPostgres.js";
import { roundTrips } from "./interactionBench.js";
import { round, summarize } from "./stats.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.bench-scale-out-token-not-real-0000000";
/** Channels posted to (default 6; `--channels N`). */
let CHANNELS = 6;
const silent = createLogger("silent");
let databases = 0;

/** Requests that count toward Discord's global limit: everything but interaction callbacks. */
const countsGlobally = (r: RecordedRequest) => !/^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path);

/** The most requests in one second, counting seconds from the first request (as a rate limiter counts them). */
export function busiestSecond(times: number[]): number {
  if (times.length === 0) return 0;
  const first = Math.min(...times);
  const perSecond = new Map<number, number>();
  for (const at of times) {
    const second = Math.floor((at - first) / 1000);
    perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
  }
  return Math.max(...perSecond.values());
}

interface Cluster {
  standin: Standin;
  url: string;
  corpusDir: string;
  processes: BotProcess[];
  dataDirs: string[];
  apiUrl: string;
  close(): Promise<void>;
}

async function cluster(adminUrl: string, count: number, viaProxy: boolean): Promise<Cluster> {
  // Like Discord, the stand-in answers requests beyond 50 in a second with a global 429.
  const standin = await startStandin({ channelCount: CHANNELS, globalLimitPerSecond: 50 });
  const proxy = viaProxy ? await startRestProxy({ port: 0, upstream: standin.apiUrl, logger: silent }) : null;
  const url = await createDatabase(adminUrl, `newsdesk_bench_${++databases}_${process.pid}`);
  // Subscriptions straight into the database, as if made earlier with /subscribe.
  const database = await openDatabase({ databaseUrl: url, dataDir: ":memory:" });
  const store = new DeliveryStore(database.db, { engine: "postgres" });
  for (const channelId of standin.channelIds) await store.subscribe({ guildId: standin.guildId, channelId, filters: { include: [], exclude: [] }, digestTime: null, createdBy: "bench" });
  await database.close();
  // An empty corpus: the subscriptions above predate every article, so each article of the burst goes to each channel.
  const corpusDir = mkdtempSync(path.join(tmpdir(), "newsdesk-bench-scale-out-"));
  const apiUrl = proxy?.url ?? standin.apiUrl;
  const dataDirs = Array.from({ length: count }, () => mkdtempSync(path.join(tmpdir(), "newsdesk-bench-scale-out-data-")));
  const processes = dataDirs.map((dataDir) => startBotProcess({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: apiUrl, DATABASE_URL: url, CORPUS_DIR: corpusDir, DATA_DIR: dataDir, POSTS_PER_CHANNEL_PER_HOUR: "1000" }, { built: true }));
  await Promise.all(processes.map((p) => p.waitForOutput("connected to Discord", 60_000)));
  return {
    standin, url, corpusDir, processes, dataDirs, apiUrl,
    async close() {
      for (const p of processes) if (p.child.exitCode === null) p.child.kill("SIGTERM");
      await Promise.all(processes.map((p) => p.exited));
      await proxy?.close();
      await standin.close();
      for (const dir of [corpusDir, ...dataDirs]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function until(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("bench: timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const posts = (standin: Standin) => standin.requests.filter((r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path));
const delivered = (standin: Standin) => standin.channelIds.reduce((sum, id) => sum + standin.messagesIn(id).length, 0);

function writeArticles(corpusDir: string, count: number, prefix: string) {
  for (let i = 0; i < count; i++) writeFileSync(path.join(corpusDir, `${prefix}-${i}.md`), markdownArticle({ title: `${prefix} story ${i}`, source: `https://news.example.com/${prefix}-${i}` }));
}

/** A burst of articles to six channels with `count` processes: posts per second, and the busiest second at Discord. */
async function postingRate(adminUrl: string, count: number, viaProxy: boolean, articles: number) {
  const run = await cluster(adminUrl, count, viaProxy);
  try {
    writeArticles(run.corpusDir, articles, "burst");
    await until(() => delivered(run.standin) >= articles * CHANNELS, 180_000);
    const made = posts(run.standin).filter((r) => r.status !== 429);
    const times = made.map((r) => r.at);
    const seconds = (Math.max(...times) - Math.min(...times)) / 1000;
    const burst = run.standin.requests.filter((r) => countsGlobally(r) && r.at >= Math.min(...times));
    const doubled = run.standin.channelIds.some((id) => new Set(run.standin.messagesIn(id).map((m) => m.embeds[0].title)).size !== run.standin.messagesIn(id).length);
    return {
      processes: count, viaProxy, posts: articles * CHANNELS, seconds: round(seconds, 2), postsPerSecond: round((articles * CHANNELS) / seconds, 1),
      busiestSecondAtDiscord: busiestSecond(burst.map((r) => r.at)), busiestSlidingSecond: run.standin.maxRequestsInAnyWindow(1000),
      global429s: run.standin.requests.filter((r) => r.status === 429).length, doubled,
    };
  } finally {
    await run.close();
  }
}

/** Two processes posting a slow burst; the one holding channels is killed: how long until its channels move on. */
async function takeover(adminUrl: string, articles: number) {
  const run = await cluster(adminUrl, 2, true);
  try {
    for (const id of run.standin.channelIds) run.standin.delayRoute(new RegExp(`^POST /channels/${id}/messages$`), 100);
    writeArticles(run.corpusDir, articles, "takeover");
    await until(() => delivered(run.standin) >= CHANNELS * 3, 60_000);
    const database = await openDatabase({ databaseUrl: run.url, dataDir: ":memory:" });
    let held: string[] = [];
    let victim: BotProcess | undefined;
    for (let tries = 0; !victim && tries < 200; tries++) {
      const leases = await database.db.selectFrom("channel_leases as l").innerJoin("subscriptions as s", "s.id", "l.subscription_id").select(["l.owner", "s.channel_id"]).execute();
      victim = run.processes.find((p) => leases.some((l) => l.owner.includes(`:${p.pid}:`)));
      held = leases.filter((l) => victim && l.owner.includes(`:${victim.pid}:`)).map((l) => l.channel_id);
      if (!victim) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await database.close();
    if (!victim) throw new Error("bench: no process held a channel");
    const killedAt = performance.now();
    victim.child.kill("SIGKILL");
    await victim.exited;
    // Taken over: the survivor holds the channel's lease, or the channel has everything already.
    const survivor = run.processes.find((p) => p !== victim)!;
    const takenAt = new Map<string, number>();
    const watcher = await openDatabase({ databaseUrl: run.url, dataDir: ":memory:" });
    while (takenAt.size < held.length && performance.now() - killedAt < 120_000) {
      const leases = await watcher.db.selectFrom("channel_leases as l").innerJoin("subscriptions as s", "s.id", "l.subscription_id").select(["l.owner", "s.channel_id"]).execute();
      for (const channelId of held) {
        const bySurvivor = leases.some((l) => l.channel_id === channelId && l.owner.includes(`:${survivor.pid}:`));
        if (!takenAt.has(channelId) && (bySurvivor || run.standin.messagesIn(channelId).length >= articles)) takenAt.set(channelId, performance.now());
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await watcher.close();
    await until(() => delivered(run.standin) >= articles * CHANNELS, 180_000);
    const exact = run.standin.channelIds.every((id) => run.standin.messagesIn(id).length === articles);
    const waits = [...takenAt.values()].map((at) => (at - killedAt) / 1000);
    return { channelsHeldByKilled: held.length, firstTakenSeconds: round(Math.min(...waits), 2), takeoverSeconds: round(Math.max(...waits), 2), everyArticleOncePerChannel: exact };
  } finally {
    await run.close();
  }
}
/** The same interactions answered by one process on SQLite and on PostgreSQL (answers come from memory). */
async function answerLatency(adminUrl: string, count: number) {
  const result: Record<string, ReturnType<typeof summarize>> = {};
  for (const engine of ["sqlite", "postgres"] as const) {
    const standin = await startStandin();
    const dataDir = mkdtempSync(path.join(tmpdir(), "newsdesk-bench-engine-"));
    const databaseUrl = engine === "postgres" ? await createDatabase(adminUrl, `newsdesk_bench_latency_${process.pid}`) : null;
    const newsdesk = await startNewsdesk({ corpusDir: path.join(here, "..", "corpus"), dataDir, databaseUrl, token: TOKEN, apiUrl: standin.apiUrl, logger: silent, rest: { globalRequestsPerSecond: 1e6 } });
    await until(() => newsdesk.client.isReady(), 30_000);
    await roundTrips(standin, 24);
    result[engine] = summarize(await roundTrips(standin, count));
    await newsdesk.stop();
    await standin.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { interactions: count, sqlite: result.sqlite!, postgres: result.postgres! };
}

export async function benchScaleOut(options: { articles?: number; channels?: number; only?: string } = {}) {
  const articles = options.articles ?? 100;
  CHANNELS = options.channels ?? CHANNELS;
  const wanted = (part: string) => !options.only || options.only === part;
  const server = await startEmbeddedPostgres();
  try {
    const rates = [];
    if (wanted("rates")) for (const [count, viaProxy] of [[1, true], [2, true], [3, true], [3, false]] as const) rates.push(await postingRate(server.adminUrl, count, viaProxy, articles));
    const failover = wanted("takeover") ? await takeover(server.adminUrl, articles) : null;
    const latency = wanted("latency") ? await answerLatency(server.adminUrl, 240) : null;
    return { articles, channels: CHANNELS, rates, takeover: failover, latency };
  } finally {
    await server.stop();
  }
}

export function printScaleOut(result: Awaited<ReturnType<typeof benchScaleOut>>) {
  console.log(`\nRunning at scale: ${result.articles} articles to ${result.channels} channels, processes sharing one PostgreSQL (real processes, dist/main.js)`);
  console.table(result.rates.map((r) => ({
    processes: r.processes, "REST proxy": r.viaProxy ? "yes" : "no", posts: r.posts, seconds: r.seconds, "posts/s": r.postsPerSecond,
    "busiest second at Discord": r.busiestSecondAtDiscord, "busiest sliding second": r.busiestSlidingSecond, "global 429s": r.global429s,
    // "At Discord" is the stand-in applying Discord's rule: past 50 requests in a second, a global 429.
    "within 50/s": r.global429s === 0 ? "PASS" : r.viaProxy ? "FAIL" : "no (no proxy)", doubled: r.doubled,
  })));
  const t = result.takeover;
  if (t) console.log(`takeover: a process killed (SIGKILL) while holding ${t.channelsHeldByKilled} channels; the survivor held the first again after ${t.firstTakenSeconds} s, the last after ${t.takeoverSeconds} s (${t.takeoverSeconds <= 30 ? "PASS" : "FAIL"}: <= 30 s); every article once per channel: ${t.everyArticleOncePerChannel}`);
  if (result.latency) console.table([{ engine: "SQLite", ...result.latency.sqlite }, { engine: "PostgreSQL", ...result.latency.postgres }]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const articlesAt = process.argv.indexOf("--articles");
  const onlyAt = process.argv.indexOf("--only");
  const channelsAt = process.argv.indexOf("--channels");
  const result = await benchScaleOut({ articles: articlesAt > 0 ? Number(process.argv[articlesAt + 1]) : undefined, only: onlyAt > 0 ? process.argv[onlyAt + 1] : undefined, channels: channelsAt > 0 ? Number(process.argv[channelsAt + 1]) : undefined });
  printScaleOut(result);
  writeFileSync(path.join(here, "results-scale-out.json"), `${JSON.stringify(result, null, 2)}\n`);
}

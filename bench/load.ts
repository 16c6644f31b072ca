import { Events } from "discord.js";
import { parseArticleText } from "../src/articles/parse.js";
import { createBot } from "../src/discord/bot.js";
import { startHttpEndpoint, type HttpEndpoint } from "../src/http/endpoint.js";
import { createLogger } from "../src/logger.js";
import { NewsIndex } from "../src/search/newsIndex.js";
import { startStandin } from "../tests/e2e/standin.js";
import { round, summarize } from "./stats.js";
import { syntheticCorpus } from "./synthetic.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.load-token-not-real-00000000000000000";

/** A synthetic archive indexed for the load run. */
export function syntheticIndex(size: number): { index: NewsIndex; titles: string[]; companies: string[] } {
  const documents = syntheticCorpus(size);
  const articles = documents.map((doc) => {
    const parsed = parseArticleText(doc.text, doc.id);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.article;
  });
  return { index: new NewsIndex(articles), titles: documents.map((d) => d.title), companies: [...new Set(articles.flatMap((a) => a.companies))] };
}

/**
 * `count` interactions from `users` users, spread evenly over `seconds`, through the local Discord stand-in
 * against the given index: how long each took from dispatch to its answer, whether every one was answered
 * once and in time, and the highest resident memory seen. `over: "http"` sends them as signed POSTs to the
 * Interactions Endpoint (interactions-only mode) instead of over the gateway.
 */
export async function loadRun(corpus: ReturnType<typeof syntheticIndex>, options = { count: 1000, users: 50, seconds: 10 }, over: "gateway" | "http" = "gateway") {
  const standin = await startStandin();
  const logger = createLogger("silent");
  let endpoint: HttpEndpoint | null = null;
  if (over === "http") endpoint = await startHttpEndpoint({ port: 0, host: "127.0.0.1", publicKey: standin.publicKey }, logger);
  const bot = createBot({ index: () => corpus.index, logger: endpoint?.logger ?? logger, apiUrl: standin.apiUrl, rest: { globalRequestsPerSecond: 1e6, ...endpoint?.rest } });
  if (endpoint) {
    endpoint.attach(bot);
    await endpoint.useTokenWithoutGateway(bot, TOKEN);
    endpoint.ready({ articles: () => corpus.index.size, checkDatabase: async () => undefined, waitingPosts: () => 0 });
    standin.useInteractionsEndpoint(`http://127.0.0.1:${endpoint.port}/interactions`);
  } else {
    const ready = new Promise((resolve) => bot.once(Events.ClientReady, resolve));
    await bot.login(TOKEN);
    await ready;
  }
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const sent: Array<{ id: string; at: number }> = [];
  const gap = (options.seconds * 1000) / options.count;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < options.count; i++) {
    const wait = start + i * gap - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const userId = String(300000000000000000n + BigInt(i % options.users));
    const title = corpus.titles[(i * 7919) % corpus.titles.length]!;
    const company = corpus.companies[(i * 104729) % corpus.companies.length]!;
    const kind = i % 5;
    const at = performance.now();
    const interaction =
      kind === 0 ? standin.slashCommand("ask", [{ name: "question", type: 3, value: `who did ${title.split(" ")[0]} sign a deal with?` }], { userId })
      : kind === 1 ? standin.slashCommand("deal", [{ name: "query", type: 3, value: company }], { userId })
      : kind === 2 ? standin.slashCommand("summary", [{ name: "topic", type: 3, value: title }], { userId })
      : kind === 3 ? standin.autocomplete("deal", [{ name: "query", type: 3, value: company.slice(0, 3), focused: true }], { userId })
      : standin.slashCommand("latest", [{ name: "count", type: 4, value: 5 }], { userId });
    sent.push({ id: interaction.id, at });
  }
  const answers = await Promise.all(sent.map((s) => standin.waitForRequest((r) => r.method === "POST" && r.path.startsWith(`/interactions/${s.id}/`), 20_000)));
  const cpu = process.cpuUsage(cpuBefore);
  await new Promise((resolve) => setTimeout(resolve, 300));
  clearInterval(sampler);
  const latencies = answers.map((answer, i) => answer.at - sent[i]!.at);
  const callbacksPer = sent.map((s) => standin.requests.filter((r) => r.method === "POST" && r.path.startsWith(`/interactions/${s.id}/`)).length);
  const refused = over === "http" ? sent.filter((s) => standin.endpointStatus.get(s.id) !== 200).length : 0;
  await bot.destroy();
  await endpoint?.close();
  await standin.close();
  return {
    over,
    interactions: options.count,
    refused,
    users: options.users,
    seconds: options.seconds,
    answered: answers.length,
    answeredTwice: callbacksPer.filter((n) => n > 1).length,
    over3s: latencies.filter((ms) => ms > 3000).length,
    latencyMs: summarize(latencies),
    peakRssMB: Math.round(peakRss / 1e6),
    /** CPU time of the process (bot and stand-in) per interaction: unlike latency, not inflated by other processes on the machine. */
    cpuMsPerInteraction: round((cpu.user + cpu.system) / 1000 / options.count, 2),
    maxMs: round(Math.max(...latencies), 1),
  };
}

/** One row of the load table, for the gateway or the HTTP endpoint. */
export function loadRow(result: Awaited<ReturnType<typeof loadRun>>) {
  return {
    "interactions over": result.over === "http" ? "HTTP endpoint (signed POSTs)" : "gateway",
    answered: result.answered,
    "answered twice": result.answeredTwice,
    "over 3 s": result.over3s,
    "median ms": result.latencyMs.median,
    "p95 ms": result.latencyMs.p95,
    "p99 ms": result.latencyMs.p99,
    "max ms": result.maxMs,
    "peak RSS MB": result.peakRssMB,
    "CPU ms each": result.cpuMsPerInteraction,
  };
}

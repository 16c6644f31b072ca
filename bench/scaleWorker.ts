// One measurement of the archive-scale benchmark, on the compiled code that `npm start` runs (dist/, built
// by `npm run bench`), in a process of its own so that its memory figures are its own:
// `tsx bench/scaleWorker.ts <cold|warm|bot|plain|plain-build> <corpus dir> <snapshot file> <queries>`
// (plain-build: plain minisearch's read and index only, without the queries).
// Prints one line of JSON. Run by bench/scaleBench.ts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { monitorEventLoopDelay } from "node:perf_hooks";
import MiniSearch from "minisearch";
import path from "node:path";
import {
  ask, deal, summary, parseArticleText, renderAnswer, NewsIndex, indexFingerprint, loadIndexedCorpus, saveSnapshot,
  startNewsdesk, createLogger, releaseScratchMemory, loadAndIndex, type Answer,
} from "./compiled.js";
import { startStandin } from "../tests/e2e/standin.js";
import { interactionRoundTrips } from "./scaleInteractions.js";
import { PATHOLOGICAL_QUERIES, type ScaleQuery } from "./scaleQueries.js";
import { round, summarize } from "./stats.js";

const [mode, corpusDir, snapshotFile, queriesFile] = process.argv.slice(2) as [string, string, string, string];
const queries = JSON.parse(readFileSync(queriesFile, "utf8")) as ScaleQuery[];
const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.scale-token-not-real-0000000000000000";
const mb = (bytes: number) => Math.round(bytes / 1e6);
const round2 = (ms: number) => Math.round(ms * 100) / 100;
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);

/** The answer to a query as the bot gives it: the answer, then the rendered Discord message. */
function answer(index: NewsIndex, query: ScaleQuery): Answer {
  const result = query.kind === "ask" ? ask(index, query.text) : query.kind === "deal" ? deal(index, query.text) : summary(index, query.text);
  renderAnswer(result);
  return result;
}

function firstId(result: Answer): string | undefined {
  if (result.type === "ask") return result.results[0]?.article.id;
  if (result.type === "summary") return result.article?.id;
  if (result.type === "deal") return result.deals[0]?.article.id;
  return undefined;
}

async function cold() {
  const started = performance.now();
  const startCpu = process.cpuUsage();
  // Parsed on worker threads and indexed as the files arrive, as loadIndexedCorpus builds an index without a snapshot.
  const { corpus, index } = await loadAndIndex(corpusDir);
  const indexed = performance.now();
  const coldCpu = process.cpuUsage(startCpu);
  corpus.articles = [];
  saveSnapshot(snapshotFile, indexFingerprint(corpusDir), corpus, index);
  const saved = performance.now();
  return { snapshotSaveMs: Math.round(saved - indexed), startWithoutSnapshotMs: Math.round(indexed - started), startWithoutSnapshotCpuMs: Math.round((coldCpu.user + coldCpu.system) / 1000), peakRssMB: mb(peakRss) };
}

async function warm() {
  const started = performance.now();
  const startCpu = process.cpuUsage();
  const { index, snapshot } = await loadIndexedCorpus(corpusDir, { snapshotFile });
  await releaseScratchMemory(); // as the bot does once the index is loaded
  const startMs = performance.now() - started;
  const startCpuUsed = process.cpuUsage(startCpu);
  if (!snapshot.used) throw new Error(`snapshot not used: ${snapshot.rejected}`);
  const startRss = process.memoryUsage().rss;

  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const latencies: number[] = [];
  const cpuTimes: number[] = [];
  const byQuery: Array<{ text: string; kind: string; ms: number }> = [];
  let titleHits = 0;
  let titles = 0;
  let empty = 0;
  for (let round = 0; round < 2; round++) {
    for (const query of queries) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const result = answer(index, query);
      if (round === 1) latencies.push(performance.now() - start);
      const used = process.cpuUsage(cpu);
      if (round === 1) cpuTimes.push((used.user + used.system) / 1000);
      if (round === 1) byQuery.push({ text: query.text, kind: query.kind, ms: round2(performance.now() - start) });
      if (round === 1 && renderAnswer(result).empty) empty++;
      if (round === 1 && query.kind === "summary") {
        titles++;
        if (firstId(result) === query.about) titleHits++;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const pathological = PATHOLOGICAL_QUERIES.map((text) => {
    const start = performance.now();
    answer(index, { kind: "ask", text, about: "" });
    return performance.now() - start;
  });
  loop.disable();

  // Adding one article to the live index: parse its text and index it, as the corpus watcher does.
  const template = readFileSync(existsSync(`${corpusDir}/000/0.md`) ? `${corpusDir}/000/0.md` : `${corpusDir}/000/0.txt`, "utf8");
  const adds: number[] = [];
  for (let i = 0; i < 20; i++) {
    const newTitle = `Benchmark Newcomer ${i} signs a supply deal`;
    const text = template.includes("\ntitle: ") ? template.replace(/^title: .*$/m, `title: "${newTitle}"`) : template.replace(/^.*$/m, newTitle);
    const start = performance.now();
    const parsed = parseArticleText(text, `bench/new-${i}`);
    if (!parsed.ok) throw new Error(parsed.reason);
    index.add(parsed.article);
    adds.push(performance.now() - start);
  }
  const memory = process.memoryUsage();
  const interactions = await interactionRoundTrips(index, queries.slice(0, 90));
  return {
    startFromSnapshotMs: Math.round(startMs),
    startFromSnapshotCpuMs: Math.round((startCpuUsed.user + startCpuUsed.system) / 1000),
    startRssMB: mb(startRss),
    heapMB: mb(memory.heapUsed),
    rssMB: mb(memory.rss),
    peakRssMB: mb(peakRss),
    answerMs: summarize(latencies),
    // CPU time of the answering thread's process: on a machine whose cores are busy with other work, wall time also counts the waits for a core.
    answerCpuMs: summarize(cpuTimes),
    answerMsByKind: Object.fromEntries(["ask", "deal", "summary"].map((kind) => [kind, summarize(byQuery.filter((q) => q.kind === kind).map((q) => q.ms))])),
    slowest: byQuery.sort((a, b) => b.ms - a.ms).slice(0, 5),
    titleHitAt1: round(titleHits / Math.max(1, titles)),
    nothingFound: empty,
    pathologicalMaxMs: round(Math.max(...pathological), 1),
    eventLoopMaxDelayMs: round(loop.max / 1e6, 1),
    addArticleMs: summarize(adds),
    interactions,
  };
}

/**
 * The whole bot started as `npm start` starts it (database, reconciliation with the corpus, watcher,
 * discord.js connected to the stand-in): milliseconds until it is ready, with the snapshot in DATA_DIR.
 */
async function bot() {
  const standin = await startStandin();
  const dataDir = path.dirname(snapshotFile);
  const started = performance.now();
  const newsdesk = await startNewsdesk({ corpusDir, dataDir, token: TOKEN, apiUrl: standin.apiUrl, logger: createLogger("silent") });
  while (!newsdesk.client.isReady()) await new Promise((resolve) => setTimeout(resolve, 5));
  const readyMs = performance.now() - started;
  const rss = process.memoryUsage().rss;
  await newsdesk.stop();
  await standin.close();
  return { botReadyMs: Math.round(readyMs), botRssMB: mb(rss) };
}

/**
 * Plain minisearch (default options) as a new user would use it on the same files: each file read (32 at
 * a time, as Newsdesk reads them), its first line indexed as the title and the whole text as the body.
 */
async function plain() {
  const started = performance.now();
  const startCpu = process.cpuUsage();
  const files = readdirSync(corpusDir, { recursive: true, encoding: "utf8" }).filter((name) => /\.(md|txt)$/.test(name)).sort();
  const miniSearch = new MiniSearch({ fields: ["title", "text"] });
  for (let at = 0; at < files.length; at += 32) {
    const texts = await Promise.all(files.slice(at, at + 32).map((name) => readFile(path.join(corpusDir, name), "utf8")));
    texts.forEach((text, i) => {
      const name = files[at + i]!;
      const title = text.replace(/^---[\s\S]*?\n---\n/, "").trimStart().split("\n", 1)[0]!.replace(/^#\s*/, "");
      miniSearch.add({ id: name.slice(0, name.lastIndexOf(".")), title, text });
    });
  }
  const buildMs = performance.now() - started;
  const buildCpu = process.cpuUsage(startCpu);
  if (mode === "plain-build") return { buildMs: Math.round(buildMs), buildCpuMs: Math.round((buildCpu.user + buildCpu.system) / 1000) };
  const latencies: number[] = [];
  let titleHits = 0;
  let titles = 0;
  // Plain minisearch takes a second or more per query on the largest archives: the first 100 are enough to compare.
  const asked = files.length >= 100_000 ? queries.slice(0, 100) : queries;
  for (const query of asked) {
    const start = performance.now();
    const results = miniSearch.search(query.text);
    latencies.push(performance.now() - start);
    if (query.kind === "summary") {
      titles++;
      if (results[0]?.id === query.about) titleHits++;
    }
  }
  const memory = process.memoryUsage();
  return { buildMs: Math.round(buildMs), buildCpuMs: Math.round((buildCpu.user + buildCpu.system) / 1000), heapMB: mb(memory.heapUsed), rssMB: mb(memory.rss), answerMs: summarize(latencies), titleHitAt1: round(titleHits / Math.max(1, titles)) };
}

const result = mode === "cold" ? await cold() : mode === "warm" ? await warm() : mode === "bot" ? await bot() : await plain();
clearInterval(sampler);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);

// `npm run bench`: performance figures, printed as a table and written to bench/results.json.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "../src/articles/loadCorpus.js";
import { NewsIndex } from "../src/search/newsIndex.js";
import { benchCorpus } from "./corpusBench.js";
import { benchDelivery } from "./deliveryBench.js";
import { benchInteractions } from "./interactionBench.js";
import { loadRow, loadRun, syntheticIndex } from "./load.js";
import { benchScale, SCALE_QUERIES } from "./scaleBench.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };

const corpus = await benchCorpus(path.join(here, "..", "corpus"));
results.corpus = corpus;
console.log("Our corpus: parse, index, and answer latency (query -> rendered message)");
console.table([{ articles: corpus.articles, "parse ms": corpus.parseMs, "index ms": corpus.indexMs, "answer median ms": corpus.answerMs.median, "answer p95 ms": corpus.answerMs.p95, "answer p99 ms": corpus.answerMs.p99, answers: corpus.answerMs.n }]);

const corpusIndex = new NewsIndex((await loadCorpus(path.join(here, "..", "corpus"))).articles);
const interactions = await benchInteractions(corpusIndex);
results.interactions = interactions;
console.log("\nInteraction round trip through the local Discord stand-in (INTERACTION_CREATE -> answer received), ms");
console.table([
  { bot: "Newsdesk", ...interactions.newsdesk },
  { bot: "bare discord.js (replies \"ok\")", ...interactions.bareBot },
]);
console.log(`ratio Newsdesk / bare: median ${interactions.ratioMedian}x, p99 ${interactions.ratioP99}x over ${interactions.interactions} mixed interactions`);

const delivery = await benchDelivery();
results.delivery = delivery;
console.log("\nChannel posts through the local Discord stand-in");
console.table([{ measure: "file lands in corpus/ -> post reaches Discord (ms)", ...delivery.fileToPostMs }]);
console.table([
  { run: "1 channel, discord.js default limits", ...delivery.oneChannel },
  { run: "50 channels, discord.js default limits", ...delivery.fiftyChannels },
  { run: "1 channel, global limit lifted", ...delivery.oneChannelUnthrottled },
  { run: "50 channels, global limit lifted", ...delivery.fiftyChannelsUnthrottled },
]);

const loadCorpus10k = syntheticIndex(10_000);
const load = await loadRun(loadCorpus10k, { count: 1000, users: 50, seconds: 10 });
results.load = load;
const loadHttp = await loadRun(loadCorpus10k, { count: 1000, users: 50, seconds: 10 }, "http");
results.loadHttp = loadHttp;
console.log("\nLoad: 1,000 interactions from 50 users over 10 s on 10,000 synthetic articles, through the stand-in (`npm run bench:http` runs only this)");
console.table([loadRow(load), loadRow(loadHttp)]);

// Archive scale: synthetic archives of these sizes (default 10,000 and 50,000; `-- --sizes 1000,10000`
// to choose, `-- --sizes none` to skip), each measured in fresh processes.
const sizesAt = process.argv.indexOf("--sizes");
const sizes = (sizesAt >= 0 ? process.argv[sizesAt + 1] ?? "" : "10000,50000").split(",").map(Number).filter((n) => n > 0);
if (sizes.length > 0) {
  const scale = [];
  for (const size of sizes) {
    console.log(`\nsynthetic archive of ${size} articles: writing, indexing, starting from the snapshot, querying (ours, then plain minisearch)...`);
    scale.push(benchScale(size));
  }
  results.scale = scale;
  console.log(`\nArchive scale: synthetic archives, ${SCALE_QUERIES} queries each (questions, deal queries, titles; a quarter misspelt), ms unless said`);
  console.table(scale.map((s) => ({
    articles: s.articles,
    "parse + index": s.parseMs + s.indexMs,
    "snapshot save": s.snapshotSaveMs,
    "start from snapshot": s.startFromSnapshotMs,
    "heap MB": s.heapMB,
    "RSS MB": s.rssMB,
    "answer median": s.answerMs.median,
    "answer p95": s.answerMs.p95,
    "answer p99": s.answerMs.p99,
    "plain minisearch median": s.plain.answerMs.median,
    "plain p95": s.plain.answerMs.p95,
    "plain p99": s.plain.answerMs.p99,
  })));
  console.table(scale.map((s) => ({
    articles: s.articles,
    "plain / ours, median": `${s.ratio.median}x`,
    "plain / ours, p99": `${s.ratio.p99}x`,
    "title found first, ours": s.titleHitAt1,
    "title found first, plain": s.plain.titleHitAt1,
    "add one article median / max": `${s.addArticleMs.median} / ${s.addArticleMs.max}`,
    "slowest odd query": s.pathologicalMaxMs,
    "event loop max delay": s.eventLoopMaxDelayMs,
    "interaction: first response median / p99": `${s.interactions.firstResponseMs.median} / ${s.interactions.firstResponseMs.p99}`,
    "interaction: answer median / p99": `${s.interactions.answerMs.median} / ${s.interactions.answerMs.p99}`,
    "deferred": `${s.interactions.deferred}/${s.interactions.interactions}`,
  })));
}

mkdirSync(here, { recursive: true });
writeFileSync(path.join(here, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${path.relative(process.cwd(), path.join(here, "results.json"))}`);

// `npm run bench`: performance figures, printed as a table and written to bench/results.json.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "../src/articles/loadCorpus.js";
import { NewsIndex } from "../src/search/newsIndex.js";
import { benchCorpus } from "./corpusBench.js";
import { benchDelivery } from "./deliveryBench.js";
import { benchInteractions } from "./interactionBench.js";
import { loadRun, syntheticIndex } from "./load.js";
import { benchScale } from "./scaleBench.js";

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

const load = await loadRun(syntheticIndex(10_000), { count: 1000, users: 50, seconds: 10 });
results.load = load;
console.log("\nLoad: 1,000 interactions from 50 users over 10 s on 10,000 synthetic articles, through the stand-in");
console.table([{ answered: load.answered, "answered twice": load.answeredTwice, "over 3 s": load.over3s, "median ms": load.latencyMs.median, "p95 ms": load.latencyMs.p95, "p99 ms": load.latencyMs.p99, "max ms": load.maxMs, "peak RSS MB": load.peakRssMB }]);

// `npm run bench -- --sizes 1000,10000`: synthetic archives too (slow: minutes at 10,000).
const sizesAt = process.argv.indexOf("--sizes");
if (sizesAt >= 0) {
  const sizes = (process.argv[sizesAt + 1] ?? "").split(",").map(Number).filter((n) => n > 0);
  const scale = [];
  for (const size of sizes) scale.push(await benchScale(size));
  results.scale = scale;
  console.log("\nSynthetic archives (ask latency over 100 questions and titles)");
  console.table(scale.map(({ answerMs, ...rest }) => ({ ...rest, "answer median ms": answerMs.median, "answer p99 ms": answerMs.p99 })));
}

mkdirSync(here, { recursive: true });
writeFileSync(path.join(here, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${path.relative(process.cwd(), path.join(here, "results.json"))}`);

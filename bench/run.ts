// `npm run bench`: performance figures, printed as a table and written to bench/results.json.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchCorpus } from "./corpusBench.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };

const corpus = await benchCorpus(path.join(here, "..", "corpus"));
results.corpus = corpus;
console.log("Our corpus: parse, index, and answer latency (query -> rendered message)");
console.table([{ articles: corpus.articles, "parse ms": corpus.parseMs, "index ms": corpus.indexMs, "answer median ms": corpus.answerMs.median, "answer p95 ms": corpus.answerMs.p95, "answer p99 ms": corpus.answerMs.p99, answers: corpus.answerMs.n }]);

mkdirSync(here, { recursive: true });
writeFileSync(path.join(here, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`written to ${path.relative(process.cwd(), path.join(here, "results.json"))}`);

// Development probe (not part of `npm run bench`): a Zipf archive built in this process from the sources,
// then the bench's queries, with the slowest printed. `tsx bench/zipfProbe.ts 10000`
import { parseArticleText } from "../src/articles/parse.js";
import { ask } from "../src/answers/ask.js";
import { deal } from "../src/answers/deal.js";
import { summary } from "../src/answers/summary.js";
import { renderAnswer } from "../src/render/answer.js";
import { NewsIndex } from "../src/search/newsIndex.js";
import { summarize } from "./stats.js";
import { zipfCorpus } from "./zipfArchive.js";
import { zipfQueries } from "./zipfQueries.js";

const size = Number(process.argv[2] ?? 10_000);
const generated = zipfCorpus(size);
let started = performance.now();
const articles = generated.map((doc) => {
  const parsed = parseArticleText(doc.text, doc.id);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.article;
});
console.log(`parse ${Math.round(performance.now() - started)} ms`);
started = performance.now();
const index = new NewsIndex(articles);
console.log(`index ${Math.round(performance.now() - started)} ms`);
const queries = zipfQueries(generated, 500);
const timings: Array<{ ms: number; kind: string; text: string }> = [];
for (let round = 0; round < 2; round++) {
  for (const query of queries) {
    const start = performance.now();
    renderAnswer(query.kind === "ask" ? ask(index, query.text) : query.kind === "deal" ? deal(index, query.text) : summary(index, query.text));
    if (round === 1) timings.push({ ms: performance.now() - start, kind: query.kind, text: query.text });
  }
}
console.log("all", summarize(timings.map((t) => t.ms)));
for (const kind of ["ask", "deal", "summary"]) console.log(kind, summarize(timings.filter((t) => t.kind === kind).map((t) => t.ms)));
for (const t of timings.sort((a, b) => b.ms - a.ms).slice(0, 12)) console.log(t.ms.toFixed(1), t.kind, t.text);

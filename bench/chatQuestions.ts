// `npx tsx bench/chatQuestions.ts [articles]`: CPU time per answer (query -> rendered message) on a
// synthetic archive (default 10,000 articles), for the archive-scale bench's 150 queries and for 60
// chat-style questions (tickers, time words, numbers in words, counts), three rounds each. CPU time rather
// than wall time: on a shared machine it moves far less with the other processes' load.
import { ask } from "../src/answers/ask.js";
import { deal } from "../src/answers/deal.js";
import { summary } from "../src/answers/summary.js";
import { renderAnswer } from "../src/render/answer.js";
import { syntheticIndex } from "./load.js";
import { scaleQueries, type ScaleQuery } from "./scaleQueries.js";
import { summarize } from "./stats.js";
import { syntheticCorpus } from "./synthetic.js";

const size = Number(process.argv[2] ?? 10_000);
const { index, companies } = syntheticIndex(size);
const scale = scaleQueries(syntheticCorpus(size), 150);
const chat: ScaleQuery[] = companies.slice(0, 20).flatMap((name) => {
  const company = name.toLowerCase();
  return [
    `latest ${company} news`,
    `how many people did ${company} hire in 2024`,
    `whats the nvda stake in ${company} worth, like a fifth or three billion`,
  ].map((text) => ({ kind: "ask" as const, text, about: "" }));
});

const answer = (query: ScaleQuery) =>
  renderAnswer(query.kind === "ask" ? ask(index, query.text) : query.kind === "deal" ? deal(index, query.text) : summary(index, query.text));

for (const query of [...scale, ...chat].slice(0, 30)) answer(query); // warm-up
const cpuMs: Record<"scale queries" | "chat questions", number[]> = { "scale queries": [], "chat questions": [] };
for (let round = 0; round < 3; round++) {
  for (const [set, queries] of [["scale queries", scale], ["chat questions", chat]] as const) {
    for (const query of queries) {
      const before = process.cpuUsage();
      answer(query);
      const used = process.cpuUsage(before);
      cpuMs[set].push((used.user + used.system) / 1000);
    }
  }
}
console.log(`CPU ms per answer, ${size} synthetic articles`);
console.table(Object.entries(cpuMs).map(([set, values]) => ({ set, ...summarize(values) })));

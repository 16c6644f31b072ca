// CPU time an answer takes, in one process, on the load test's 10,000-article index: ask, deal and summary
// as the load run sends them, plus a question of unknown words. `npx tsx bench/answerCpu.ts`; run it on two
// commits, back to back, to compare them (a single bench run moves by a fifth with the machine).
import { ask } from "../src/answers/ask.js";
import { deal } from "../src/answers/deal.js";
import { summary } from "../src/answers/summary.js";
import { syntheticIndex } from "./load.js";

const corpus = syntheticIndex(10_000);
function answer(i: number) {
  const title = corpus.titles[(i * 7919) % corpus.titles.length]!;
  const company = corpus.companies[(i * 104729) % corpus.companies.length]!;
  const kind = i % 50 === 49 ? 4 : i % 4;
  if (kind === 0) return ask(corpus.index, `who did ${title.split(" ")[0]} sign a deal with?`);
  if (kind === 1) return deal(corpus.index, company);
  if (kind === 2) return summary(corpus.index, title);
  if (kind === 3) return ask(corpus.index, `how much did ${company} pay for the ${title.split(" ").slice(1, 3).join(" ")}`);
  return ask(corpus.index, "zebra quidditch xylophone");
}

for (let i = 0; i < 300; i++) answer(i); // warm up
for (let round = 0; round < 3; round++) {
  const before = process.cpuUsage();
  for (let i = 0; i < 1000; i++) answer(1000 * round + i);
  const used = process.cpuUsage(before);
  console.log(`round ${round + 1}: ${((used.user + used.system) / 1e6).toFixed(3)} ms of CPU an answer (1,000 answers)`);
}

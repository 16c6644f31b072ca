import { ask } from "../src/answers/ask.js";
import { deal } from "../src/answers/deal.js";
import { summary } from "../src/answers/summary.js";
import { loadCorpus } from "../src/articles/loadCorpus.js";
import { renderAnswer } from "../src/render/answer.js";
import { NewsIndex } from "../src/search/newsIndex.js";
import { loadQuestions } from "../tests/quality/evaluate.js";
import { round, summarize, timed } from "./stats.js";

/**
 * Our own corpus: parse + index time (median of several runs) and answer latency, from query to the
 * rendered Discord message, over every question of the quality set, several rounds.
 */
export async function benchCorpus(corpusDir: string, rounds = 10) {
  const parse: number[] = [];
  const build: number[] = [];
  let index = new NewsIndex();
  for (let i = 0; i < 7; i++) {
    const loaded = await timed(() => loadCorpus(corpusDir));
    const built = await timed(() => new NewsIndex(loaded.value.articles));
    parse.push(loaded.ms);
    build.push(built.ms);
    index = built.value;
  }
  const questions = loadQuestions();
  const latencies: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const question of questions) {
      const start = performance.now();
      const answer = question.kind === "ask" ? ask(index, question.q) : question.kind === "deal" ? deal(index, question.q) : summary(index, question.q);
      renderAnswer(answer);
      latencies.push(performance.now() - start);
    }
  }
  return {
    articles: index.size,
    parseMs: round(summarize(parse).median, 1),
    indexMs: round(summarize(build).median, 1),
    answerMs: summarize(latencies),
  };
}

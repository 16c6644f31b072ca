import { ask } from "../src/answers/ask.js";
import { parseArticleText } from "../src/articles/parse.js";
import { NewsIndex } from "../src/search/newsIndex.js";
import { round, summarize, timed } from "./stats.js";
import { syntheticCorpus } from "./synthetic.js";

/**
 * Synthetic archives of the given size: parse and index time, memory, and answer latency for questions
 * and titles (the start of the archive-scale work; see the README's Speed section).
 */
export async function benchScale(size: number, queries = 100) {
  const documents = syntheticCorpus(size);
  const parsed = await timed(() => documents.map((doc) => {
    const result = parseArticleText(doc.text, doc.id);
    if (!result.ok) throw new Error(`${doc.id}: ${result.reason}`);
    return result.article;
  }));
  const built = await timed(() => new NewsIndex(parsed.value));
  const memory = process.memoryUsage();
  const latencies: number[] = [];
  for (let i = 0; i < queries; i++) {
    const doc = documents[(i * 7919) % documents.length]!;
    const query = i % 2 ? doc.title : `who did ${doc.title.split(" ")[0]} sign a deal with?`;
    const start = performance.now();
    ask(built.value, query);
    latencies.push(performance.now() - start);
  }
  return { articles: size, parseMs: round(parsed.ms, 0), indexMs: round(built.ms, 0), rssMB: Math.round(memory.rss / 1e6), heapMB: Math.round(memory.heapUsed / 1e6), answerMs: summarize(latencies) };
}

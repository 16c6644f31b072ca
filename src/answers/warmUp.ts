import { renderAnswer } from "../render/answer.js";
import type { SearchableIndex } from "../search/newsIndex.js";
import { ask } from "./ask.js";
import { deal } from "./deal.js";
import { latest } from "./latest.js";
import { summary } from "./summary.js";

/** How many rounds of questions a warm-up asks: enough for V8 to compile the answer paths it takes. */
const ROUNDS = 5;

/**
 * Answers and renders a few questions of every kind on the index, once, before the first user asks: what
 * is read or built on first use (the English word list for typos, the query reader's patterns, the
 * compiled answer paths) is then paid for at start-up, not by the first users. In a load run the first
 * interactions waited up to 0.7 s behind it while later ones took 15 ms. Returns the milliseconds it took.
 */
export function warmUp(index: SearchableIndex): number {
  const started = performance.now();
  const newest = index.newest(ROUNDS);
  if (newest.length === 0) return 0;
  for (let round = 0; round < ROUNDS; round++) {
    const article = newest[round % newest.length]!;
    const company = article.companies[0] ?? article.title.split(" ")[0]!;
    // Lower case, a typo and a word the corpus lacks, as chat types: the typo reading is warmed too.
    const questions = [
      () => ask(index, `how much did ${company.toLowerCase()} pay in the deall, qzxwv?`),
      () => deal(index, company),
      () => summary(index, article.title),
      () => latest(index),
    ];
    for (const question of questions) {
      try {
        renderAnswer(question());
      } catch {
        // A question an article's words make invalid ("please type a company") warms nothing; start-up goes on.
      }
    }
  }
  return Math.round(performance.now() - started);
}

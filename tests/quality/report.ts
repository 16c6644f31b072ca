// Prints the answer-quality report: `npm run quality` (add `-- --misses` to list every miss, and
// `-- --heldout` for the held-out set: articles and questions written apart from the tuning).
import path from "node:path";
import { CORPUS_DIR, QUESTIONS_DIR, evaluate, loadQuestions } from "./evaluate.js";

const heldout = process.argv.includes("--heldout");
const here = path.dirname(QUESTIONS_DIR);
const report = heldout
  ? await evaluate(path.join(here, "heldout", "corpus"), loadQuestions(path.join(here, "heldout")))
  : await evaluate(CORPUS_DIR);
const { misses, byKind, ...figures } = report;
console.log(heldout ? "Answer quality on the held-out set (tests/quality/heldout)" : "Answer quality over tests/quality/questions against corpus/");
console.table(figures);
console.table(byKind);
if (process.argv.includes("--misses")) for (const miss of misses) console.log(`  ${miss}`);
else if (misses.length) console.log(`${misses.length} misses (run with -- --misses to list them)`);

// Prints the answer-quality report: `npm run quality` (add `-- --misses` to list every miss, and
// `-- --heldout`, `-- --chat` or `-- --fresh` for a held-out set: articles and questions written apart from the tuning).
import path from "node:path";
import { ALL_CORPORA, CHAT_DIR, CORPUS_DIR, FRESH_DIR, HELDOUT_DIR, evaluate, loadQuestions } from "./evaluate.js";

const set = process.argv.includes("--fresh") ? "fresh" : process.argv.includes("--chat") ? "chat" : process.argv.includes("--heldout") ? "heldout" : "ours";
const report =
  set === "fresh"
    ? await evaluate([...ALL_CORPORA, path.join(FRESH_DIR, "corpus")], loadQuestions(FRESH_DIR))
    : set === "chat"
    ? await evaluate(ALL_CORPORA, loadQuestions(CHAT_DIR))
    : set === "heldout"
      ? await evaluate(path.join(HELDOUT_DIR, "corpus"), loadQuestions(HELDOUT_DIR))
      : await evaluate(CORPUS_DIR);
const { misses, byKind, ...figures } = report;
console.log({
  ours: "Answer quality over tests/quality/questions against corpus/",
  heldout: "Answer quality on the held-out set (tests/quality/heldout)",
  chat: "Answer quality on the chat-style held-out set (tests/quality/chat), over all three corpora",
  fresh: "Answer quality on the fresh set, never tuned on (tests/quality/fresh), over all four corpora",
}[set]);
console.table(figures);
console.table(byKind);
if (process.argv.includes("--misses")) for (const miss of misses) console.log(`  ${miss}`);
else if (misses.length) console.log(`${misses.length} misses (run with -- --misses to list them)`);

// Prints the answer-quality report: `npm run quality` (add `-- --misses` to list every miss, and
// `-- --heldout`, `-- --chat`, `-- --fresh`, `-- --fresh2` or `-- --sealed` for a set written apart from the code,
// and `-- --typos` for its questions with a typo each; see README).
import { CORPUS_DIR, HELD_OUT_SETS, evaluate, loadQuestions, withTypos } from "./evaluate.js";

const set = (Object.keys(HELD_OUT_SETS) as Array<keyof typeof HELD_OUT_SETS>).find((name) => process.argv.includes(`--${name}`)) ?? "ours";
const typos = process.argv.includes("--typos");
const questions = set === "ours" ? loadQuestions() : loadQuestions(HELD_OUT_SETS[set].dir);
const report = await evaluate(set === "ours" ? CORPUS_DIR : HELD_OUT_SETS[set].corpora, typos ? withTypos(questions) : questions);
const { misses, byKind, ...figures } = report;
console.log({
  ours: "Answer quality over tests/quality/questions against corpus/",
  heldout: "Answer quality on the held-out set (tests/quality/heldout)",
  chat: "Answer quality on the chat-style held-out set (tests/quality/chat), over all three corpora",
  fresh: "Answer quality on the fresh set (tests/quality/fresh), over all four corpora",
  sealed: "Answer quality on the sealed set, never tuned on (tests/quality/sealed), over all five corpora",
  fresh2: "Answer quality on the second fresh set (tests/quality/fresh2), over all six corpora",
  sealed2: "Answer quality on the second sealed set, never tuned on (tests/quality/sealed2), over all seven corpora",
  fresh3: "Answer quality on the third fresh set (tests/quality/fresh3), over all nine corpora",
  fresh4: "Answer quality on the fourth fresh set (tests/quality/fresh4), over all ten corpora",
  fresh5: "Answer quality on the fifth fresh set (tests/quality/fresh5), over all eleven corpora",
  sealed4: "Answer quality on the fourth sealed set, never tuned on (tests/quality/sealed4), over all twelve corpora",
  fresh6: "Answer quality on the sixth fresh set (tests/quality/fresh6), over all fourteen corpora",
  sealed5: "Answer quality on the fifth sealed set, never tuned on (tests/quality/sealed5), over all fourteen corpora",
  sealed3: "Answer quality on the third sealed set, never tuned on (tests/quality/sealed3), over all nine corpora",
}[set] + (typos ? ", each question with a typo (withTypos)" : ""));
console.table(figures);
console.table(byKind);
// A sealed set's misses are not printed: whoever reads them to mend them makes it one more tuning set.
const sealed = set !== "ours" && "sealed" in HELD_OUT_SETS[set];
if (process.argv.includes("--misses") && !sealed) for (const miss of misses) console.log(`  ${miss}`);
else if (misses.length) console.log(`${misses.length} misses (run with -- --misses to list them)`);

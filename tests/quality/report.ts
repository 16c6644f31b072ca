// Prints the answer-quality report: `npm run quality` (add `-- --misses` to list every miss).
import { evaluate } from "./evaluate.js";

const report = await evaluate();
const { misses, byKind, ...figures } = report;
console.log("Answer quality over tests/quality/questions against corpus/");
console.table(figures);
console.table(byKind);
if (process.argv.includes("--misses")) for (const miss of misses) console.log(`  ${miss}`);
else if (misses.length) console.log(`${misses.length} misses (run with -- --misses to list them)`);

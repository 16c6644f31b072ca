/**
 * The compiled code in dist/ (what `npm start` runs; `npm run bench` builds it first), for the benchmarks
 * that measure it. Each module is typed as the source it is compiled from, so `npm run typecheck` checks
 * the benchmarks' use of it without needing dist/ (or declaration files) to exist.
 */
const built = (file: string): Promise<unknown> => import(new URL(`../dist/${file}`, import.meta.url).href);

export const { ask } = (await built("answers/ask.js")) as typeof import("../src/answers/ask.js");
export const { deal } = (await built("answers/deal.js")) as typeof import("../src/answers/deal.js");
export const { summary } = (await built("answers/summary.js")) as typeof import("../src/answers/summary.js");
export const { parseArticleText } = (await built("articles/parse.js")) as typeof import("../src/articles/parse.js");
export const { renderAnswer } = (await built("render/answer.js")) as typeof import("../src/render/answer.js");
export const { NewsIndex } = (await built("search/newsIndex.js")) as typeof import("../src/search/newsIndex.js");
export const { indexFingerprint, loadIndexedCorpus, saveSnapshot } = (await built("search/snapshot.js")) as typeof import("../src/search/snapshot.js");
export const { startNewsdesk } = (await built("app.js")) as typeof import("../src/app.js");
export const { createLogger } = (await built("logger.js")) as typeof import("../src/logger.js");
export const { releaseScratchMemory } = (await built("memory.js")) as typeof import("../src/memory.js");
export const { loadAndIndex } = (await built("search/indexBuild.js")) as typeof import("../src/search/indexBuild.js");
export const { createBot } = (await built("discord/bot.js")) as typeof import("../src/discord/bot.js");
export type NewsIndex = import("../src/search/newsIndex.js").NewsIndex;
export type { Answer } from "../src/answers/answer.js";

import { loadCorpus } from "../../src/articles/loadCorpus.js";
import { NewsIndex } from "../../src/search/newsIndex.js";

let cached: Promise<NewsIndex> | undefined;

/** The index over the bundled corpus, built once per test file. */
export function bundledIndex(): Promise<NewsIndex> {
  cached ??= loadCorpus("corpus").then(({ articles }) => new NewsIndex(articles));
  return cached;
}

// A worker thread of preparePool.ts: reads corpus files, parses each and prepares its document for the index.
import { readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import type { ParseResult } from "../articles/article.js";
import { parseArticleFile } from "../articles/parse.js";
import { keptInMemory } from "./articleDocument.js";
import { prepareArticle, type PreparedArticle } from "./preparedArticle.js";

export interface PrepareJob { file: string; id: string }
export interface PreparedFile { result: ParseResult; prepared?: PreparedArticle }

parentPort!.on("message", (jobs: PrepareJob[]) => {
  const done: PreparedFile[] = jobs.map(({ file, id }) => {
    let result: ParseResult;
    try {
      result = parseArticleFile(readFileSync(file), id);
    } catch (error) {
      result = { ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
    }
    if (!result.ok) return { result };
    // Sent as the index keeps it: the long sections, indexed here, need not cross to the other thread, and
    // the strings are copied here (from a file with any non-Latin-1 character, two bytes a character).
    const prepared = prepareArticle(result.article);
    return { result: { ok: true, article: keptInMemory(result.article) }, prepared: { ...prepared, kept: true } };
  });
  parentPort!.postMessage(done);
});

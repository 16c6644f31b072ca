import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ParseResult } from "../articles/article.js";
import { rememberPrepared } from "./preparedArticle.js";
import type { PrepareJob, PreparedFile } from "./prepareWorker.js";

/** Fewer files than this are parsed on the main thread: starting workers costs more than it saves. */
export const PARALLEL_FILES = 2_000;
/** Files sent to a worker at a time. */
const BATCH = 64;
const MAX_WORKERS = 4;

/** For loadCorpus: a large number of files parsed on worker threads, fewer left to it. */
export function parseManyInWorkers(files: PrepareJob[]): Promise<ParseResult[]> | undefined {
  return files.length >= PARALLEL_FILES ? parseInWorkers(files) : undefined;
}

/** A worker running prepareWorker: compiled, or from the TypeScript sources (tests, tsx) through tsx's loader. */
function startWorker(): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./prepareWorker.js", import.meta.url));
  const script = new URL("./prepareWorker.ts", import.meta.url).href;
  return new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`, { eval: true });
}

/**
 * Reads and parses corpus files on worker threads (one per core, up to MAX_WORKERS), each file's document
 * prepared for the index there too (tokenized: most of the cost of indexing), so a first start on a large
 * archive uses every core. The results come back in order; the prepared documents wait for the index
 * beside their articles (see `preparedArticle`).
 */
export async function parseInWorkers(jobs: PrepareJob[], workers = Math.min(MAX_WORKERS, availableParallelism())): Promise<ParseResult[]> {
  const results: ParseResult[] = new Array(jobs.length);
  const pool = Array.from({ length: Math.max(1, workers) }, startWorker);
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let start = 0;
      const send = () => {
        if (next >= jobs.length) return resolve();
        start = next;
        next = Math.min(jobs.length, next + BATCH);
        worker.postMessage(jobs.slice(start, next));
      };
      worker.on("message", (done: PreparedFile[]) => {
        done.forEach(({ result, prepared }, i) => {
          results[start + i] = result;
          if (result.ok && prepared) rememberPrepared(result.article, prepared);
        });
        send();
      });
      worker.once("error", reject);
      send();
    });
  try {
    await Promise.all(pool.map(run));
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results;
}

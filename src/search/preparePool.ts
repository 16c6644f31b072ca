import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ParseResult } from "../articles/article.js";
import { rememberPrepared } from "./preparedArticle.js";
import type { PrepareJob, PreparedFile } from "./prepareWorker.js";

/** Fewer files than this are parsed on the main thread: starting workers costs more than it saves. */
export const PARALLEL_FILES = 2_000;
/** Files sent to a worker at a time. */
const BATCH = 64;
/** Batches a worker holds at once: it parses the next while this thread takes in (indexes) the last. */
const IN_FLIGHT = 2;
const MAX_WORKERS = 4;

export interface ParseOptions {
  /** Threads to use (one per core by default, up to MAX_WORKERS). */
  workers?: number;
  /** Positions of the jobs to parse before the others (an index's sample of common words). */
  first?: readonly number[];
  /** Called with each result as it arrives (any order), its article's document already prepared. */
  received?: (position: number, result: ParseResult) => void;
}

/** For loadCorpus: a large number of files parsed on worker threads, fewer left to it. */
export function parseManyInWorkers(files: PrepareJob[], options: ParseOptions = {}): Promise<ParseResult[]> | undefined {
  return files.length >= PARALLEL_FILES ? parseInWorkers(files, options) : undefined;
}

/** A worker running prepareWorker: compiled, or from the TypeScript sources (tests, tsx) through tsx's loader. */
function startWorker(): Worker {
  // Compiled, it needs none of this process's flags (a loader such as tsx would start again in each worker).
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./prepareWorker.js", import.meta.url), { execArgv: [] });
  const script = new URL("./prepareWorker.ts", import.meta.url).href;
  return new Worker(`import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`, { eval: true });
}

/** The order jobs are sent in: `first` (deduplicated, in range), then the rest in order. */
function sendingOrder(count: number, first: readonly number[] = []): number[] {
  const early = [...new Set(first)].filter((position) => position >= 0 && position < count);
  const taken = new Set(early);
  const order = early;
  for (let position = 0; position < count; position++) if (!taken.has(position)) order.push(position);
  return order;
}

/**
 * Reads and parses corpus files on worker threads (one per core, up to MAX_WORKERS), each file's document
 * prepared for the index there too (tokenized: most of the cost of indexing), so a first start on a large
 * archive uses every core. Articles come back as the index keeps them (`keptInMemory`: the long
 * sections are indexed there and not sent). Each worker holds two batches, so it never waits while this thread takes in
 * what it sent (`received`: the index is built as files arrive). The results come back in order; the
 * prepared documents wait for the index beside their articles (see `preparedArticle`).
 */
export async function parseInWorkers(jobs: PrepareJob[], options: ParseOptions = {}): Promise<ParseResult[]> {
  const workers = options.workers ?? Math.min(MAX_WORKERS, availableParallelism());
  const results: ParseResult[] = new Array(jobs.length);
  const order = sendingOrder(jobs.length, options.first);
  const pool = Array.from({ length: Math.max(1, workers) }, startWorker);
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const sent: number[][] = [];
      const send = () => {
        if (next >= order.length) return;
        const positions = order.slice(next, next + BATCH);
        next += positions.length;
        sent.push(positions);
        worker.postMessage(positions.map((position) => jobs[position]!));
      };
      worker.on("message", (done: PreparedFile[]) => {
        const positions = sent.shift()!;
        send();
        try {
          done.forEach(({ result, prepared }, i) => {
            const position = positions[i]!;
            results[position] = result;
            if (result.ok && prepared) rememberPrepared(result.article, prepared);
            options.received?.(position, result);
          });
        } catch (error) {
          return reject(error);
        }
        if (sent.length === 0) resolve();
      });
      worker.once("error", reject);
      for (let i = 0; i < IN_FLIGHT; i++) send();
      if (sent.length === 0) resolve();
    });
  try {
    await Promise.all(pool.map(run));
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results;
}

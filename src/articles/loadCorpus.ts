import { statSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Article, ParseResult } from "./article.js";
import { parseArticleFile } from "./parse.js";

/** File endings read as articles; other files in the corpus folder are not articles and are ignored. */
export const ARTICLE_EXTENSIONS = [".md", ".markdown", ".txt"];

/** A corpus file that was skipped, and why. */
export interface CorpusProblem {
  /** Path relative to the corpus folder. */
  file: string;
  reason: string;
}

export interface Corpus {
  articles: Article[];
  problems: CorpusProblem[];
  /** Each loaded file (relative to the corpus folder) and the id of its article. */
  files: Map<string, string>;
  /** Each loaded file's size and times when it was read, to tell later whether it changed. */
  stamps: Map<string, FileStamp>;
}

/** What tells whether a file changed: its size and modification and change times. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export const sameStamp = (a: FileStamp, b: FileStamp) => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;

/** The article files of a corpus folder (sorted paths) and their stamps, taken before any is read. */
export interface CorpusListing {
  files: string[];
  stamps: Array<FileStamp | null>;
}

export interface LoadOptions {
  /** The folder's listing when it was taken already (see `listCorpusInWorker`). */
  listing?: CorpusListing;
  /**
   * Reads and parses the files to read (paths and article ids) another way, in order, or returns undefined
   * to leave them to loadCorpus (see preparePool.ts: worker threads for a large corpus).
   */
  parseFiles?: (files: Array<{ file: string; id: string }>, received: (position: number, result: ParseResult) => void) => Promise<ParseResult[]> | undefined;
  /** Called with each article loaded, in the files' order, as soon as it and every file before it are read (to index while reading). */
  onArticle?: (article: Article) => void;
  /** An article already read from this file when it had this stamp (a snapshot's), to use instead of reading it again. */
  known?: (file: string, stamp: FileStamp) => Article | undefined;
}

/** The article id for a corpus file: its path relative to the corpus folder, without extension, with `/`. */
export function idForFile(corpusDir: string, file: string): string {
  const relative = path.relative(corpusDir, file).split(path.sep).join("/");
  return relative.slice(0, relative.length - path.extname(relative).length);
}

export function isArticleFile(file: string): boolean {
  const base = path.basename(file);
  return !base.startsWith(".") && ARTICLE_EXTENSIONS.includes(path.extname(base).toLowerCase());
}

/**
 * Reads every article file below `corpusDir`. A file that cannot be an article is skipped and reported
 * with its path and reason; all the others load. Throws only when the folder itself cannot be read.
 */
export async function loadCorpus(corpusDir: string, options: LoadOptions = {}): Promise<Corpus> {
  const { files, stamps: listed } = options.listing ?? listCorpus(await listFiles(corpusDir));
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  const owners = new Map<string, string>();
  const loaded = new Map<string, string>();
  const stamps = new Map<string, FileStamp>();
  const prefix = path.join(corpusDir, path.sep); // how listed paths start (path.relative is slow for thousands)
  const slashed = path.sep === "/" ? (name: string) => name : (name: string) => name.split(path.sep).join("/");
  const relative = (file: string) => slashed(file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(corpusDir, file));
  const names = files.map(relative);
  // Files known from a snapshot are taken at once; only the others are read, 32 at a time.
  const results: Array<{ result: ParseResult; stamp: FileStamp | null }> = new Array(files.length);
  const toRead: number[] = [];
  files.forEach((_, i) => {
    const stamp = listed[i];
    const known = stamp ? options.known?.(names[i]!, stamp) : undefined;
    if (known) results[i] = { result: { ok: true, article: known }, stamp: stamp! };
    else toRead.push(i);
  });
  // Results are taken in the files' order, each as soon as every file before it is read.
  let taken = 0;
  const takeReady = () => {
    for (; taken < files.length && results[taken]; taken++) {
      const { result, stamp } = results[taken]!;
      const file = names[taken]!;
      if (!result.ok) {
        problems.push({ file, reason: result.reason });
        continue;
      }
      const owner = owners.get(result.article.id);
      if (owner) {
        problems.push({ file, reason: `id "${result.article.id}" is already used by ${owner}` });
        continue;
      }
      owners.set(result.article.id, file);
      loaded.set(file, result.article.id);
      if (stamp) stamps.set(file, stamp);
      articles.push(result.article);
      options.onArticle?.(result.article);
    }
  };
  const parsedElsewhere = await options.parseFiles?.(
    toRead.map((i) => ({ file: files[i]!, id: idForFile(corpusDir, files[i]!) })),
    (n, result) => {
      results[toRead[n]!] = { result, stamp: listed[toRead[n]!] ?? null };
      takeReady();
    },
  );
  if (parsedElsewhere) {
    toRead.forEach((i, n) => (results[i] = { result: parsedElsewhere[n]!, stamp: listed[i] ?? null }));
    toRead.length = 0;
  }
  await mapLimited(toRead, 32, async (i) => {
    const file = files[i]!;
    try {
      const stamp = listed[i] ?? stampOf(file);
      results[i] = { result: parseArticleFile(await readFile(file), idForFile(corpusDir, file)), stamp };
    } catch (error) {
      results[i] = { result: { ok: false as const, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` }, stamp: null };
    }
  });
  takeReady();
  return { articles, problems, files: loaded, stamps };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

function stampOf(file: string): FileStamp {
  const { size, mtimeMs, ctimeMs } = statSync(file);
  return { size, mtimeMs, ctimeMs };
}

function listCorpus(all: string[]): CorpusListing {
  const files = all.filter(isArticleFile).sort();
  return { files, stamps: files.map((file) => {
    try {
      return stampOf(file);
    } catch {
      return null; // gone already: reading it will say so
    }
  }) };
}

/**
 * The corpus folder's listing, taken on a worker thread: at start-up the files are looked at (tens of
 * thousands of stat calls) while the main thread reads the index snapshot.
 */
export function listCorpusInWorker(corpusDir: string): Promise<CorpusListing> {
  const source = `
    const { parentPort, workerData } = require("node:worker_threads");
    const fs = require("node:fs");
    const path = require("node:path");
    const extensions = ${JSON.stringify(ARTICLE_EXTENSIONS)};
    try {
      const files = fs.readdirSync(workerData, { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && !e.name.startsWith(".") && extensions.includes(path.extname(e.name).toLowerCase()))
        .map((e) => path.join(e.parentPath ?? e.path, e.name)).sort();
      const stamps = new Float64Array(files.length * 3).fill(-1);
      files.forEach((file, i) => {
        const s = fs.statSync(file, { throwIfNoEntry: false });
        if (s) stamps.set([s.size, s.mtimeMs, s.ctimeMs], i * 3);
      });
      parentPort.postMessage({ files, stamps }, [stamps.buffer]);
    } catch (error) {
      parentPort.postMessage({ error: error.code ?? String(error) });
    }`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: corpusDir });
    worker.once("message", (message: { files: string[]; stamps: Float64Array } | { error: string }) => {
      void worker.terminate();
      if ("error" in message) return reject(Object.assign(new Error(`cannot list the corpus folder (${message.error})`), { code: message.error }));
      const { files, stamps } = message;
      resolve({ files, stamps: files.map((_, i) => (stamps[i * 3]! < 0 ? null : { size: stamps[i * 3]!, mtimeMs: stamps[i * 3 + 1]!, ctimeMs: stamps[i * 3 + 2]! })) });
    });
    worker.once("error", reject);
  });
}

async function mapLimited<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Article } from "./article.js";
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
export async function loadCorpus(corpusDir: string): Promise<Corpus> {
  const files = (await listFiles(corpusDir)).filter(isArticleFile).sort();
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  const owners = new Map<string, string>();
  const loaded = new Map<string, string>();
  const results = await mapLimited(files, 32, async (file) => {
    try {
      return parseArticleFile(await readFile(file), idForFile(corpusDir, file));
    } catch (error) {
      return { ok: false as const, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
    }
  });
  results.forEach((result, i) => {
    const file = path.relative(corpusDir, files[i]!).split(path.sep).join("/");
    if (!result.ok) return problems.push({ file, reason: result.reason });
    const owner = owners.get(result.article.id);
    if (owner) return problems.push({ file, reason: `id "${result.article.id}" is already used by ${owner}` });
    owners.set(result.article.id, file);
    loaded.set(file, result.article.id);
    articles.push(result.article);
  });
  return { articles, problems, files: loaded };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

import { readdirSync, statSync, watch, type Dirent, type FSWatcher } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Article } from "../articles/article.js";
import { idForFile, isArticleFile } from "../articles/loadCorpus.js";
import { parseArticleFile } from "../articles/parse.js";
import type { Logger } from "../logger.js";

export interface WatchOptions {
  /** Quiet time after the last change to a file before it is read (default 300 ms). */
  debounceMs?: number;
  /** A file that does not parse yet may still be being written: read again this often... (default 500 ms) */
  retryMs?: number;
  /** ...up to this many times before it is reported as bad (default 6). */
  retries?: number;
}

export interface CorpusChanges {
  /** A file was added or changed and parses: the article to index (replacing any with the same id). */
  upsert(article: Article, file: string): Promise<unknown> | void;
  /** A file was removed, or an article's id changed: the article with this id leaves the index. */
  remove(id: string, file: string): Promise<unknown> | void;
}

/**
 * Watches the corpus folder and reports articles as they land, change and go. A file written in several
 * steps is read after a quiet moment, and taken only once it parses; one that never does is skipped with
 * a warning, as at start-up.
 */
export class CorpusWatcher {
  /** One watcher per folder (see `watchTree`). */
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly attempts = new Map<string, number>();
  /** Which article id each file holds (front matter may set an id other than the file name), and back. */
  private readonly idsByFile = new Map<string, string>();
  private readonly fileById = new Map<string, string>();

  constructor(private readonly dir: string, private readonly changes: CorpusChanges, private readonly logger: Logger, private readonly options: WatchOptions = {}) {}

  /** Starts watching; `known` maps the files loaded at start-up to their article ids. */
  start(known: Iterable<[string, string]> = []): void {
    for (const [file, id] of known) {
      this.idsByFile.set(path.resolve(this.dir, file), id);
      this.fileById.set(id, path.resolve(this.dir, file));
    }
    this.watchTree(this.dir, false);
  }

  /**
   * Watches a folder and the folders below it, one watcher per folder. (Node's recursive watching on
   * Linux polls every file with a stat every five seconds: for an archive of tens of thousands of files,
   * a constant load and hundreds of megabytes. Elsewhere it is native and used as it is.) A folder that
   * appears later is watched from then on, and the files already in it are read.
   */
  private watchTree(dir: string, readFiles: boolean): void {
    if (this.watchers.has(dir)) return;
    const recursive = process.platform !== "linux";
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, { recursive }, (_event, name) => {
        if (!name) return;
        const changed = path.resolve(dir, name.toString());
        if (isArticleFile(changed)) this.schedule(changed);
        else if (!recursive) this.watchIfFolder(changed);
      });
    } catch (error) {
      this.logger.error({ err: error, dir: path.relative(this.dir, dir) || "." }, "cannot watch a corpus folder");
      return;
    }
    watcher.on("error", (error) => {
      this.logger.error({ err: error, dir: path.relative(this.dir, dir) || "." }, "corpus watcher failed");
      watcher.close();
      this.watchers.delete(dir);
    });
    this.watchers.set(dir, watcher);
    if (recursive && !readFiles) return;
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // gone again: its watcher reports nothing
    }
    for (const entry of entries) {
      const child = path.join(dir, entry.name);
      if (entry.isDirectory() && !recursive) this.watchTree(child, readFiles);
      else if (readFiles && entry.isFile() && isArticleFile(child)) this.schedule(child);
    }
  }

  private watchIfFolder(candidate: string): void {
    try {
      if (statSync(candidate).isDirectory()) this.watchTree(candidate, true);
    } catch {
      // Gone. A folder removed takes its watcher with it (its files are reported by that watcher first),
      // so that one made again under the same name is watched anew.
      for (const [dir, watcher] of this.watchers) {
        if (dir === candidate || dir.startsWith(candidate + path.sep)) {
          watcher.close();
          this.watchers.delete(dir);
        }
      }
    }
  }

  stop(): void {
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(file: string, delay = this.options.debounceMs ?? 300): void {
    if (!isArticleFile(file)) return;
    clearTimeout(this.timers.get(file));
    this.timers.set(file, setTimeout(() => {
      this.read(file).catch((error: unknown) => {
        // Indexing or the database failed (a full disk, say): log it and try the file again later.
        this.logger.error({ err: error, file: path.relative(this.dir, file) }, "could not take a corpus file; will try again");
        this.schedule(file, Math.max(5_000, this.options.retryMs ?? 500));
      });
    }, delay));
  }

  private async read(file: string): Promise<void> {
    this.timers.delete(file);
    const relative = path.relative(this.dir, file).split(path.sep).join("/");
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" && (error as NodeJS.ErrnoException).code !== "EISDIR") {
        this.logger.warn({ file: relative, err: error }, "could not read a corpus file");
        return;
      }
      const id = this.idsByFile.get(file);
      this.idsByFile.delete(file);
      this.attempts.delete(file);
      if (id && this.fileById.get(id) === file) {
        this.fileById.delete(id);
        await this.changes.remove(id, relative);
      }
      return;
    }
    const result = parseArticleFile(bytes, idForFile(this.dir, file));
    if (!result.ok) {
      const tries = (this.attempts.get(file) ?? 0) + 1;
      if (tries <= (this.options.retries ?? 6)) {
        this.attempts.set(file, tries);
        this.schedule(file, this.options.retryMs ?? 500); // perhaps still being written
      } else {
        this.attempts.delete(file);
        this.logger.warn({ file: relative, reason: result.reason }, "skipped a corpus file");
      }
      return;
    }
    this.attempts.delete(file);
    const owner = this.fileById.get(result.article.id);
    if (owner && owner !== file) {
      const other = path.relative(this.dir, owner).split(path.sep).join("/");
      this.logger.warn({ file: relative, reason: `id "${result.article.id}" is already used by ${other}` }, "skipped a corpus file");
      return;
    }
    const previous = this.idsByFile.get(file);
    if (previous && previous !== result.article.id) {
      this.fileById.delete(previous);
      await this.changes.remove(previous, relative);
    }
    this.idsByFile.set(file, result.article.id);
    this.fileById.set(result.article.id, file);
    await this.changes.upsert(result.article, relative);
  }
}

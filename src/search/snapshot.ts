import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Article } from "../articles/article.js";
import { listCorpusInWorker, loadCorpus, sameStamp, type Corpus, type FileStamp } from "../articles/loadCorpus.js";
import { LARGE_CORPUS, NewsIndex, type IndexSnapshot } from "./newsIndex.js";
import { loadAndIndex } from "./indexBuild.js";
import { parseManyInWorkers } from "./preparePool.js";
import { readSnapshotFile, writeSnapshotFile, type SnapshotRead } from "./snapshotFile.js";

/** Bumped when the snapshot's layout changes. */
const SNAPSHOT_FORMAT = 2;
/** The snapshot's file name in DATA_DIR. */
export const SNAPSHOT_FILE = "index.snapshot";

interface SnapshotFile {
  format: number;
  /** The code and options the index was built with, and the corpus folder it was built from. */
  fingerprint: string;
  /** When it was written (ms since the epoch). */
  savedAt: number;
  files: { names: string[]; ids: string[]; sizes: Float64Array; mtimes: Float64Array; ctimes: Float64Array };
  index: IndexSnapshot;
}

export interface IndexedCorpus {
  corpus: Corpus;
  index: NewsIndex;
  snapshot: {
    /** Whether a saved index was used (then only changed files were read). */
    used: boolean;
    /** Why it was not, when there was a snapshot to consider. */
    rejected: string | null;
    /** Files read and parsed, and articles dropped, on top of the snapshot (all files without one). */
    parsed: number;
    removed: number;
    /** Whether a new snapshot was written, and why it could not be. */
    saved: boolean;
    saveError: string | null;
    /** When the snapshot used was written (null if none), and when the one now on disk was. */
    loadedFrom: number | null;
    current: number | null;
    /** Ids of the articles taken from the snapshot as they were (their files unchanged). */
    unchanged: Set<string>;
  };
}

/**
 * The corpus folder, loaded and indexed. With a snapshot file, a saved index is used when it was built
 * by this code with these options from this folder: only files whose size or times changed since are
 * read again, files gone are dropped, and the snapshot is written anew when anything changed. It is never
 * served stale: any change of the code that parses or indexes (its source files are part of the
 * fingerprint), of minisearch's version, or of a file, is seen.
 */
export async function loadIndexedCorpus(corpusDir: string, options: { snapshotFile?: string | null } = {}): Promise<IndexedCorpus> {
  const file = options.snapshotFile ?? null;
  const fingerprint = file ? indexFingerprint(corpusDir) : "";
  // The folder is listed on another thread while this one reads the snapshot.
  const listing = file && existsSync(file) ? listCorpusInWorker(corpusDir) : undefined;
  listing?.catch(() => undefined); // a folder that cannot be listed fails loadCorpus below, as without a snapshot
  const saved = file ? await readSnapshot(file, fingerprint) : { snapshot: null, restored: null, rejected: null };
  let { restored, rejected } = saved;
  const byName = new Map<string, { stamp: FileStamp; id: string }>();
  if (saved.snapshot) {
    const { names, ids, sizes, mtimes, ctimes } = saved.snapshot.files;
    names.forEach((name, i) => byName.set(name, { id: ids[i]!, stamp: { size: sizes[i]!, mtimeMs: mtimes[i]!, ctimeMs: ctimes[i]! } }));
  }
  const savedAt = saved.snapshot?.savedAt ?? 0;
  const folderListing = await listing?.catch(() => undefined);
  // Without a saved index to start from, the files are indexed as they are read (indexBuild.ts).
  let built = restored ? null : await loadAndIndex(corpusDir, { listing: folderListing });
  let corpus =
    built?.corpus ??
    (await loadCorpus(corpusDir, {
      listing: folderListing,
      parseFiles: (files) => parseManyInWorkers(files),
      known: (name, stamp) => {
        const before = byName.get(name);
        // A file written in the last moments before the snapshot may have changed since within the same
        // timestamp tick (coarse file systems): it is read again, as git does with "racily clean" files.
        const settled = stamp.mtimeMs < savedAt - RACY_MS;
        return before && settled && sameStamp(before.stamp, stamp) ? restored?.get(before.id) : undefined;
      },
    }));
  if (restored && drifted(restored.commonBasis, corpus.articles.length)) {
    // The common words were counted on a corpus much smaller or larger than this one: count again.
    rejected = "the corpus grew or shrank by over a quarter since it was built";
    restored = null;
    built = await loadAndIndex(corpusDir);
    corpus = built.corpus;
  }
  let index: NewsIndex;
  let removed = 0;
  // Read from its file this time (new, changed, or taking over an id), not the snapshot's own article.
  const parsed: Article[] = [];
  const unchanged = new Set<string>();
  for (const article of corpus.articles) {
    if (restored && article === restored.get(article.id)) unchanged.add(article.id);
    else parsed.push(article);
  }
  const loadedFrom = restored ? saved.snapshot!.savedAt : null;
  if (restored) {
    // Every article of the snapshot taken as it was: none can be gone.
    if (restored.size > unchanged.size) {
      const present = new Set(corpus.articles.map((article) => article.id));
      for (const article of restored.all()) {
        if (!present.has(article.id)) {
          restored.remove(article.id);
          removed++;
        }
      }
    }
    for (const article of parsed) restored.add(article); // new, or replacing the article of a changed file
    index = restored;
  } else {
    index = built!.index;
  }
  // What the rest of the program gets are the articles as the index keeps them.
  if (parsed.length > 0) corpus.articles = corpus.articles.map((article) => index.get(article.id)!);
  const changed = !restored || parsed.length > 0 || removed > 0;
  let saveError: string | null = null;
  let current = loadedFrom;
  if (file && changed) {
    try {
      current = saveSnapshot(file, fingerprint, corpus, index);
    } catch (error) {
      saveError = (error as Error).message;
    }
  }
  return {
    corpus,
    index,
    snapshot: { used: restored !== null, rejected, parsed: parsed.length, removed, saved: Boolean(file && changed && !saveError), saveError, loadedFrom, current, unchanged },
  };
}

/** Files changed this close before the snapshot was written are read again (see loadIndexedCorpus). */
const RACY_MS = 2_000;

/** Whether a corpus has grown or shrunk too far from the size its common words were counted at. */
function drifted(basis: number, now: number): boolean {
  if (basis < LARGE_CORPUS !== now < LARGE_CORPUS) return true;
  return basis >= LARGE_CORPUS && Math.abs(now - basis) > basis / 4;
}

/**
 * Writes the index and the stamps of the files it was built from (to a temporary file, then renamed);
 * returns when it was written, which identifies it.
 */
export function saveSnapshot(file: string, fingerprint: string, corpus: Pick<Corpus, "files" | "stamps">, index: NewsIndex): number {
  const savedAt = Date.now();
  const names = [...corpus.files.keys()].filter((name) => corpus.stamps.has(name));
  const stamps = names.map((name) => corpus.stamps.get(name)!);
  const snapshot: SnapshotFile = {
    format: SNAPSHOT_FORMAT,
    fingerprint,
    savedAt,
    files: {
      names,
      ids: names.map((name) => corpus.files.get(name)!),
      sizes: Float64Array.from(stamps, (s) => s.size),
      mtimes: Float64Array.from(stamps, (s) => s.mtimeMs),
      ctimes: Float64Array.from(stamps, (s) => s.ctimeMs),
    },
    index: index.toSnapshot(),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeSnapshotFile(file, snapshot, arrayHolders);
  return savedAt;
}

/** The objects of a snapshot whose large typed arrays are written raw (snapshotFile.ts). */
const arrayHolders = (snapshot: SnapshotFile) => [snapshot.files, snapshot.index, snapshot.index.miniSearch, snapshot.index.articles];

async function readSnapshot(file: string, fingerprint: string): Promise<{ snapshot: SnapshotFile | null; restored: NewsIndex | null; rejected: string | null }> {
  let read: SnapshotRead<SnapshotFile>;
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, "r");
    read = await readSnapshotFile<SnapshotFile>(handle, checkSnapshot(fingerprint), arrayHolders);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { snapshot: null, restored: null, rejected: code === "ENOENT" ? null : `cannot be read (${code})` };
  } finally {
    await handle?.close();
  }
  if (!read.ok) return { snapshot: null, restored: null, rejected: read.rejected };
  try {
    return { snapshot: read.value, restored: NewsIndex.restore(read.value.index), rejected: null };
  } catch {
    return { snapshot: null, restored: null, rejected: "damaged" };
  }
}

const checkSnapshot = (fingerprint: string) => (snapshot: SnapshotFile) =>
  snapshot?.format !== SNAPSHOT_FORMAT ? "written by another version of Newsdesk" : snapshot.fingerprint !== fingerprint ? "built by other code, options or corpus folder" : null;

const here = path.dirname(fileURLToPath(import.meta.url));
let codeHash: string | null = null;

/**
 * What an index depends on besides the corpus: the source of the modules that parse, extract and index
 * (read from where this module runs, src/ or dist/), minisearch's version, the snapshot format, and the
 * corpus folder.
 */
export function indexFingerprint(corpusDir: string): string {
  if (!codeHash) {
    const hash = createHash("sha256");
    for (const folder of ["articles", "extract", "search"]) {
      const dir = path.join(here, "..", folder);
      const names = existsSync(dir) ? readdirSync(dir).filter((n) => /\.(js|ts)$/.test(n) && !n.endsWith(".d.ts")).sort() : [];
      for (const name of names) hash.update(`${folder}/${name}\0`).update(readFileSync(path.join(dir, name))).update("\0");
    }
    // Bundled elsewhere, this module's own file stands for the code; Unicode tables shape the words.
    hash.update(readFileSync(fileURLToPath(import.meta.url))).update(`unicode ${process.versions.unicode}\0`);
    for (const name of ["minisearch", "stemmer", "yaml"]) hash.update(`${name} ${packageVersion(name)}\0`);
    codeHash = hash.digest("hex");
  }
  return createHash("sha256").update(`${SNAPSHOT_FORMAT}\0${codeHash}\0${path.resolve(corpusDir)}`).digest("hex");
}


/** The installed version of a dependency, read from its package.json (found above its entry point). */
function packageVersion(name: string): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve(name));
  while (dir !== path.dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === name) return manifest.version ?? "unknown";
    } catch {
      // no package.json here: look further up
    }
    dir = path.dirname(dir);
  }
  return "unknown";
}

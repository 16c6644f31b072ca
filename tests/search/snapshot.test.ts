import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import v8 from "node:v8";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadCorpusIndex } from "../../src/app.js";
import { ask } from "../../src/answers/ask.js";
import { openDatabase } from "../../src/store/database.js";
import { Delivery } from "../../src/delivery/delivery.js";
import { createLogger } from "../../src/logger.js";
import { loadIndexedCorpus, saveSnapshot } from "../../src/search/snapshot.js";
import { syntheticCorpus, syntheticFileId } from "../../bench/synthetic.js";
import { LARGE_CORPUS } from "../../src/search/newsIndex.js";
import { markdownArticle } from "../helpers/articles.js";

let corpusDir: string;
let dataDir: string;
let snapshotFile: string;

/** A corpus file, dated a minute ago (a file changed just before a snapshot is always read again). */
function write(name: string, title: string, keyPoint: string, extra: { id?: string } = {}) {
  const file = path.join(corpusDir, `${name}.md`);
  const text = markdownArticle({ title, source: `https://news.example.com/${name}`, keyPoints: [keyPoint, "A second point about the same news."] });
  writeFileSync(file, extra.id ? text.replace("---\n", `---\nid: ${extra.id}\n`) : text);
  const past = new Date(Date.now() - 60_000);
  utimesSync(file, past, past);
}

beforeEach(() => {
  corpusDir = mkdtempSync(path.join(tmpdir(), "newsdesk-snapshot-corpus-"));
  dataDir = mkdtempSync(path.join(tmpdir(), "newsdesk-snapshot-data-"));
  snapshotFile = path.join(dataDir, "index.snapshot");
  write("falcon", "Falcon Chips Signs Foundry Deal With Orbit Fabs", "Falcon Chips will buy wafers from Orbit Fabs for five years.");
  write("heron", "Heron Cloud Raises $300 Million", "Heron Cloud raised $300 million from Lantern Capital.");
});

afterEach(() => {
  rmSync(corpusDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const answer = (index: Parameters<typeof ask>[0], question: string) => ask(index, question).results.map((r) => [r.article.id, r.score, r.keyPoints]);

describe("index snapshot", () => {
  it("is written on the first start and used on the next, with the same answers", async () => {
    const first = await loadIndexedCorpus(corpusDir, { snapshotFile });
    expect(first.snapshot).toMatchObject({ used: false, parsed: 2, saved: true });
    const second = await loadIndexedCorpus(corpusDir, { snapshotFile });
    expect(second.snapshot).toMatchObject({ used: true, parsed: 0, removed: 0, saved: false });
    expect(second.index.size).toBe(2);
    expect([...second.corpus.files]).toEqual([...first.corpus.files]);
    for (const question of ["who makes Falcon's wafers?", "Heron Cloud funding", "Lantern"]) {
      expect(answer(second.index, question)).toEqual(answer(first.index, question));
    }
  });

  it("reads again only the files changed, added or removed since, and is never served stale", async () => {
    await loadIndexedCorpus(corpusDir, { snapshotFile });
    write("falcon", "Falcon Chips Signs Foundry Deal With Orbit Fabs", "Falcon Chips will now buy wafers from Kestrel Semiconductor instead.");
    write("osprey", "Osprey Robotics Acquires Gull Vision", "Osprey Robotics bought Gull Vision for its camera software.");
    unlinkSync(path.join(corpusDir, "heron.md"));
    const loaded = await loadIndexedCorpus(corpusDir, { snapshotFile });
    expect(loaded.snapshot).toMatchObject({ used: true, parsed: 2, removed: 1, saved: true });
    expect(loaded.index.get("heron")).toBeUndefined();
    expect(ask(loaded.index, "Kestrel wafers").results[0]?.article.id).toBe("falcon");
    expect(ask(loaded.index, "Gull Vision").results[0]?.article.id).toBe("osprey");
    expect(ask(loaded.index, "Lantern Capital").results).toEqual([]);
    // And the snapshot now holds the changes.
    expect((await loadIndexedCorpus(corpusDir, { snapshotFile })).snapshot).toMatchObject({ used: true, parsed: 0, removed: 0 });
  });

  it("reads a file again when it was written just before the snapshot (its change may share a timestamp)", async () => {
    writeFileSync(path.join(corpusDir, "fresh.md"), markdownArticle({ title: "Egret Labs Opens A Lab", source: "https://news.example.com/fresh" }));
    await loadIndexedCorpus(corpusDir, { snapshotFile });
    expect((await loadIndexedCorpus(corpusDir, { snapshotFile })).snapshot).toMatchObject({ used: true, parsed: 1 });
  });

  it("serves a new file that takes over an article id from an unchanged one", async () => {
    await loadIndexedCorpus(corpusDir, { snapshotFile });
    write("a-newcomer", "Kite Systems Buys Plover Data", "Kite Systems bought Plover Data.", { id: "heron" });
    const loaded = await loadIndexedCorpus(corpusDir, { snapshotFile });
    // As a fresh build: the first file in name order owns the id, the other is reported.
    expect(loaded.index.get("heron")?.title).toBe("Kite Systems Buys Plover Data");
    expect(loaded.corpus.problems).toEqual([{ file: "heron.md", reason: 'id "heron" is already used by a-newcomer.md' }]);
    expect((await loadIndexedCorpus(corpusDir)).index.get("heron")?.title).toBe("Kite Systems Buys Plover Data");
  });

  it("is rebuilt when the corpus has grown far beyond the one its common words were counted on", async () => {
    await loadIndexedCorpus(corpusDir, { snapshotFile });
    for (const doc of syntheticCorpus(LARGE_CORPUS, 3)) {
      mkdirSync(path.join(corpusDir, path.dirname(doc.id)), { recursive: true });
      writeFileSync(path.join(corpusDir, `${doc.id}.md`), doc.text);
    }
    const loaded = await loadIndexedCorpus(corpusDir, { snapshotFile });
    expect(loaded.snapshot).toMatchObject({ used: false, rejected: "the corpus grew or shrank by over a quarter since it was built", saved: true });
    expect(loaded.index.commonTerms()).toContain("deal");
    expect(loaded.index.get(syntheticFileId(5))?.title).toBeTruthy();
  });

  it("is rebuilt when it was built by other code or options, or for another corpus folder", async () => {
    const first = await loadIndexedCorpus(corpusDir, { snapshotFile });
    saveSnapshot(snapshotFile, "built-by-an-older-version", first.corpus, first.index);
    const rebuilt = await loadIndexedCorpus(corpusDir, { snapshotFile });
    expect(rebuilt.snapshot).toMatchObject({ used: false, rejected: "built by other code, options or corpus folder", parsed: 2, saved: true });
    const elsewhere = mkdtempSync(path.join(tmpdir(), "newsdesk-snapshot-other-"));
    try {
      expect((await loadIndexedCorpus(elsewhere, { snapshotFile })).snapshot).toMatchObject({ used: false, rejected: "built by other code, options or corpus folder" });
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("is rebuilt when written in the first format (all of it serialized by v8)", async () => {
    writeFileSync(snapshotFile, v8.serialize({ format: 1, fingerprint: "whatever", index: {} }));
    const loaded = await loadIndexedCorpus(corpusDir, { snapshotFile });
    expect(loaded.snapshot).toMatchObject({ used: false, rejected: "written by another version of Newsdesk", saved: true });
    expect((await loadIndexedCorpus(corpusDir, { snapshotFile })).snapshot).toMatchObject({ used: true, parsed: 0 });
  });

  it("is rebuilt when damaged, and a snapshot that cannot be saved costs only the next start's time", async () => {
    writeFileSync(snapshotFile, "not a snapshot at all");
    const loaded = await loadIndexedCorpus(corpusDir, { snapshotFile });
    expect(loaded.snapshot).toMatchObject({ used: false, rejected: "damaged", saved: true });
    expect(loaded.index.size).toBe(2);
    // Cut short inside the articles' text, written after the rest.
    const whole = readFileSync(snapshotFile);
    writeFileSync(snapshotFile, whole.subarray(0, whole.length - 10));
    expect((await loadIndexedCorpus(corpusDir, { snapshotFile })).snapshot).toMatchObject({ used: false, rejected: "damaged", saved: true });
    expect(readFileSync(snapshotFile).length).toBe(whole.length);
    // A DATA_DIR that is a file: nothing can be saved there (whoever runs the tests).
    const blocked = path.join(dataDir, "a-file");
    writeFileSync(blocked, "");
    const unsaved = await loadIndexedCorpus(corpusDir, { snapshotFile: path.join(blocked, "index.snapshot") });
    expect(unsaved.snapshot.saved).toBe(false);
    expect(unsaved.snapshot.saveError).toMatch(/EEXIST|ENOTDIR/);
    expect(unsaved.index.size).toBe(2);
  });
});

describe("a snapshot file that cannot be read or written", () => {
  /** Starts as the bot does (app.ts), with a logger whose lines the test reads. */
  async function startLogged() {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger("info", new Writable({ write(chunk, _encoding, done) { lines.push(JSON.parse(String(chunk))); done(); } }));
    const loaded = await loadCorpusIndex(corpusDir, snapshotFile, logger);
    return { loaded, lines };
  }

  it("is rebuilt when unreadable (here a folder stands where the file should be), and the failed save is logged", async () => {
    mkdirSync(snapshotFile); // readable by nobody as a file, whoever runs the tests (root included)
    const { loaded, lines } = await startLogged();
    expect(loaded.index.size).toBe(2);
    expect(loaded.snapshot).toMatchObject({ used: false, rejected: "cannot be read (EISDIR)", saved: false });
    expect(lines).toContainEqual(expect.objectContaining({ level: 30, msg: "index snapshot not used; rebuilt", snapshotFile, reason: "cannot be read (EISDIR)" }));
    expect(lines).toContainEqual(expect.objectContaining({
      level: 40, msg: "could not save the index snapshot; the next start will index the corpus again", snapshotFile, err: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST/),
    }));
    expect(ask(loaded.index, "Heron Cloud funding").results[0]?.article.id).toBe("heron");
  });

  it("logs nothing about the snapshot when it is simply used", async () => {
    await loadIndexedCorpus(corpusDir, { snapshotFile });
    const { loaded, lines } = await startLogged();
    expect(loaded.snapshot.used).toBe(true);
    expect(lines.filter((line) => /snapshot/.test(String(line.msg)))).toEqual([]);
  });
});

describe("start-up reconciliation with a snapshot", () => {
  const reconcileOnce = async () => {
    const loaded = await loadIndexedCorpus(corpusDir, { snapshotFile });
    const db = await openDatabase({ dataDir });
    const target = { post: async () => "m", edit: async () => undefined }; // no subscriptions: never called
    const delivery = new Delivery({ database: db, index: loaded.index, target, logger: createLogger("silent") });
    const counts = await delivery.reconcile(loaded.corpus.articles, loaded.snapshot);
    return { db, counts };
  };

  it("takes the unchanged articles of the snapshot it last took as they are, and compares all others", async () => {
    let { db, counts } = await reconcileOnce();
    expect(counts).toMatchObject({ new: 2, changed: 0, unchanged: 0 });
    await db.close();
    ({ db, counts } = await reconcileOnce());
    expect(counts).toMatchObject({ new: 0, changed: 0, unchanged: 2 });
    // A database from elsewhere (restored from a backup) that holds an older version of an article:
    // it never took this snapshot, so every article is compared, and the change is seen.
    db.sqlite!.prepare("UPDATE articles SET content_hash = 'an older version' WHERE id = 'falcon'").run();
    db.sqlite!.prepare("UPDATE meta SET value = 'another snapshot'").run();
    await db.close();
    ({ db, counts } = await reconcileOnce());
    expect(counts).toMatchObject({ new: 0, changed: 1, unchanged: 1 });
    await db.close();
  });
});

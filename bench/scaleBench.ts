import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { SNAPSHOT_FILE } from "../src/search/snapshot.js";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { scaleQueries } from "./scaleQueries.js";
import { syntheticCorpus, writeSyntheticCorpus } from "./synthetic.js";
import { round } from "./stats.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(here, "out");
/** Queries per size: a third each of questions, deal queries and titles. */
export const SCALE_QUERIES = 150;

function run(mode: "cold" | "warm" | "bot" | "plain", corpusDir: string, snapshotFile: string, queriesFile: string) {
  const output = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", path.join(here, "scaleWorker.ts"), mode, corpusDir, snapshotFile, queriesFile], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(output.trim().split("\n").at(-1)!);
}

/**
 * A synthetic archive of `size` articles written as files, then, each in a fresh process: indexed from
 * the files (and the snapshot saved), started from the snapshot and queried as the bot answers, and the
 * same queries put to plain minisearch (default options) over the same documents.
 */
export function benchScale(size: number) {
  const corpusDir = path.join(OUT, `synthetic-${size}`);
  const marker = path.join(corpusDir, ".complete");
  if (!existsSync(marker)) {
    writeSyntheticCorpus(corpusDir, size);
    writeFileSync(marker, "");
  }
  mkdirSync(OUT, { recursive: true });
  const queriesFile = path.join(OUT, `queries-${size}.json`);
  writeFileSync(queriesFile, JSON.stringify(scaleQueries(syntheticCorpus(size), SCALE_QUERIES)));
  // The snapshot where the bot keeps it: DATA_DIR/index.snapshot.
  const dataDir = path.join(OUT, `data-${size}`);
  rmSync(dataDir, { recursive: true, force: true });
  const snapshotFile = path.join(dataDir, SNAPSHOT_FILE);
  const cold = run("cold", corpusDir, snapshotFile, queriesFile);
  const warm = run("warm", corpusDir, snapshotFile, queriesFile);
  run("bot", corpusDir, snapshotFile, queriesFile); // the first start fills the database with the corpus
  const bot = run("bot", corpusDir, snapshotFile, queriesFile);
  const plain = run("plain", corpusDir, snapshotFile, queriesFile);
  const snapshotMB = Math.round(readFileSync(snapshotFile).length / 1e6);
  return {
    articles: size,
    ...cold,
    snapshotMB,
    ...warm,
    ...bot,
    plain,
    ratio: { median: round(plain.answerMs.median / warm.answerMs.median, 1), p99: round(plain.answerMs.p99 / warm.answerMs.p99, 1) },
  };
}

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
/**
 * Deterministic synthetic corpora in our Markdown format, for benchmarks at archive scale: thousands of
 * company names, money amounts, deal verbs and a long tail of rare words, several articles per company,
 * about 3 KB per article.
 */

/** A small, fast, seeded random number generator (mulberry32). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = "ka ro mi ne tal vor sen dri lux pha qui zen bar cor del fin gal hex ion jul kep lam mor nix ost pel rin sol tur uma vex wyn yor zul".split(" ");
const SUFFIXES = ["Labs", "Systems", "AI", "Cloud", "Networks", "Robotics", "Bio", "Energy", "Semiconductor", "Capital", "Data", "Motors"];
const VERBS = ["acquires", "invests in", "signs a compute contract with", "partners with", "buys a stake in", "agrees to supply chips to", "leases GPU capacity from", "merges with"];
const COMMON = "the company said deal market growth investors quarter revenue customers analysts shares cloud chips data platform model training capacity agreement billion million expected plans announced according report".split(" ");

function word(next: () => number, parts = 2 + Math.floor(next() * 2)): string {
  let text = "";
  for (let i = 0; i < parts; i++) text += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
  return text;
}

function capitalized(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

export interface SyntheticArticle {
  id: string;
  text: string;
  title: string;
}

/** `count` articles over about count/4 companies, the same for the same seed. */
export function syntheticCorpus(count: number, seed = 42): SyntheticArticle[] {
  const next = random(seed);
  const companies = Array.from({ length: Math.max(20, Math.floor(count / 4)) }, () => `${capitalized(word(next))} ${SUFFIXES[Math.floor(next() * SUFFIXES.length)]}`);
  const rare = Array.from({ length: 20_000 }, () => word(next, 3));
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const sentence = (subject: string, object: string) => {
    const words = Array.from({ length: 12 + Math.floor(next() * 10) }, () => (next() < 0.7 ? pick(COMMON) : pick(rare)));
    return `${subject} ${words.slice(0, 6).join(" ")} ${object} ${words.slice(6).join(" ")}.`;
  };
  return Array.from({ length: count }, (_, i) => {
    const a = pick(companies);
    const b = pick(companies);
    const amount = `$${1 + Math.floor(next() * 300)}${next() < 0.5 ? " billion" : "bn"}`;
    const title = `${a} ${pick(VERBS)} ${b} in ${amount} deal`;
    const date = new Date(Date.UTC(2023, 0, 1) + Math.floor(next() * 1000) * 86_400_000).toISOString().slice(0, 10);
    const points = Array.from({ length: 5 + Math.floor(next() * 3) }, () => sentence(pick([a, b]), pick(companies)));
    const paragraph = () => Array.from({ length: 5 }, () => sentence(pick([a, b]), pick(companies))).join(" ");
    const text = [
      "---", `title: ${JSON.stringify(title)}`, `date: ${date}`, `tags: [${word(next)}, deals]`, "---",
      `# ${title}`, "", "## Summary", `${sentence(a, b)} ${sentence(b, a)}`, "", "## Key Points", ...points.map((p) => `- ${p}`), "",
      "## Content summary", paragraph(), "", "## Context and relevance", paragraph(), "", "## Source", `Source: https://news.example.com/${i}`, "",
    ].join("\n");
    return { id: syntheticFileId(i), text, title };
  });
}

/** The id of the nth synthetic article: its file's path in a written corpus (folders of 1,000). */
export function syntheticFileId(n: number): string {
  return `${String(Math.floor(n / 1000)).padStart(3, "0")}/${n}`;
}

/** Writes a synthetic corpus as files, as the bot reads a corpus folder. */
export function writeSyntheticCorpus(dir: string, count: number, seed = 42): SyntheticArticle[] {
  return writeArchive(dir, syntheticCorpus(count, seed), ".md");
}

/** Writes articles as files named after their ids (in place of whatever the folder held). */
export function writeArchive<T extends SyntheticArticle>(dir: string, articles: T[], extension: ".md" | ".txt"): T[] {
  rmSync(dir, { recursive: true, force: true });
  for (const article of articles) {
    const file = path.join(dir, `${article.id}${extension}`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, article.text);
  }
  return articles;
}

import { random, syntheticFileId, writeArchive, type SyntheticArticle } from "./synthetic.js";
/**
 * A synthetic archive shaped like real news: deterministic plain-text summaries (the layout summary blogs
 * publish, site noise included), about 3 KB each, whose companies follow a Zipf distribution (exponent 0.8
 * over 6,000 companies). Each article names the companies of ZIPF_DRAWS draws, so the most frequent one
 * (OpenAI) is in about 39% of the articles and the next ones (Nvidia, Microsoft, Google, Amazon) in about
 * 25%, 18%, 14% and 11%; most companies are in a handful of articles.
 */

export const ZIPF_COMPANIES = 6_000;
export const ZIPF_EXPONENT = 0.8;
/** Company draws per article (with repeats): 12 gives the shares above. */
export const ZIPF_DRAWS = 12;

/** The most frequent companies, most frequent first: real names the company table knows. */
export const FREQUENT_COMPANIES = ["OpenAI", "Nvidia", "Microsoft", "Google", "Amazon", "Anthropic", "Meta", "AMD", "Intel", "Oracle", "Broadcom", "CoreWeave", "SoftBank", "TSMC", "Apple"];

const SYLLABLES = "ka ro mi ne tal vor sen dri lux pha qui zen bar cor del fin gal hex ion jul kep lam mor nix ost pel rin sol tur uma vex wyn yor zul".split(" ");
const SUFFIXES = ["Labs", "Systems", "Cloud", "Networks", "Robotics", "Bio", "Energy", "Semiconductor", "Capital", "Data", "Motors", "Dynamics"];
const VERBS = ["invests in", "acquires", "signs a compute contract with", "partners with", "buys a stake in", "agrees to supply chips to", "leases GPU capacity from"];
const COMMON = "the company said market growth investors quarter revenue customers analysts shares cloud chips data platform model training capacity agreement expected plans announced according report people familiar with matter would also new year first more than its which has been".split(" ");
const NOISE = ["Leave a Reply", "Your email address will not be published. Required fields are marked *", "Share this:", "Related posts", "Popular this week"];

function word(next: () => number, parts: number): string {
  let text = "";
  for (let i = 0; i < parts; i++) text += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
  return text;
}

const capitalized = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent. */
export function zipfSampler(n: number, exponent: number, next: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) cumulative[rank] = total += 1 / (rank + 1) ** exponent;
  return () => {
    const target = next() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** The archive's vocabulary, the same for the same seed. */
export function zipfVocabulary(seed = 42) {
  const next = random(seed);
  const invented = new Set<string>();
  const fresh = (parts: number) => {
    for (;;) {
      const made = word(next, parts);
      if (!invented.has(made)) {
        invented.add(made);
        return made;
      }
    }
  };
  const companies = [...FREQUENT_COMPANIES];
  while (companies.length < ZIPF_COMPANIES) companies.push(`${capitalized(fresh(3))} ${SUFFIXES[companies.length % SUFFIXES.length]}`);
  /** Topics: words a few hundred articles share (what a deal is about). */
  const topics = Array.from({ length: 400 }, () => fresh(2));
  /** The long tail: words a handful of articles share. */
  const rare = Array.from({ length: 30_000 }, () => fresh(4));
  return { companies, topics, rare };
}

export interface ZipfArticle extends SyntheticArticle {
  /** The companies it names, most prominent first (its title's two first). */
  companies: string[];
  topic: string;
  /** Rare words it holds (from its key points). */
  rareWords: string[];
}

/** `count` plain-text articles, the same for the same seed. */
export function zipfCorpus(count: number, seed = 42): ZipfArticle[] {
  const { companies, topics, rare } = zipfVocabulary(seed);
  const next = random(seed + 1);
  const company = zipfSampler(companies.length, ZIPF_EXPONENT, next);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const named = [...new Set(Array.from({ length: ZIPF_DRAWS }, () => companies[company()]!))];
    if (named.length === 1) named.push(companies[ZIPF_COMPANIES - 1 - (i % 100)]!);
    const [a, b] = named as [string, string];
    const topic = pick(topics);
    const own = Array.from({ length: 8 }, () => pick(rare));
    const words = (n: number) => Array.from({ length: n }, () => (next() < 0.72 ? pick(COMMON) : next() < 0.5 ? pick(own) : pick(rare))).join(" ");
    let mention = 0;
    const nextCompany = () => named[mention++ % named.length]!;
    const sentence = () => `${nextCompany()} ${words(6 + Math.floor(next() * 4))} ${nextCompany()} ${words(5 + Math.floor(next() * 5))}.`;
    const amount = `$${1 + Math.floor(next() * 300)}${next() < 0.5 ? " billion" : "bn"}`;
    const title = `${a} ${pick(VERBS)} ${b} in ${amount} ${topic} deal`;
    const points = Array.from({ length: 5 + Math.floor(next() * 3) }, () => `${sentence()} ${words(4)} ${topic}.`);
    const paragraph = (n: number) => Array.from({ length: n }, sentence).join(" ");
    const text = [
      title, "", title, "", "Summary", "", `${a} ${words(8)} ${b} ${amount} ${topic} ${words(8)}. ${sentence()}`, "",
      "Key Points", "", ...points.map((point) => `• ${point}`), "",
      "Content summary", "", paragraph(3), "", paragraph(2), "",
      "Context and relevance", "", paragraph(3), "",
      "Author style", "", `${capitalized(words(10))}.`, "",
      "Why should I read this?", "", `${sentence()} ${capitalized(words(8))}.`, "",
      "Source", "", `Source: https://news.example.com/${i}`, "", ...NOISE, "",
    ].join("\n");
    return { id: syntheticFileId(i), text, title, companies: named, topic, rareWords: own };
  });
}

/** Writes the archive as `.txt` files, as the bot reads a corpus folder. */
export function writeZipfCorpus(dir: string, count: number, seed = 42): ZipfArticle[] {
  return writeArchive(dir, zipfCorpus(count, seed), ".txt");
}

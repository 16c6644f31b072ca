import type { SyntheticArticle } from "./synthetic.js";
import { random } from "./synthetic.js";

/** One benchmark query: what a user sends, and the article it is about (for the known-item check). */
export interface ScaleQuery {
  kind: "ask" | "deal" | "summary";
  text: string;
  /** The article the query was made from; for titles, the one that should come first. */
  about: string;
}

/** A misspelling: two neighbouring letters swapped inside the word. */
export function typo(word: string, next: () => number): string {
  if (word.length < 6) return word;
  const at = 1 + Math.floor(next() * (word.length - 3));
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

/**
 * The same queries for every engine and size: natural questions, deal queries (company names) and titles
 * (for /summary), a quarter of them with a misspelt company name.
 */
export function scaleQueries(articles: SyntheticArticle[], count: number, seed = 7): ScaleQuery[] {
  const next = random(seed);
  const queries: ScaleQuery[] = [];
  for (let i = 0; i < count; i++) {
    const article = articles[Math.floor(next() * articles.length)]!;
    const [first, second] = article.title.split(" ");
    const company = `${first} ${second}`;
    const misspelt = i % 4 === 3;
    const name = misspelt ? `${typo(first!, next)} ${second}` : company;
    const kind = (["ask", "deal", "summary"] as const)[i % 3]!;
    const text =
      kind === "ask" ? (i % 2 ? `who did ${name} sign a deal with?` : `how much is the ${name} deal worth?`)
      : kind === "deal" ? name
      : misspelt ? article.title.replace(first!, typo(first!, next)) : article.title;
    queries.push({ kind, text, about: article.id });
  }
  return queries;
}

/** Queries built to be slow: long, all common words, many short prefixes, unknown words. */
export const PATHOLOGICAL_QUERIES = [
  "the company said deal market growth investors quarter revenue customers analysts shares cloud chips data platform model training capacity agreement billion million",
  "a b c d e f g h i j k l m n o p q r s t u v w x y z",
  "data data data data data data data data data data data data data data data data",
  Array.from({ length: 40 }, (_, i) => `zq${"xyzw"[i % 4]}${i}vorlak`).join(" "),
  "deal",
  "who what when where why how which deal billion",
  "ka ro mi ne tal vor sen dri lux pha qui zen bar cor del fin gal hex ion jul",
  "kar rom min net tal vor sen dri lux pha qui zen bar cor del fin gal hex ion jul kep lam mor nix ost pel rin sol tur",
];

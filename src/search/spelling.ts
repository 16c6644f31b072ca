import { companyAliases } from "../extract/companies.js";
import { COMPANY_TABLE } from "../extract/companyTable.js";
import { englishWords } from "./englishWords.js";

/** Optimal string alignment distance (Levenshtein plus swapped neighbours: "Oracel" -> "Oracle" is 1). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

/** How many typos a word of this length may carry and still be recognised: none below 4 letters. */
export function allowedTypos(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/**
 * The company a misspelt word most likely names ("antropic" -> "anthropic", "nvidea" -> "nvidia",
 * "micosoft" -> "microsoft"), as the alias it resembles, or null when no name is close enough.
 */
export function correctCompanyWord(word: string): string | null {
  const lower = word.toLowerCase();
  if (companyAliases().has(lower) || isEnglishWord(lower)) return null;
  const budget = allowedTypos(lower.length);
  if (budget === 0) return lower.length === 3 ? shortNameMissingALetter(lower) : null;
  let best: { alias: string; distance: number } | null = null;
  for (const alias of companyAliases().keys()) {
    if (alias.includes(" ") || alias.length < 4) continue;
    const distance = editDistance(lower, alias, budget);
    if (distance <= budget && (!best || distance < best.distance)) best = { alias, distance };
  }
  return best?.alias ?? null;
}

/**
 * A three-letter word that is a four-letter name with one letter left out ("goq", "grq": Groq; "nvd": NVDA),
 * when exactly one name is so; no other typo is read in words this short, where most are other words.
 */
function shortNameMissingALetter(word: string): string | null {
  if (!shortNames) {
    shortNames = new Map();
    for (const alias of companyAliases().keys()) {
      if (alias.length !== 4 || alias.includes(" ")) continue;
      for (const short of new Set([0, 1, 2, 3].map((i) => alias.slice(0, i) + alias.slice(i + 1)))) shortNames.set(short, [...(shortNames.get(short) ?? []), alias]);
    }
  }
  const names = isNameWord(word) ? [] : (shortNames.get(word) ?? []);
  return names.length === 1 ? names[0]! : null;
}
/** Four-letter names by each three-letter word they make with a letter left out, made on first use. */
let shortNames: Map<string, string[]> | undefined;

/** Whether a word is English ("slice", "pocket"): a word of the language is never read as a typo of another. */
export function isEnglishWord(word: string): boolean {
  return englishWords().has(word.toLowerCase());
}

/**
 * The spelling a misspelt term most likely meant, among `candidates` (terms of the corpus): the nearest
 * within its typo budget (`allowedTypos`; swapped neighbours are one typo), the most frequent of equals.
 */
export function nearestSpelling(term: string, candidates: Iterable<string>, frequency: (candidate: string) => number): string | null {
  const budget = allowedTypos(term.length);
  let best: { term: string; distance: number; frequency: number } | null = null;
  for (const candidate of candidates) {
    if (candidate === term) continue;
    const distance = editDistance(term, candidate, budget);
    if (distance > budget) continue;
    const seen = frequency(candidate);
    if (!best || distance < best.distance || (distance === best.distance && seen > best.frequency)) best = { term: candidate, distance, frequency: seen };
  }
  return best?.term ?? null;
}

/** The words of every name in the company table (aliases, tickers, nicknames, people, products): "claude", "jassy". */
let nameWords: Set<string> | undefined;

export function isNameWord(word: string): boolean {
  nameWords ??= new Set(
    COMPANY_TABLE.flatMap((entry) => [entry.name, ...(entry.aliases ?? []), ...(entry.tickers ?? []), ...(entry.caseSensitive ?? []), ...(entry.nicknames ?? []), ...(entry.people ?? []), ...(entry.products ?? [])])
      .flatMap((name) => name.toLowerCase().split(/[^\p{L}\p{N}]+/u)),
  );
  return nameWords.has(word);
}

/** Endings a term's written forms may have beyond it ("start" -> "started", "graphic" -> "graphics"). */
const ENDINGS = ["", "e", "s", "es", "d", "ed", "ing", "er", "ers", "ion", "ions", "al", "y"];

/**
 * A corrected term as a word (terms are stemmed: "start", "compani"): of the English words and names that
 * are written forms of it (`processTerm` gives the term back), the one nearest to what was typed
 * ("startted" -> "started", "graphcis" -> "graphics"), so that what reads whole words reads it; null
 * when no such word is known.
 */
export function writtenForm(term: string, typed: string, processTerm: (word: string) => string | null): string | null {
  const stems = term.endsWith("i") ? [term, term.slice(0, -1)] : [term];
  const forms = stems.flatMap((stem) => ENDINGS.map((ending) => stem + ending)).concat(term.endsWith("i") ? [`${term.slice(0, -1)}y`] : []);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const form of forms) {
    if (!(isEnglishWord(form) || isNameWord(form)) || processTerm(form) !== term) continue;
    const distance = editDistance(typed.toLowerCase(), form);
    if (distance < bestDistance) [best, bestDistance] = [form, distance];
  }
  return best;
}

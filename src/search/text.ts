import { stemmer } from "stemmer";
import { findCompanies } from "../extract/companies.js";
import { findMoney, moneyToken } from "../extract/money.js";
import { STOP_WORDS } from "./stopWords.js";
import { synonymTerm } from "./synonyms.js";

/** Words: letters and digits, keeping inner dots, ampersands and apostrophes ("6.5b", "at&t", "openai's"). */
const WORD = /[\p{L}\p{N}]+(?:[.&'’][\p{L}\p{N}]+)*/gu;

/** The search token of a company, the same for all its names: "AWS" and "Amazon Web Services" give "amazon". */
export function companyToken(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Splits text into search words. Sums of money become one token however they are written ("$38bn",
 * "38 billion dollars" -> "38b"), and every company named by an alias also yields its canonical token, so
 * "AWS" in a question meets "Amazon" in an article.
 */
export function tokenize(text: string): string[] {
  const normalized = text.normalize("NFKC");
  const tokens: string[] = [];
  let last = 0;
  for (const money of findMoney(normalized)) {
    if (money.index < last) continue;
    pushWords(normalized.slice(last, money.index), tokens);
    tokens.push(moneyToken(money.value));
    last = money.index + money.text.length;
  }
  pushWords(normalized.slice(last), tokens);
  for (const mention of findCompanies(normalized)) {
    const token = companyToken(mention.name);
    if (companyToken(mention.text) === token) continue;
    tokens.push(token);
    // "wandb" meets an article that writes "Weights & Biases" by its words: the name written out is not squashed into one token.
    const words = mention.name.split(/\s+/);
    const written = new Set(mention.text.toLowerCase().split(/[^\p{L}\p{N}]+/u));
    if (words.length > 1 && !words.some((word) => written.has(word.toLowerCase()))) pushWords(mention.name, tokens);
  }
  return tokens;
}

/** A count written with thousands separators or in full ("14,000", "14000"): the same term as "14k". */
const LARGE_COUNT = /^(\d{1,3}(?:,\d{3})+|\d{5,})$/;

/** A number joined to a unit's abbreviation ("2nm", "1.5GW"): the number and the unit's word, as "2-nanometer" and "1.5 gigawatts" are read. */
const WITH_UNIT = /^(\d+(?:\.\d+)?)(nm|gw|mw|kw|gwh|mwh|tb|gb|pb)$/i;
const UNIT_WORDS: Record<string, string> = { nm: "nanometer", gw: "gigawatt", mw: "megawatt", kw: "kilowatt", gwh: "gigawatt-hour", mwh: "megawatt-hour", tb: "terabyte", gb: "gigabyte", pb: "petabyte" };

/**
 * Two words that say what one term says, by their second word: the term is added after them. "Chief
 * executive" is the CEO ("who is the ceo" meets "led by chief executive Peng Xiao"), who "stepped down"
 * resigned, "up to $51" is the most it can be, an "initial public offering" is an IPO.
 */
const PHRASES = new Map<string, Array<{ after: RegExp; term: string }>>();
for (const [second, after, term] of [
  ["executive", /^chief$/i, "ceo"],
  ["down", /^step(s|ped|ping)?$/i, "resign"],
  // A write-down or write-off is a charge against earnings.
  ["down", /^writ(e|es|ing|ten)$/i, "charge"],
  ["downs", /^write$/i, "charge"],
  ["off", /^writ(e|es|ing|ten)$/i, "charge"],
  ["offs", /^write$/i, "charge"],
  ["to", /^up$/i, "maximum"],
  ["offering", /^public$/i, "ipo"],
  // The EU's AI Act is one thing, not any act about AI: "act" alone is in every Digital Markets Act story.
  ["act", /^ai$/i, "aiact"],
  // Ten years are a decade: "spread over a decade" meets "over the next ten years".
  ["years", /^(ten|10)$/i, "decade"],
] as const) {
  for (const written of [second, second[0]!.toUpperCase() + second.slice(1)]) PHRASES.set(written, [...(PHRASES.get(written) ?? []), { after, term }]);
}

function pushWords(text: string, into: string[]): void {
  for (const word of text.match(COUNT_OR_WORD) ?? []) {
    const code = word.charCodeAt(0);
    // Only words starting with a digit can be counts or units: most words skip both tests.
    if (code < 48 || code > 57) {
      into.push(word);
      const phrase = PHRASES.get(word)?.find(({ after }) => after.test(into[into.length - 2] ?? ""));
      if (phrase) into.push(phrase.term);
    } else if (LARGE_COUNT.test(word)) into.push(moneyToken(Number(word.replace(/,/g, ""))));
    else {
      const unit = WITH_UNIT.exec(word);
      if (unit) into.push(unit[1]!, UNIT_WORDS[unit[2]!.toLowerCase()]!);
      else into.push(word);
    }
  }
}

/** A word, or a number with thousands separators as one word. */
const COUNT_OR_WORD = /\d{1,3}(?:,\d{3})+(?![\p{L}\p{N}]|[.,]\d)|[\p{L}\p{N}]+(?:[.&'’][\p{L}\p{N}]+)*/gu;

/**
 * Normalises one word for the index and for queries alike: lower case, no accents or possessive "'s",
 * stop words dropped, English suffixes stemmed (invests, investing, investment -> invest). Money tokens and
 * words with digits are kept as they are.
 */
export function processTerm(term: string): string | null {
  let processed = memo.get(term);
  if (processed === undefined) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    processed = normalizeTerm(term);
    memo.set(term, processed);
  }
  return processed;
}

/** Stemming is the costly part of indexing, and a corpus repeats its words: each word is worked out once. */
const MEMO_SIZE = 200_000;
const memo = new Map<string, string | null>();

/** Letters, digits and at most one letter, then a plural "s": "h100s", "mi300xs". */
const PLURAL_MODEL = /^([a-z]+\d+[a-z]?)s$/;

function normalizeTerm(term: string): string | null {
  const word = term
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/’/g, "'")
    .replace(/'s$|'$/, "");
  if (word.length === 0 || STOP_WORDS.has(word)) return null;
  // A model's name in the plural is the model: "h100s", "gb200s" are "h100", "gb200".
  if (/\d/.test(word)) return word.replace(/[']/g, "").replace(PLURAL_MODEL, "$1");
  const stemmed = stemmer(word.replace(/[.']/g, ""));
  return stemmed.length > 0 ? synonymTerm(stemmed) : null;
}

/** The processed terms of a text, in order, without stop words. */
export function terms(text: string): string[] {
  return tokenize(text).map(processTerm).filter((term): term is string => term !== null);
}

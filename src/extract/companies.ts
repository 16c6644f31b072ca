import { escapeRegExp } from "./escapeRegExp.js";
import { COMPANY_TABLE } from "./companyTable.js";

/** A company named in a text, with where it stands. */
export interface CompanyMention {
  name: string;
  index: number;
  /** The words as written, e.g. "AWS". */
  text: string;
}

const byAlias = new Map<string, string>();
const caseSensitive = new Map<string, string>();
for (const entry of COMPANY_TABLE) {
  for (const alias of [entry.name, ...(entry.aliases ?? []), ...(entry.tickers ?? [])]) {
    if (!entry.caseSensitive?.includes(alias)) byAlias.set(alias.toLowerCase(), entry.name);
  }
  for (const alias of entry.caseSensitive ?? []) caseSensitive.set(alias, entry.name);
}

const alternation = (names: Iterable<string>) =>
  [...names].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");
const BOUNDARY_BEFORE = "(?<![\\p{L}\\p{N}])";
const BOUNDARY_AFTER = "(?![\\p{L}\\p{N}]|\\.[\\p{L}\\p{N}])";
const ALIAS_PATTERN = new RegExp(`${BOUNDARY_BEFORE}(${alternation(byAlias.keys())})${BOUNDARY_AFTER}`, "giu");
// A one-letter name ("X") must stand alone: "X-energy" is another company.
const CASE_PATTERN = new RegExp(`${BOUNDARY_BEFORE}(${alternation(caseSensitive.keys())})(?![\\p{L}\\p{N}]|[.-][\\p{L}\\p{N}])`, "gu");
const EDGE_BEFORE = new RegExp(BOUNDARY_BEFORE, "uy");
const EDGE_AFTER = new RegExp(BOUNDARY_AFTER, "uy");

/** ASCII letters and digits: the word edges of the fast reading below. */
const isWordChar = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
/** An alias's first run of ASCII letters and digits ("amazon" of "amazon.com"). */
const firstRun = (alias: string) => /^[a-z0-9]*/.exec(alias)![0];
/** Aliases by their first run, longest first: a name starts where a run starts, and that run must be its first. */
const aliasesByFirstRun = new Map<string, string[]>();
for (const alias of [...byAlias.keys()].sort((a, b) => b.length - a.length)) {
  const run = firstRun(alias);
  aliasesByFirstRun.set(run, [...(aliasesByFirstRun.get(run) ?? []), alias]);
}
/** The first two characters of the names' first runs (the second 0 for a run of one), and the longest first run. */
const STARTS_A_NAME = new Uint8Array(128 * 128);
const startKey = (first: number, second: number) => first * 128 + second;
for (const run of aliasesByFirstRun.keys()) if (run) STARTS_A_NAME[startKey(run.charCodeAt(0), run.length > 1 ? run.charCodeAt(1) : 0)] = 1;
const LONGEST_FIRST_RUN = Math.max(...[...aliasesByFirstRun.keys()].map((run) => run.length));
/** Whether every alias starts with an ASCII letter or digit (else the fast reading cannot find it). */
const FAST_READING = !aliasesByFirstRun.has("");

/**
 * The names in lower-case text with ASCII word edges, leftmost and longest first, as the alternation of
 * every alias would find them: one map lookup a word instead of a regular expression of hundreds of
 * names (most of the cost of indexing an archive). Each match, with its index.
 */
function* lowerCaseMentions(lower: string): Generator<[alias: string, index: number]> {
  const length = lower.length;
  let at = 0;
  while (at < length) {
    if (!isWordChar(lower.charCodeAt(at))) {
      at++;
      continue;
    }
    let runEnd = at + 1;
    while (runEnd < length && isWordChar(lower.charCodeAt(runEnd))) runEnd++;
    // Most words start no name: they are passed over without being cut out of the text.
    const key = startKey(lower.charCodeAt(at), runEnd - at > 1 ? lower.charCodeAt(at + 1) : 0);
    const couldStartName = STARTS_A_NAME[key] === 1 && runEnd - at <= LONGEST_FIRST_RUN;
    const alias = couldStartName ? aliasesByFirstRun.get(lower.slice(at, runEnd))?.find((name) => lower.startsWith(name, at) && !isWordChar(lower.charCodeAt(at + name.length))) : undefined;
    if (alias) {
      yield [alias, at];
      at += alias.length;
    } else at = runEnd;
  }
}

/**
 * Names are read in lower-case text with ASCII word edges (`lowerCaseMentions`). A match is kept when
 * ALIAS_PATTERN's own edges hold there; where they do not (a letter like "é" next to a name), or where
 * lower case changes the text's length, the text is read with ALIAS_PATTERN itself.
 */
function aliasMentions(text: string): CompanyMention[] {
  const lower = text.toLowerCase();
  const mentions: CompanyMention[] = [];
  if (FAST_READING && lower.length === text.length) {
    let exact = true;
    for (const [alias, index] of lowerCaseMentions(lower)) {
      const end = index + alias.length;
      EDGE_BEFORE.lastIndex = index;
      EDGE_AFTER.lastIndex = end;
      if (!EDGE_BEFORE.test(text) || !EDGE_AFTER.test(text)) {
        exact = false;
        break;
      }
      mentions.push({ name: byAlias.get(alias)!, index, text: text.slice(index, end) });
    }
    if (exact) return mentions;
    mentions.length = 0;
  }
  for (const match of text.matchAll(ALIAS_PATTERN)) {
    const name = byAlias.get(match[1]!.toLowerCase());
    if (name) mentions.push({ name, index: match.index!, text: match[1]! });
  }
  return mentions;
}

/** Every known company named in `text`, in order of appearance (aliases resolved to canonical names). */
export function findCompanies(text: string): CompanyMention[] {
  const mentions = aliasMentions(text);
  for (const match of text.matchAll(CASE_PATTERN)) {
    const name = caseSensitive.get(match[1]!);
    const covered = mentions.some((m) => match.index! >= m.index && match.index! < m.index + m.text.length);
    if (name && !covered) mentions.push({ name, index: match.index!, text: match[1]! });
  }
  return mentions.sort((a, b) => a.index - b.index);
}

/** The canonical name for an alias ("aws" -> "Amazon"), or undefined when it is not a known company. */
export function canonicalCompany(alias: string): string | undefined {
  return byAlias.get(alias.toLowerCase().trim()) ?? caseSensitive.get(alias.trim());
}

/** Every name a company goes by (lower case), its canonical name included. */
export function namesOf(company: string): string[] {
  return [...(namesByCompany.get(company) ?? [])];
}

const namesByCompany = new Map<string, string[]>();
for (const [alias, name] of byAlias) namesByCompany.set(name, [...(namesByCompany.get(name) ?? []), alias]);

/** Every name and alias, lower case, with the company it stands for. */
export function companyAliases(): ReadonlyMap<string, string> {
  return byAlias;
}

interface ArticleText {
  title: string;
  summary: string;
  keyPoints: string[];
  tags: string[];
}

/**
 * The companies an article is about, most prominent first: those in the title, then by how often the
 * summary and key points name them. Companies missing from the table are found as capitalised names
 * that the title and the body share (e.g. "Blue Owl" in "Meta and Blue Owl ..."), so an article about a
 * company nobody listed still has its parties.
 */
export function extractCompanies(article: ArticleText): string[] {
  const body = [article.summary, ...article.keyPoints].join("\n");
  const score = new Map<string, number>();
  const add = (name: string, points: number) => score.set(name, (score.get(name) ?? 0) + points);
  for (const mention of findCompanies(article.title)) add(mention.name, 100 - Math.min(mention.index, 90) / 10);
  for (const mention of findCompanies(body)) add(mention.name, 1);
  for (const tag of article.tags) {
    const name = canonicalCompany(tag);
    if (name) add(name, 0.5);
  }
  const inTitle = [...score.values()].filter((points) => points >= 10).length;
  if (inTitle < 2) for (const name of unlistedNames(article.title, body)) if (!score.has(name)) add(name, 1.5);
  return [...score.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

const NOT_NAMES = new Set(
  "Series Round Funding Deal Merger Takeover Stake GPU GPUs CPU CPUs TPU TPUs AI IPO CEO CFO CTO AGI LLM API APIs SaaS The A An And Or Of In On For To With By At From As Its It This That These Those Why How What Who When Where Which New CEO CFO AI US U.S. UK EU Chief First Inc Corp Ltd Billion Million Trillion Deal Deals Says Said Report Reports After Over Into About January February March April May June July August September October November December USD EUR GBP Arizona Louisiana Texas Ohio California Judge Court Search Chips Chip China Europe America Washington Beijing Taiwan Japan India States Congress Senate White House Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
    .split(" "),
);

/** Capitalised word runs of the title that the body also writes capitalised in mid-sentence. */
function unlistedNames(title: string, body: string): string[] {
  const known = new Set(findCompanies(title).flatMap((m) => m.text.split(/\s+/)));
  const midSentence = new Set<string>();
  for (const match of body.matchAll(/(?<=[\p{Ll}\p{N},;] )(\p{Lu}[\p{L}\p{N}&.-]*(?: \p{Lu}[\p{L}\p{N}&.-]*)*)/gu)) {
    // Every stretch of the run counts: "makes Fabrikam Contoso's second..." names both Fabrikam and Contoso.
    const words = match[1]!.split(" ").map((word) => word.replace(/[.-]+$/, "").replace(/['’]s$/, ""));
    for (let start = 0; start < words.length; start++) {
      for (let end = start + 1; end <= Math.min(words.length, start + 4); end++) midSentence.add(words.slice(start, end).join(" "));
    }
  }
  const names: string[] = [];
  for (const run of title.matchAll(/\p{Lu}[\p{L}\p{N}&.-]*(?:['’]s)?(?: \p{Lu}[\p{L}\p{N}&.-]*(?:['’]s)?)*/gu)) {
    // A lone letter is no name of its own ("Series J"): the table lists the companies that have one ("X").
    const words = run[0].replace(/['’]s\b/g, "").split(" ").filter((word) => !NOT_NAMES.has(word) && !known.has(word) && word.length > 1);
    for (let start = 0; start < words.length; ) {
      let length = words.length - start;
      for (; length > 0; length--) {
        const phrase = words.slice(start, start + length).join(" ");
        if (midSentence.has(phrase) || [...midSentence].some((name) => name.startsWith(`${phrase} `))) {
          names.push(phrase);
          break;
        }
      }
      start += Math.max(1, length);
    }
  }
  return names.filter((name) => !canonicalCompany(name));
}

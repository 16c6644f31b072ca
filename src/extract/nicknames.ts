import { escapeRegExp } from "./escapeRegExp.js";
import { COMPANY_TABLE } from "./companyTable.js";

/**
 * Companies as chat names them without their names: nicknames and descriptions ("big blue", "the windows
 * maker") and the people who run them ("nadellas company"). Read in questions only.
 */
interface Calling {
  company: string;
  /**
   * A nickname of several words is replaced by the company's name ("blue" of "big blue" must not find Blue
   * Owl); a one-word nickname ("brussels", "redmond") and a person's name stay, and the company is added.
   */
  replace: boolean;
}

/** How a name is found: with or without the apostrophe of a possessive ("nadella's", "nadellas"), spaces or hyphens alike, "chipmaker" or "chip maker". */
const loosely = (name: string) =>
  escapeRegExp(name).replace(/'/g, "['’]?").replace(/[ -]?maker\b/g, "\u0000maker").replace(/[ -]/g, "[\\s-]+").replace(/\u0000/g, "[\\s-]*");
const key = (text: string) => text.toLowerCase().replace(/['’]/g, "").replace(/[\s-]*maker\b/g, "maker").replace(/[\s-]+/g, " ");

/** A nickname with a possessive inside is also typed without it: "musk's ai startup", "musk ai startup". */
const withoutPossessive = (name: string) => name.replace(/['’]s\b/g, "");
const nicknamesOf = (entry: (typeof COMPANY_TABLE)[number]) => [...new Set((entry.nicknames ?? []).flatMap((name) => [name, withoutPossessive(name)]))];

/**
 * The words a description ends with that chat swaps for one another: "the claude maker" is also typed "the
 * claude developer" or "creator", "musk's ai company" "musk's ai lab" or "outfit", "the tiktok owner" "the
 * tiktok parent".
 */
const HEAD_NOUNS = [
  ["company", "startup", "firm", "lab", "outfit", "business", "group", "venture", "shop"],
  // A maker is also "the snapdragon company", not "the snapdragon lab".
  ["maker", "developer", "creator", "manufacturer", "designer", "builder", "producer", "company", "firm"],
  ["owner", "parent"],
];

/** A description with its last word swapped for the others of its kind ("the grok maker": "the grok developer", ...). */
function variantsOf(nickname: string): string[] {
  const words = nickname.split(" ");
  const nouns = HEAD_NOUNS.find((kind) => kind.includes(words[words.length - 1]!));
  return words.length < 2 || !nouns ? [] : nouns.map((noun) => [...words.slice(0, -1), noun].join(" "));
}

const callings = new Map<string, Calling>();
for (const entry of COMPANY_TABLE) {
  for (const name of nicknamesOf(entry)) callings.set(key(name), { company: entry.name, replace: /\s/.test(name) });
  for (const name of entry.people ?? []) callings.set(key(name), { company: entry.name, replace: false });
}
// Swapped descriptions, where no listed one reads otherwise and no two companies' swaps meet.
const swapped = new Map<string, string | null>();
for (const entry of COMPANY_TABLE) {
  for (const variant of nicknamesOf(entry).flatMap(variantsOf)) {
    const earlier = swapped.get(key(variant));
    swapped.set(key(variant), earlier === undefined || earlier === entry.name ? entry.name : null);
  }
}
const variants: string[] = [];
for (const [variant, company] of swapped) {
  if (company === null || callings.has(variant)) continue;
  callings.set(variant, { company, replace: true });
  variants.push(variant);
}
/** Every name above, longest first: "the redmond company" before "redmond", "satya nadella" before "satya". */
const NAMES = [...COMPANY_TABLE.flatMap((entry) => [...nicknamesOf(entry), ...(entry.people ?? [])]), ...variants].sort((a, b) => b.length - a.length);

/** The words of a text in `key` form (a name's words are found among a question's words so). */
const wordsOf = (keyed: string) => keyed.split(/[^\p{L}\p{N}&.]+/u).filter((word) => word.length > 0);
const HEAD_WORDS = new Set(["the", ...HEAD_NOUNS.flat()]);
/**
 * Each name by its anchor, its longest word that is not "the" or a head noun: a question can only hold
 * the name if it holds that word (possibly with a possessive "s" or a full stop after it).
 */
const namesByAnchor = new Map<string, string[]>();
for (const name of NAMES) {
  const words = wordsOf(key(name));
  const anchor = [...words.filter((word) => !HEAD_WORDS.has(word)), ...words].reduce((a, b) => (b.length > a.length ? b : a), "");
  namesByAnchor.set(anchor, [...(namesByAnchor.get(anchor) ?? []), name]);
}

/** One pattern for the names given, in NAMES's order (longest first), made once for each set of names. */
const patterns = new Map<string, RegExp>();
function patternOf(names: Set<string>): RegExp {
  const ordered = NAMES.filter((name) => names.has(name));
  const cacheKey = ordered.join("\n");
  let pattern = patterns.get(cacheKey);
  if (!pattern) {
    if (patterns.size >= 1_000) patterns.clear();
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${ordered.map(loosely).join("|")})(?:['’]?s)?(?![\\p{L}\\p{N}])`, "giu");
    patterns.set(cacheKey, pattern);
  }
  return pattern;
}

/**
 * The names a question may hold: those whose anchor is one of its words. One pattern of every name (some
 * thousands, with their swapped descriptions) took a millisecond a question; the few whose anchor is
 * there find the same matches, since a name without its anchor cannot match.
 */
function namesIn(question: string): Set<string> {
  const found = new Set<string>();
  const keyed = key(question);
  // "the chatgpt maker's": a name's "maker" glued to the word before it with the possessive too.
  for (const word of new Set([...wordsOf(keyed), ...wordsOf(keyed.replace(/ makers\b/g, "makers"))])) {
    const bare = word.replace(/\.+$/, "");
    for (const form of new Set([word, bare, bare.replace(/s$/, "")])) for (const name of namesByAnchor.get(form) ?? []) found.add(name);
  }
  return found;
}

/**
 * A question with the companies it names by nickname, description or person made explicit: "what did
 * big blue pay for hashicorp" -> "what did IBM pay for hashicorp"; "nadellas company and openai" ->
 * "nadellas company and openai Microsoft".
 */
export function namingCompanies(question: string, everyName = false): string {
  // With `everyName`, one pattern of all names is read (the model the anchored reading is tested against).
  const names = everyName ? new Set(NAMES) : namesIn(question);
  if (names.size === 0) return question;
  const added = new Set<string>();
  const text = question.replace(patternOf(names), (match: string, name: string) => {
    const calling = callings.get(key(name));
    if (!calling) return match;
    if (calling.replace) return ` ${calling.company} `;
    added.add(calling.company);
    return match;
  });
  return added.size ? `${text} ${[...added].join(" ")}` : text;
}

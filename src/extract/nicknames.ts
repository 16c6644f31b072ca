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

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** How a name is found: with or without the apostrophe of a possessive ("nadella's", "nadellas"), spaces or hyphens alike, "chipmaker" or "chip maker". */
const loosely = (name: string) => escape(name).replace(/'/g, "['’]?").replace(/[ -]?maker\b/g, "[\\s-]*maker").replace(/\\-| /g, "[\\s-]+");
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
// One pattern for all, longest first: "the redmond company" before "redmond", "satya nadella" before "satya".
const CALLING = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[...COMPANY_TABLE.flatMap((entry) => [...nicknamesOf(entry), ...(entry.people ?? [])]), ...variants].sort((a, b) => b.length - a.length).map(loosely).join("|")})(?:['’]?s)?(?![\\p{L}\\p{N}])`,
  "giu",
);

/**
 * A question with the companies it names by nickname, description or person made explicit: "what did
 * big blue pay for hashicorp" -> "what did IBM pay for hashicorp"; "nadellas company and openai" ->
 * "nadellas company and openai Microsoft".
 */
export function namingCompanies(question: string): string {
  const added = new Set<string>();
  const text = question.replace(CALLING, (match: string, name: string) => {
    const calling = callings.get(key(name));
    if (!calling) return match;
    if (calling.replace) return ` ${calling.company} `;
    added.add(calling.company);
    return match;
  });
  return added.size ? `${text} ${[...added].join(" ")}` : text;
}

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
/** How a name is found: with or without the apostrophe of a possessive ("nadella's", "nadellas"), spaces or hyphens alike. */
const loosely = (name: string) => escape(name).replace(/'/g, "['’]?").replace(/\\-| /g, "[\\s-]+");
const key = (text: string) => text.toLowerCase().replace(/['’]/g, "").replace(/[\s-]+/g, " ");

/** A nickname with a possessive inside is also typed without it: "musk's ai startup", "musk ai startup". */
const withoutPossessive = (name: string) => name.replace(/['’]s\b/g, "");
const nicknamesOf = (entry: (typeof COMPANY_TABLE)[number]) => [...new Set((entry.nicknames ?? []).flatMap((name) => [name, withoutPossessive(name)]))];

const callings = new Map<string, Calling>();
for (const entry of COMPANY_TABLE) {
  for (const name of nicknamesOf(entry)) callings.set(key(name), { company: entry.name, replace: /\s/.test(name) });
  for (const name of entry.people ?? []) callings.set(key(name), { company: entry.name, replace: false });
}
// One pattern for all, longest first: "the redmond company" before "redmond", "satya nadella" before "satya".
const CALLING = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[...COMPANY_TABLE.flatMap((entry) => [...nicknamesOf(entry), ...(entry.people ?? [])])].sort((a, b) => b.length - a.length).map(loosely).join("|")})(?:['’]?s)?(?![\\p{L}\\p{N}])`,
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

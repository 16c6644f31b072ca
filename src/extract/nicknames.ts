import { COMPANY_TABLE } from "./companyTable.js";

/**
 * Companies as chat names them without their names: nicknames and descriptions ("big blue", "the windows
 * maker") and the people who run them ("nadellas company"). Read in questions only.
 */
interface Calling {
  pattern: RegExp;
  company: string;
  /**
   * A nickname of several words is replaced by the company's name ("blue" of "big blue" must not find Blue
   * Owl); a one-word nickname ("brussels", "redmond") and a person's name stay, and the company is added.
   */
  replace: boolean;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Written with or without the apostrophe of a possessive: "nadella's", "nadellas", "the gpu giant's". */
const phrase = (name: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escape(name).replace(/'/g, "['’]?").replace(/\\-| /g, "[\\s-]+")}(?:['’]?s)?(?![\\p{L}\\p{N}])`, "giu");

const CALLINGS: Calling[] = COMPANY_TABLE.flatMap((entry) => [
  ...(entry.nicknames ?? []).map((name) => ({ name, company: entry.name, replace: /\s/.test(name) })),
  ...(entry.people ?? []).map((name) => ({ name, company: entry.name, replace: false })),
])
  // Longest first: "the redmond company" before "redmond", "satya nadella" before "satya".
  .sort((a, b) => b.name.length - a.name.length)
  .map(({ name, company, replace }) => ({ pattern: phrase(name), company, replace }));

/**
 * A question with the companies it names by nickname, description or person made explicit: "what did
 * big blue pay for hashicorp" -> "what did IBM pay for hashicorp"; "nadellas company and openai" ->
 * "nadellas company and openai Microsoft".
 */
export function namingCompanies(question: string): string {
  let text = question;
  const added = new Set<string>();
  for (const { pattern, company, replace } of CALLINGS) {
    pattern.lastIndex = 0;
    if (!pattern.test(text)) continue;
    if (replace) text = text.replace(pattern, ` ${company} `);
    else added.add(company);
  }
  return added.size ? `${text} ${[...added].join(" ")}` : text;
}

import { companyAliases } from "../extract/companies.js";
import { namingCompanies } from "../extract/nicknames.js";
import { numbersAsDigits } from "./numberWords.js";

/** Possessives typed without the apostrophe: "nvidias deal" is "nvidia's deal". */
const BARE_POSSESSIVE = /(?<![\p{L}\p{N}])([\p{L}\p{N}.]{3,})s(?![\p{L}\p{N}'’])/gu;

function withApostrophes(question: string): string {
  const aliases = companyAliases();
  return question.replace(BARE_POSSESSIVE, (word: string, stem: string) => (aliases.has(stem.toLowerCase()) ? `${stem}'s` : word));
}

/**
 * A question as it is searched: written the way chat writes it ("nvidias", "big blue", "nadellas
 * company", "three trillion", "a fifth"), read the way articles write it.
 */
export function readQuestion(question: string): string {
  return namingCompanies(numbersAsDigits(withApostrophes(asArticlesWrite(question))));
}

/** Compounds chat writes as one word: "datacenters" is "data centers". */
function asArticlesWrite(question: string): string {
  return question.replace(/\bdata ?(cent(?:er|re)s?)\b/gi, "data $1");
}

import { readQuestion } from "./chatQuestion.js";
import { placeForms } from "./places.js";
import { companyAliases } from "../extract/companies.js";
import { allowedTypos, correctCompanyWord, editDistance, isEnglishWord, isNameWord, nearestSpelling, writtenForm } from "./spelling.js";
import { synonymSpellings, synonymStemsNear, synonymTerm } from "./synonyms.js";
import { processTerm, terms, tokenize } from "./text.js";

/**
 * A query as searched, and the misspelt words it corrected (word -> the company name it was read as).
 * `respelt` is the query as typed with its other misspelt words replaced by the corpus's spelling
 * ("anthropic round in marh 2024" -> "anthropic round in march 2024"): what is read for its time and the
 * kind of answer.
 */
export interface ExpandedQuery { text: string; corrections: Map<string, string>; respelt: string }

/** Where the corpus is looked up to correct a query's spelling. */
export interface SpellingSource {
  /** Whether a processed term is in the corpus as written. */
  occurs(term: string): boolean;
  /** The corpus's terms within two typos of a term. */
  nearTerms(term: string): string[];
  /** In how many articles a term occurs. */
  documentFrequency(term: string): number;
}

/** Words shorter than this are never read as typos: too many short words are one letter apart. */
const MIN_RESPELT_LENGTH = 4;
/** Shorter words are read as a company's name with a letter left out, never respelt (spelling.ts). */
const SHORT_NAME_LENGTH = 3;
const LETTERS = /\p{L}+/gu;
const LETTERS_THEN_DIGITS = /(?<![\p{L}\p{N}])(\p{L}+)(\d+)(?![\p{L}\p{N}])/gu;
const NOT_LETTERS = /(\P{L}+)/u;

/** How many recent expansions are kept: an answer expands its query several times (search, deals, suggestion). */
const CACHED_EXPANSIONS = 64;

/**
 * The query as searched: its words, plus the company each word that the corpus does not contain is a
 * misspelling of ("Antropic" -> Anthropic), plus the other names of places it names ("British" -> UK).
 * What counts as a misspelling depends on the corpus: `clear` when it changes.
 */
export class QueryExpander {
  private readonly cache = new Map<string, ExpandedQuery>();

  constructor(private readonly corpus: SpellingSource) {}

  expand(query: string): ExpandedQuery {
    const cached = this.cache.get(query);
    if (cached) return cached;
    const expanded = this.expandAnew(query);
    if (this.cache.size >= CACHED_EXPANSIONS) this.cache.clear();
    this.cache.set(query, expanded);
    return expanded;
  }

  clear(): void {
    this.cache.clear();
  }

  private expandAnew(question: string): ExpandedQuery {
    const respelt = this.respell(question);
    const query = readQuestion(respelt);
    const corrections = new Map<string, string>();
    for (const word of tokenize(query)) {
      const term = processTerm(word);
      // Three letters may be a short name with a letter left out ("goq": Groq), not a typo of a word.
      if (!term || this.corpus.occurs(term) || !this.mayBeMisspelt(word, SHORT_NAME_LENGTH)) continue;
      const alias = correctCompanyWord(word);
      if (alias) corrections.set(word, alias);
    }
    const asked = new Set(terms(query));
    const places = [...asked].flatMap(placeForms).filter((form) => !asked.has(form));
    return { text: [query, ...corrections.values(), ...new Set(places)].join(" "), corrections, respelt };
  }

  /**
   * A word the corpus does not hold, that is neither English nor a name or word the question reader knows
   * ("nvda", "capex", "redmond"), may be a typo: of a company's name ("antropic", "gorq"), left to the
   * company correction, or of a word of the corpus ("marh", "diveest"), replaced by it. A word the corpus
   * holds is not looked at further (nor is the list of English words read for it).
   */
  respell(question: string): string {
    return this.rejoined(question).replace(LETTERS, (word) => {
      const term = processTerm(word);
      if (!term || this.corpus.occurs(term) || !this.mayBeMisspelt(word) || correctCompanyWord(word)) return word;
      // The corpus holds a synonym group's words as the group's term: its words are looked among by their own stems.
      const candidates = [...this.corpus.nearTerms(term), ...synonymStemsNear(term, allowedTypos(term.length)).filter((stem) => this.corpus.occurs(synonymTerm(stem)))];
      const meant = nearestSpelling(term, candidates, (candidate) => this.corpus.documentFrequency(synonymTerm(candidate)));
      if (!meant) return word;
      const typed = word.toLowerCase();
      const written = synonymSpellings().get(meant)?.reduce((a, b) => (editDistance(typed, b) < editDistance(typed, a) ? b : a));
      return (this.corpus.occurs(meant) ? writtenForm(meant, word, processTerm) : null) ?? written ?? meant;
    });
  }

  /**
   * Words chat writes apart or together where the corpus does the other: "octo ai" as "octoai" when the
   * corpus holds "octoai" but not "octo"; "sb1047" as "sb 1047" and "gpt5" as "gpt 5" (news writes "SB 1047",
   * "GPT-5") when it holds both parts but not the word.
   */
  private rejoined(question: string): string {
    const occurs = (word: string) => {
      const term = processTerm(word);
      return term !== null && this.corpus.occurs(term);
    };
    const apart = question.replace(LETTERS_THEN_DIGITS, (word: string, letters: string, digits: string) => (!occurs(word) && occurs(letters) && occurs(digits) ? `${letters} ${digits}` : word));
    // Runs of letters at even places, what separates them at odd ones: two runs one space apart are two words.
    const parts = apart.split(NOT_LETTERS);
    for (let i = 0; i + 2 < parts.length; i += 2) {
      const [first, between, second] = [parts[i]!, parts[i + 1]!, parts[i + 2]!];
      const words = between === " " && first !== "" && processTerm(first) !== null && processTerm(second) !== null;
      if (!words || (occurs(first) && occurs(second)) || !occurs(first + second)) continue;
      parts.splice(i, 3, first + second);
    }
    return parts.join("");
  }

  private mayBeMisspelt(word: string, minLength = MIN_RESPELT_LENGTH): boolean {
    if (!processTerm(word) || /\d/.test(word) || word.length < minLength) return false;
    const lower = word.toLowerCase();
    return !companyAliases().has(lower) && !isNameWord(lower) && !isEnglishWord(lower) && readQuestion(lower) === lower;
  }
}

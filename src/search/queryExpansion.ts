import { readQuestion } from "./chatQuestion.js";
import { placeForms } from "./places.js";
import { correctCompanyWord } from "./spelling.js";
import { processTerm, terms, tokenize } from "./text.js";

/** A query as searched, and the misspelt words it corrected (word -> the company name it was read as). */
export interface ExpandedQuery { text: string; corrections: Map<string, string> }

/** How many recent expansions are kept: an answer expands its query several times (search, deals, suggestion). */
const CACHED_EXPANSIONS = 64;

/**
 * The query as searched: its words, plus the company each word that the corpus does not contain is a
 * misspelling of ("Antropic" -> Anthropic), plus the other names of places it names ("British" -> UK).
 * What counts as a misspelling depends on the corpus: `clear` when it changes.
 */
export class QueryExpander {
  private readonly cache = new Map<string, ExpandedQuery>();

  /** `occurs`: whether a processed term is in the corpus as written. */
  constructor(private readonly occurs: (term: string) => boolean) {}

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
    const query = readQuestion(question);
    const corrections = new Map<string, string>();
    for (const word of tokenize(query)) {
      const term = processTerm(word);
      if (!term || /\d/.test(word) || word.length < 5 || this.occurs(term)) continue;
      const alias = correctCompanyWord(word);
      if (alias) corrections.set(word, alias);
    }
    const asked = new Set(terms(query));
    const places = [...asked].flatMap(placeForms).filter((form) => !asked.has(form));
    return { text: [query, ...corrections.values(), ...new Set(places)].join(" "), corrections };
  }
}

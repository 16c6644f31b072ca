import type MiniSearch from "minisearch";
import type { SearchOptions, SearchResult } from "minisearch";
import type { Article } from "../articles/article.js";
import { byNewest } from "../articles/order.js";
import { ARTICLE_BOOST, boostTerm, companyNames, FUZZY, MIN_PREFIX_LENGTH, type ArticleDoc } from "./articleDocument.js";
import { COMMON_TERM_SHARE, LARGE_CORPUS } from "./commonTerms.js";
import { withExactTerms } from "./exactTerms.js";
import { internals } from "./packedPostings.js";
import { processTerm, tokenize } from "./text.js";

/** At most this many words of a question that the corpus does not hold are matched by typo or as prefixes. */
export const MAX_EXPANDED_WORDS = 4;
/** A vague question on a large corpus (common words only) searches its least common few words among the newest articles. */
export const VAGUE_WORDS = 3;
export const VAGUE_POOL = 2_000;
/** On a large corpus, words in at most this share of the articles are a question's distinctive words. */
export const DISTINCTIVE_SHARE = 0.01;
/**
 * On a large corpus, the articles matching a question's distinctive words (best first) that are scored for
 * its other words too: a typo matching a frequent word by one or two edits makes thousands of matches, whose
 * scores for the typo are near zero.
 */
export const DISTINCTIVE_POOL = 2_000;
/**
 * On a large corpus, a question whose words are all frequent (companies in a large share of the news:
 * OpenAI, Nvidia) is scored on at most this many articles: those holding its rarest word, the newest
 * first, when more than this many would match.
 */
export const FREQUENT_POOL = 500;

/** What the matcher reads of the index it serves. */
export interface MatchedIndex {
  miniSearch(): MiniSearch<ArticleDoc>;
  /** Words indexed in titles only (see commonTerms.ts). */
  common: ReadonlySet<string>;
  size(): number;
  /** Every article, newest first. */
  byDate(): readonly Article[];
  article(id: string): Article | undefined;
  /** FREQUENT_POOL, unless given. */
  frequentPool?: number;
}

/**
 * Which articles a question matches, and their scores as minisearch gives them, with the work bounded on
 * a large corpus: common words left out, typo and prefix matching only where they help, and only the
 * articles that can rank first scored (see `matches`).
 */
export class ArticleMatcher {
  constructor(private readonly index: MatchedIndex) {}

  /**
   * In how many articles a term occurs (in the field where it occurs most). Read from minisearch's own
   * term index (a private field of minisearch 7, pinned in package.json), which keeps this count anyway.
   */
  documentFrequency(term: string): number {
    const fields = internals(this.index.miniSearch())._index.get(term);
    let most = 0;
    for (const docs of fields?.values() ?? []) most = Math.max(most, docs.size);
    return most;
  }

  /** The corpus's terms within two typos (minisearch's edit distance) of a term it does not hold. */
  nearTerms(term: string): string[] {
    return [...internals(this.index.miniSearch())._index.fuzzyGet(term, 2).keys()];
  }

  /** Whether a term is in the corpus (a common word is, though indexed in titles only). */
  occurs(term: string): boolean {
    return this.index.common.has(term) || this.documentFrequency(term) > 0;
  }

  /**
   * Typo and prefix matching, the slow paths on a large index, only where they can help: a word the
   * corpus holds as written is no typo; and on a large corpus only a word the corpus does not hold is
   * matched as the start of longer words (one it holds is a whole word: prefixes of it are other words).
   */
  matching(): SearchOptions {
    const unknown = new Set<string>();
    const expands = (term: string) => {
      if (this.occurs(term)) return false;
      // A run of made-up words would each be looked up for typos and prefixes: the first few are enough.
      if (!unknown.has(term) && unknown.size >= MAX_EXPANDED_WORDS) return false;
      unknown.add(term);
      return true;
    };
    return {
      fuzzy: (term) => (FUZZY(term) > 0 && expands(term) ? FUZZY(term) / term.length : false),
      prefix: (term) => term.length >= MIN_PREFIX_LENGTH && (this.index.size() < LARGE_CORPUS ? true : expands(term)),
    };
  }

  /**
   * The question's words to search. On a large corpus each word once, and words found in more than
   * COMMON_TERM_SHARE of the articles (company names excepted) left out when rarer ones remain: their
   * weight in the ranking is near zero, yet each would make most of the corpus a match to score. A
   * question of common words only is vague: its least common few words are searched among the newest
   * articles.
   */
  searchText(text: string): { text: string; vague: boolean } {
    if (this.index.size() < LARGE_CORPUS) return { text, vague: false };
    const words = [...new Set(tokenize(text))].filter((word) => processTerm(word) !== null);
    const limit = this.index.size() * COMMON_TERM_SHARE;
    const rare = words.filter((word) => {
      const term = processTerm(word)!;
      return !this.index.common.has(term) && (companyNames.has(term) || this.documentFrequency(term) <= limit);
    });
    if (rare.length > 0 || words.length === 0) return { text: rare.join(" "), vague: false };
    const df = (word: string) => this.documentFrequency(processTerm(word)!);
    return { text: words.sort((a, b) => df(a) - df(b)).slice(0, VAGUE_WORDS).join(" "), vague: true };
  }

  /**
   * The articles matching a question, scored by minisearch. On a large corpus only the articles that can
   * rank first are scored:
   * - a question with distinctive words (in at most DISTINCTIVE_SHARE of the articles, or unknown and
   *   matched by typo) scores the articles holding one; its commoner words' scores are added to each of
   *   them exactly as minisearch would add them (exactTerms.ts). An article holding only commoner words
   *   would rank below them anyway, and scoring the thousands that do is most of a search's work;
   * - a question of frequent words only ("OpenAI Nvidia", companies in 10-40% of the news) scores the
   *   articles holding its rarest word, at most FREQUENT_POOL of them, the newest first, exactly as above;
   * - a vague question (common words only) scores its rarest words among the newest VAGUE_POOL articles.
   * `corrected` are misspelt words whose correction the question also holds (see queryExpansion.ts): on
   * a large corpus the correction alone is searched, since a typo of a frequent company's name matches
   * by typo most of the corpus.
   */
  matches(text: string, corrected: ReadonlySet<string> = new Set()): SearchResult[] {
    const miniSearch = this.index.miniSearch();
    const { text: searched, vague } = this.searchText(text);
    if (this.index.size() < LARGE_CORPUS) return miniSearch.search(searched, this.matching());
    if (vague) {
      const recent = new Set(this.index.byDate().slice(0, VAGUE_POOL).map((article) => article.id));
      return miniSearch.search(searched, { ...this.matching(), boostDocument: (id) => (recent.has(id) ? 1 : 0) });
    }
    const limit = this.index.size() * DISTINCTIVE_SHARE;
    const distinctive: string[] = [];
    const others: string[] = [];
    for (const word of tokenize(searched)) {
      const term = processTerm(word);
      if (term === null || corrected.has(word)) continue;
      // A rare word is distinctive, unless it is a typo of frequent words only: then it is read as the nearest.
      const read = this.documentFrequency(term) <= limit ? this.nearestFrequent(term, limit) : term;
      if (read === null) distinctive.push(word);
      else if (!others.includes(read)) others.push(read);
    }
    const exactly = { boost: ARTICLE_BOOST, boostTerm };
    if (distinctive.length > 0) {
      const results = miniSearch.search(distinctive.join(" "), this.matching());
      // Distinctive words that match nothing (typos of nothing) leave the commoner words to decide. A typo
      // can match a frequent word ("xcapital" is two edits from "capital"): only the best few thousand go on.
      if (results.length > 0) return withExactTerms(miniSearch, results.slice(0, DISTINCTIVE_POOL), others, exactly);
    }
    if (others.length === 0) return [];
    const frequencies = others.map((term) => this.documentFrequency(term));
    const most = this.index.frequentPool ?? FREQUENT_POOL;
    if (frequencies.reduce((sum, df) => sum + df, 0) <= most) return miniSearch.search(others.join(" "), this.matching());
    const rarest = others[frequencies.indexOf(Math.min(...frequencies))]!;
    const pool = this.holding(rarest, most).map((id) => ({ id, score: 0, terms: [], queryTerms: [], match: {} }));
    return withExactTerms(miniSearch, pool, others, exactly);
  }

  /**
   * The question's matches among the given articles only, scored as `matches` would score them: on a
   * large corpus, for the words the corpus holds as written (a typo's correction is in the question too).
   */
  matchesAmong(text: string, among: ReadonlySet<string>): SearchResult[] {
    const miniSearch = this.index.miniSearch();
    const { text: searched } = this.searchText(text);
    if (this.index.size() < LARGE_CORPUS) return miniSearch.search(searched, { ...this.matching(), filter: (result) => among.has(result.id) });
    const known = [...new Set(tokenize(searched).map(processTerm))].filter((term): term is string => term !== null && this.documentFrequency(term) > 0);
    const shells = [...among].map((id) => ({ id, score: 0, terms: [], queryTerms: [], match: {} }));
    return withExactTerms(miniSearch, shells, known, { boost: ARTICLE_BOOST, boostTerm }).filter((result) => result.score > 0);
  }

  /**
   * For a word the corpus does not hold whose every spelling within its typo distance is a frequent word
   * ("xcapital", one edit from "capital"): the nearest of those, to be scored as that word. Searched by
   * typo, it would make a match of every article holding it, each scored near zero for it.
   */
  private nearestFrequent(term: string, limit: number): string | null {
    if (FUZZY(term) === 0 || this.occurs(term)) return null;
    const near = internals(this.index.miniSearch())._index.fuzzyGet(term, FUZZY(term));
    let nearest: string | null = null;
    let nearestDistance = Infinity;
    for (const [candidate, [, distance]] of near) {
      if (this.documentFrequency(candidate) <= limit) return null; // a typo of a distinctive word: searched by typo
      if (distance < nearestDistance) [nearest, nearestDistance] = [candidate, distance];
    }
    return nearest;
  }

  /** The ids of the articles holding a term (in any field): all when there are at most `most`, else the `most` newest. */
  private holding(term: string, most: number): string[] {
    const ms = internals(this.index.miniSearch());
    const fields = [...(ms._index.get(term)?.values() ?? [])];
    const postings = fields.reduce((sum, inField) => sum + inField.size, 0);
    if (postings <= most || postings <= Math.sqrt(most * this.index.size())) {
      const all = new Set<number>();
      for (const inField of fields) for (const shortId of inField.keys()) if (ms._documentIds.has(shortId)) all.add(shortId);
      const ids = [...all].map((shortId) => ms._documentIds.get(shortId)!);
      if (ids.length <= most) return ids;
      // Fewer than a few thousand: sorting them by date costs less than reading the news until enough turn up.
      const articles = ids.map((id) => this.index.article(id)).filter((article) => article !== undefined);
      return articles.sort(byNewest).slice(0, most).map((article) => article.id);
    }
    // Newest first until enough: a term in a large share of the articles is found within the first few thousand.
    const ids: string[] = [];
    for (const article of this.index.byDate()) {
      const shortId = ms._idToShortId.get(article.id);
      if (shortId !== undefined && fields.some((inField) => inField.get(shortId) !== undefined)) ids.push(article.id);
      if (ids.length >= most) break;
    }
    return ids;
  }
}

import MiniSearch, { type Options, type SearchOptions } from "minisearch";
import type { Article } from "../articles/article.js";
import { byNewest } from "../articles/order.js";
import { answerTypeOf, holdsAnswer, type AnswerType } from "./answerType.js";
import { splitExclusions } from "./negation.js";
import { placeForms } from "./places.js";
import { correctCompanyWord, editDistance } from "./spelling.js";
import { companyAliases, namesOf } from "../extract/companies.js";
import { processTerm, terms, tokenize } from "./text.js";

/** Field weights for whole articles: a word in the title or a key point says more than one in the body. */
export const ARTICLE_BOOST = { title: 3, keyPoints: 2, names: 2, summary: 1.5, body: 0.6 } as const;
/** How much the best matching key point adds to its article's score, relative to the article match. */
export const KEY_POINT_WEIGHT = 0.3;
/** An article whose deal involves a company the question excludes ("besides Microsoft") keeps this share of its score. */
export const EXCLUDED_COMPANY_FACTOR = 0.4;
/**
 * Within one article, a query word that is also in the article's title or its deals' parties (the article's
 * context, true of all its key points) counts this much toward ranking its key points; the other words
 * say which key point answers. "Who supplies the GPUs for OpenAI's Amazon deal" ranks the GPU key point
 * of the OpenAI-Amazon article first, not the one that names OpenAI and Amazon.
 */
export const CONTEXT_TERM_WEIGHT = 0.35;
/** A key point holding the kind of fact the question asks for ("when" a date, "how much" a sum) ranks this much higher. */
export const ANSWER_TYPE_BOOST = 1.5;
/** Fuzzy matching allows one typo in words of 6-8 letters and two in longer words; shorter ones are exact ("cloud" must not find "Claude"). */
export const FUZZY = (term: string): number => (term.length < 6 ? 0 : term.length < 9 ? 1 : 2);
/** A company or a sum named in a question weighs this much more than other words: they identify a deal. */
export const NAME_TERM_BOOST = 2;
const MONEY_TERM = /^\d+(\.\d+)?[tbmk]$/;
/** Prefix matching ("nvid" finds "nvidia") for words of at least this many letters. */
export const MIN_PREFIX_LENGTH = 4;

/** What a deal of each kind is called in questions ("AWS compute deal", "Nvidia startup acquisition"). */
const DEAL_WORDS: Record<Article["deals"][number]["kind"], string> = {
  acquisition: "acquisition deal",
  investment: "investment funding deal",
  compute: "compute contract deal",
  supply: "supply contract deal",
  partnership: "partnership deal",
};

/** What the answers need of an index: the whole index, or the part one server may see. */
export interface SearchableIndex {
  readonly size: number;
  get(id: string): Article | undefined;
  all(): Article[];
  search(query: string, options?: { limit?: number; filter?: (article: Article) => boolean }): ArticleHit[];
  /** The newest articles, newest first (undated last). */
  newest(count: number): Article[];
  expandQuery(query: string): { text: string; corrections: Map<string, string> };
}

/** Whether a server (or, for null, a direct message) may see an article. */
export function visibleIn(article: Article, guildId: string | null): boolean {
  return article.scope === undefined || article.scope === guildId;
}

/** An article that matches a query, with its key points ordered best match first. */
export interface ArticleHit {
  article: Article;
  score: number;
  /** All key points, those matching the query first (best first), then the rest in article order. */
  keyPoints: string[];
  /** How many of `keyPoints` (from the start) matched the query. */
  matchedKeyPoints: number;
}

interface ArticleDoc { id: string; title: string; summary: string; keyPoints: string; body: string; names: string }

const shared: Pick<Options, "tokenize" | "processTerm"> = {
  tokenize,
  processTerm: (term) => processTerm(term) ?? undefined,
};
const companyTerms = new Set([...companyAliases().keys()].flatMap((alias) => terms(alias)));
const baseSearch: SearchOptions = {
  fuzzy: (term) => FUZZY(term) && FUZZY(term) / term.length,
  prefix: (term) => term.length >= MIN_PREFIX_LENGTH,
  maxFuzzy: 2,
};

/** Corpora at least this large leave very common words out of searches (see `searchText`). */
export const LARGE_CORPUS = 1_000;
export const COMMON_TERM_SHARE = 0.2;
/** How many of the best articles are re-ranked with their best key point; the others keep their order. */
export const RERANK_CANDIDATES = 60;
/** minisearch's BM25+ parameters and weights of prefix and fuzzy matches, used to score key points alike. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const DERIVED_WEIGHT = { prefix: 0.375, fuzzy: 0.45 };

/**
 * The search index over articles (minisearch over title, summary, key points, body and company names).
 * The best articles for a query are then re-ranked with their key points, each scored as minisearch would
 * score it on its own (BM25+ over key points), so an answer names the key points that match rather than
 * the first ones, without a second index of every key point.
 */
export class NewsIndex implements SearchableIndex {
  private readonly articles = new Map<string, Article>();
  private readonly articleIndex = new MiniSearch<ArticleDoc>({
    ...shared,
    fields: ["title", "summary", "keyPoints", "body", "names"],
    storeFields: [],
    searchOptions: { ...baseSearch, boost: { ...ARTICLE_BOOST }, boostTerm: (term) => (companyTerms.has(term) || MONEY_TERM.test(term) ? NAME_TERM_BOOST : 1) },
  });
  /** Each article's key points as their search terms, and their lengths as minisearch counts them (distinct words). */
  private readonly pointTerms = new Map<string, string[][]>();
  private readonly pointLengths = new Map<string, number[]>();
  /** In how many key points each term occurs; how many key points there are and their total length. */
  private readonly pointFrequency = new Map<string, number>();
  private readonly points = { count: 0, terms: 0 };
  /** Articles newest first, worked out when first asked for after a change. */
  private sortedByDate: Article[] | null = null;
  /** How many articles are visible to one server only. */
  private scoped = 0;
  /** Recent query expansions: an answer expands its query several times (search, deals, suggestion). */
  private readonly expansions = new Map<string, { text: string; corrections: Map<string, string> }>();
  /** Each article's context terms: those of its title and its deals' parties. */
  private readonly contextTerms = new Map<string, Set<string>>();

  constructor(articles: Iterable<Article> = []) {
    for (const article of articles) this.add(article);
  }

  get size(): number {
    return this.articles.size;
  }

  get(id: string): Article | undefined {
    return this.articles.get(id);
  }

  all(): Article[] {
    return [...this.articles.values()];
  }

  /** The newest articles, newest first (undated last); the order is kept until the index changes. */
  newest(count: number): Article[] {
    return this.byDate().slice(0, count);
  }

  private byDate(): Article[] {
    this.sortedByDate ??= this.all().sort(byNewest);
    return this.sortedByDate;
  }

  /** The index as one server sees it: articles scoped to other servers left out. */
  visibleTo(guildId: string | null): SearchableIndex {
    if (this.scoped === 0) return this;
    const visible = (article: Article) => visibleIn(article, guildId);
    return {
      get size() {
        return this.all().length;
      },
      get: (id) => {
        const article = this.get(id);
        return article && visible(article) ? article : undefined;
      },
      all: () => this.all().filter(visible),
      newest: (count) => {
        const found: Article[] = [];
        for (const article of this.byDate()) {
          if (found.length >= count) break;
          if (visible(article)) found.push(article);
        }
        return found;
      },
      search: (query, options = {}) => this.search(query, { ...options, filter: (article) => visible(article) && (options.filter?.(article) ?? true) }),
      expandQuery: (query) => this.expandQuery(query),
    };
  }

  /** Adds an article, replacing any article with the same id. */
  add(article: Article): void {
    if (this.articles.has(article.id)) this.remove(article.id);
    this.expansions.clear(); // what counts as a misspelling depends on the corpus
    this.articles.set(article.id, article);
    this.sortedByDate = null;
    if (article.scope !== undefined) this.scoped++;
    const doc: ArticleDoc = {
      id: article.id,
      title: article.title,
      summary: article.summary,
      keyPoints: article.keyPoints.join("\n"),
      body: [article.contentSummary, article.context].join("\n"),
      names: [...article.companies, ...article.tags, ...article.deals.map((deal) => DEAL_WORDS[deal.kind])].join(" "),
    };
    this.articleIndex.add(doc);
    const points = article.keyPoints.map((point) => terms(point));
    const lengths = article.keyPoints.map((point) => new Set(tokenize(point)).size);
    this.pointTerms.set(article.id, points);
    this.pointLengths.set(article.id, lengths);
    this.countPoints(points, lengths, 1);
    const parties = new Set(article.deals.flatMap((deal) => deal.parties));
    const partyNames = [...parties].flatMap((party) => [party, ...namesOf(party)]);
    this.contextTerms.set(article.id, new Set(terms(`${article.title} ${partyNames.join(" ")}`)));
  }

  /** Removes an article; returns false when there was none with that id. */
  remove(id: string): boolean {
    const article = this.articles.get(id);
    if (!article) return false;
    this.articles.delete(id);
    this.sortedByDate = null;
    if (article.scope !== undefined) this.scoped--;
    this.contextTerms.delete(id);
    this.expansions.clear();
    this.articleIndex.discard(id);
    this.countPoints(this.pointTerms.get(id) ?? [], this.pointLengths.get(id) ?? [], -1);
    this.pointTerms.delete(id);
    this.pointLengths.delete(id);
    return true;
  }

  private countPoints(points: string[][], lengths: number[], change: 1 | -1): void {
    for (const length of lengths) this.points.terms += change * length;
    for (const point of points) {
      this.points.count += change;
      for (const term of new Set(point)) {
        const count = (this.pointFrequency.get(term) ?? 0) + change;
        if (count > 0) this.pointFrequency.set(term, count);
        else this.pointFrequency.delete(term);
      }
    }
  }

  /**
   * The query as searched: its words, plus the company each word that the corpus does not contain is a
   * misspelling of.
   * `corrections` maps a misspelt word to the name it was read as, to offer "did you mean".
   */
  expandQuery(query: string): { text: string; corrections: Map<string, string> } {
    const cached = this.expansions.get(query);
    if (cached) return cached;
    const expanded = this.expand(query);
    if (this.expansions.size >= 64) this.expansions.clear();
    this.expansions.set(query, expanded);
    return expanded;
  }

  private expand(query: string): { text: string; corrections: Map<string, string> } {
    const corrections = new Map<string, string>();
    const words = tokenize(query);
    for (const word of words) {
      const term = processTerm(word);
      if (!term || /\d/.test(word) || word.length < 5 || this.knows(word)) continue;
      const alias = correctCompanyWord(word);
      if (alias) corrections.set(word, alias);
    }
    const asked = new Set(terms(query));
    const places = [...asked].flatMap(placeForms).filter((form) => !asked.has(form));
    return { text: [query, ...corrections.values(), ...new Set(places)].join(" "), corrections };
  }

  /** Whether a word occurs in the corpus as it is written (no typo allowance). */
  private knows(word: string): boolean {
    const term = processTerm(word);
    return term !== null && this.documentFrequency(term) > 0;
  }

  /**
   * In how many articles a term occurs (in the field where it occurs most). Read from minisearch's own
   * term index (a private field of minisearch 7, pinned in package.json), which keeps this count anyway.
   */
  private documentFrequency(term: string): number {
    const fields = (this.articleIndex as unknown as { _index: { get(term: string): Map<number, Map<number, number>> | undefined } })._index.get(term);
    let most = 0;
    for (const docs of fields?.values() ?? []) most = Math.max(most, docs.size);
    return most;
  }

  /**
   * Typo and prefix matching, the slow paths on a large index, only where they can help: a word the
   * corpus holds as written is no typo; and on a large corpus only the question's last word (or one the
   * corpus does not hold) is matched as the start of longer words.
   */
  private matching(): SearchOptions {
    return {
      fuzzy: (term) => (FUZZY(term) > 0 && this.documentFrequency(term) === 0 ? FUZZY(term) / term.length : false),
      prefix: (term, i, all) => term.length >= MIN_PREFIX_LENGTH && (this.articles.size < LARGE_CORPUS || i === all.length - 1 || this.documentFrequency(term) === 0),
    };
  }

  /**
   * The question's words to search: on a large corpus, words found in more than COMMON_TERM_SHARE of the
   * articles are left out when rarer ones remain. Their weight in the ranking is near zero, yet each
   * would make most of the corpus a match to score.
   */
  private searchText(text: string): string {
    if (this.articles.size < LARGE_CORPUS) return text;
    const words = tokenize(text);
    const limit = this.articles.size * COMMON_TERM_SHARE;
    const rare = words.filter((word) => {
      const term = processTerm(word);
      return term !== null && this.documentFrequency(term) <= limit;
    });
    return rare.length > 0 ? rare.join(" ") : text;
  }

  /** The articles matching a query, best first, each with its key points ordered by how well they match. */
  search(query: string, options: { limit?: number; filter?: (article: Article) => boolean } = {}): ArticleHit[] {
    const { text: wanted, excluded } = splitExclusions(query);
    const { text } = this.expandQuery(wanted);
    const asked = [...new Set(terms(text))];
    if (asked.length === 0) return [];
    const results = this.articleIndex.search(this.searchText(text), this.matching());
    const wants = answerTypeOf(query);
    const derived = new Map<string, Array<[string, number]>>();
    const candidates: Array<{ article: Article; score: number; points: Array<{ index: number; score: number; rank: number }> }> = [];
    for (const result of results) {
      const article = this.articles.get(result.id);
      if (!article || (options.filter && !options.filter(article))) continue;
      const inPoints = Object.entries(result.match).filter(([, fields]) => fields.includes("keyPoints")).map(([term]) => term);
      candidates.push({ article, score: result.score, points: this.scorePoints(article, inPoints, asked, derived, wants) });
      if (candidates.length >= Math.max(RERANK_CANDIDATES, options.limit ?? 0)) break;
    }
    const topArticle = candidates[0]?.score || 1;
    const topPoint = Math.max(0, ...candidates.flatMap((c) => c.points.map((p) => p.score))) || 1;

    const hits: ArticleHit[] = candidates.map(({ article, score, points }) => {
      const best = Math.max(0, ...points.map((p) => p.score));
      let combined = score / topArticle + (KEY_POINT_WEIGHT * best) / topPoint;
      if (excluded.some((name) => article.deals.some((deal) => deal.parties.includes(name)))) combined *= EXCLUDED_COMPANY_FACTOR;
      const matched = new Set(points.map((p) => p.index));
      const keyPoints = [...points.map((p) => article.keyPoints[p.index]!), ...article.keyPoints.filter((_, i) => !matched.has(i))];
      return { article, score: combined, keyPoints, matchedKeyPoints: points.length };
    });
    hits.sort((a, b) => b.score - a.score || a.article.id.localeCompare(b.article.id));
    return options.limit ? hits.slice(0, options.limit) : hits;
  }

  /**
   * An article's key points scored as minisearch scores a document of one field: BM25+ over key points for
   * each of the question's words found (exactly, or by prefix or typo at minisearch's lower weights), times
   * the number of words found. For their order, words of the article's own context count less and a key
   * point holding the kind of fact asked for counts more.
   */
  private scorePoints(article: Article, inPoints: string[], asked: string[], derived: Map<string, Array<[string, number]>>, wants: AnswerType) {
    const scored: Array<{ index: number; score: number; rank: number }> = [];
    if (inPoints.length === 0) return scored;
    const context = this.contextTerms.get(article.id);
    const averageLength = this.points.terms / Math.max(1, this.points.count);
    const lengths = this.pointLengths.get(article.id) ?? [];
    (this.pointTerms.get(article.id) ?? []).forEach((pointTerms, index) => {
      const perQuery = new Map<string, number>();
      const found = new Set<string>();
      for (const term of inPoints) {
        let tf = 0;
        for (const t of pointTerms) if (t === term) tf++;
        if (tf === 0) continue;
        found.add(term);
        const df = this.pointFrequency.get(term) ?? 1;
        const idf = Math.log(1 + (this.points.count - df + 0.5) / (df + 0.5));
        const bm25 = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * (lengths[index] ?? pointTerms.length)) / averageLength)));
        for (const [source, weight] of this.sourcesOf(term, asked, derived)) perQuery.set(source, (perQuery.get(source) ?? 0) + weight * bm25);
      }
      if (perQuery.size === 0) return;
      const score = [...perQuery.values()].reduce((sum, value) => sum + value, 0) * perQuery.size;
      const inContext = [...found].filter((term) => context?.has(term)).length;
      let rank = (score * (found.size - inContext + CONTEXT_TERM_WEIGHT * inContext)) / found.size;
      if (wants && holdsAnswer(wants, article.keyPoints[index] ?? "")) rank *= ANSWER_TYPE_BOOST;
      scored.push({ index, score, rank });
    });
    return scored.sort((a, b) => b.rank - a.rank || a.index - b.index);
  }

  /** The question's words a document term matches, and at what weight (1 exact, less by prefix or typo). */
  private sourcesOf(term: string, asked: string[], cache: Map<string, Array<[string, number]>>): Array<[string, number]> {
    let sources = cache.get(term);
    if (sources) return sources;
    sources = [];
    for (const query of asked) {
      const distance = term.length - query.length;
      if (term === query) sources.push([query, 1]);
      else if (query.length >= MIN_PREFIX_LENGTH && term.startsWith(query)) sources.push([query, (DERIVED_WEIGHT.prefix * term.length) / (term.length + 0.3 * distance)]);
      else if (FUZZY(query) > 0) {
        const edits = editDistance(query, term, FUZZY(query));
        if (edits > 0 && edits <= FUZZY(query)) sources.push([query, (DERIVED_WEIGHT.fuzzy * term.length) / (term.length + edits)]);
      }
    }
    cache.set(term, sources);
    return sources;
  }
}

import MiniSearch, { type Options, type SearchOptions } from "minisearch";
import type { Article } from "../articles/article.js";
import { answerTypeOf, holdsAnswer } from "./answerType.js";
import { splitExclusions } from "./negation.js";
import { placeForms } from "./places.js";
import { correctCompanyWord } from "./spelling.js";
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
interface KeyPointDoc { id: string; articleId: string; text: string }

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

/**
 * The search index over articles. Each article is indexed twice: whole (title, summary, key points, body,
 * company names) to rank articles, and key point by key point, so an answer names the key points that
 * match rather than the first ones.
 */
export class NewsIndex implements SearchableIndex {
  private readonly articles = new Map<string, Article>();
  private readonly articleIndex = new MiniSearch<ArticleDoc>({
    ...shared,
    fields: ["title", "summary", "keyPoints", "body", "names"],
    storeFields: [],
    searchOptions: { ...baseSearch, boost: { ...ARTICLE_BOOST }, boostTerm: (term) => (companyTerms.has(term) || MONEY_TERM.test(term) ? NAME_TERM_BOOST : 1) },
  });
  private readonly keyPointIndex = new MiniSearch<KeyPointDoc>({
    ...shared,
    fields: ["text"],
    storeFields: ["articleId"],
    searchOptions: baseSearch,
  });
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
      search: (query, options = {}) => this.search(query, { ...options, filter: (article) => visible(article) && (options.filter?.(article) ?? true) }),
      expandQuery: (query) => this.expandQuery(query),
    };
  }

  /** Adds an article, replacing any article with the same id. */
  add(article: Article): void {
    if (this.articles.has(article.id)) this.remove(article.id);
    this.expansions.clear(); // what counts as a misspelling depends on the corpus
    this.articles.set(article.id, article);
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
    this.keyPointIndex.addAll(article.keyPoints.map((text, i) => ({ id: `${article.id}\u0000${i}`, articleId: article.id, text })));
    const parties = new Set(article.deals.flatMap((deal) => deal.parties));
    const partyNames = [...parties].flatMap((party) => [party, ...namesOf(party)]);
    this.contextTerms.set(article.id, new Set(terms(`${article.title} ${partyNames.join(" ")}`)));
  }

  /** Removes an article; returns false when there was none with that id. */
  remove(id: string): boolean {
    const article = this.articles.get(id);
    if (!article) return false;
    this.articles.delete(id);
    if (article.scope !== undefined) this.scoped--;
    this.contextTerms.delete(id);
    this.expansions.clear();
    this.articleIndex.discard(id);
    article.keyPoints.forEach((_, i) => this.keyPointIndex.discard(`${id}\u0000${i}`));
    return true;
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
    return this.articleIndex.search(word, { fuzzy: false, prefix: false, boostTerm: undefined }).length > 0;
  }

  /** The articles matching a query, best first, each with its key points ordered by how well they match. */
  search(query: string, options: { limit?: number; filter?: (article: Article) => boolean } = {}): ArticleHit[] {
    const { text: wanted, excluded } = splitExclusions(query);
    const { text } = this.expandQuery(wanted);
    const articleScores = new Map<string, number>();
    for (const result of this.articleIndex.search(text)) articleScores.set(result.id, result.score);
    const wants = answerTypeOf(query);
    const pointScores = new Map<string, Array<{ index: number; score: number; rank: number }>>();
    for (const result of this.keyPointIndex.search(text)) {
      const articleId = result.articleId as string;
      const index = Number(String(result.id).split("\u0000")[1]);
      if (!pointScores.has(articleId)) pointScores.set(articleId, []);
      const context = this.contextTerms.get(articleId);
      const inContext = result.terms.filter((term) => context?.has(term)).length;
      let weight = (result.terms.length - inContext + CONTEXT_TERM_WEIGHT * inContext) / Math.max(1, result.terms.length);
      if (wants && holdsAnswer(wants, this.articles.get(articleId)?.keyPoints[index] ?? "")) weight *= ANSWER_TYPE_BOOST;
      pointScores.get(articleId)!.push({ index, score: result.score, rank: result.score * weight });
    }
    const topArticle = Math.max(0, ...articleScores.values()) || 1;
    const topPoint = Math.max(0, ...[...pointScores.values()].flat().map((p) => p.score)) || 1;

    const hits: ArticleHit[] = [];
    for (const id of new Set([...articleScores.keys(), ...pointScores.keys()])) {
      const article = this.articles.get(id);
      if (!article || (options.filter && !options.filter(article))) continue;
      const points = (pointScores.get(id) ?? []).sort((a, b) => b.rank - a.rank || a.index - b.index);
      const best = Math.max(0, ...points.map((p) => p.score));
      let score = (articleScores.get(id) ?? 0) / topArticle + (KEY_POINT_WEIGHT * best) / topPoint;
      if (excluded.some((name) => article.deals.some((deal) => deal.parties.includes(name)))) score *= EXCLUDED_COMPANY_FACTOR;
      const matched = new Set(points.map((p) => p.index));
      const keyPoints = [...points.map((p) => article.keyPoints[p.index]!), ...article.keyPoints.filter((_, i) => !matched.has(i))];
      hits.push({ article, score, keyPoints, matchedKeyPoints: points.length });
    }
    hits.sort((a, b) => b.score - a.score || a.article.id.localeCompare(b.article.id));
    return options.limit ? hits.slice(0, options.limit) : hits;
  }
}

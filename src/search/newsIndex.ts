import MiniSearch, { type Options, type SearchOptions, type SearchResult } from "minisearch";
import { withExactTerms } from "./exactTerms.js";
import { fromImage, imageOf, packPostings, type MiniSearchImage } from "./packedPostings.js";
import type { Article } from "../articles/article.js";
import { byNewest } from "../articles/order.js";
import { answerTypeOf, holdsAnswer, isSpecific, UNWORDED_ANSWER_ARTICLES, UNWORDED_ANSWER_SHARE, type AnswerType } from "./answerType.js";
import { splitExclusions } from "./negation.js";
import { placeForms } from "./places.js";
import { correctCompanyWord, editDistance } from "./spelling.js";
import { companyAliases, namesOf } from "../extract/companies.js";
import { companyToken, processTerm, terms, tokenize } from "./text.js";
import { readQuestion } from "./chatQuestion.js";
import { orderByTime, timeIntentOf } from "./timeIntent.js";
import { companiesAsked, companyFit } from "./companyFit.js";

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
export const ANSWER_TYPE_BOOST = 3;
/** Fuzzy matching allows one typo in words of 6-8 letters and two in longer words; shorter ones are exact ("cloud" must not find "Claude"). */
export const FUZZY = (term: string): number => (term.length < 6 ? 0 : term.length < 9 ? 1 : 2);
/** A company or a sum named in a question weighs this much more than other words: they identify a deal. */
export const NAME_TERM_BOOST = 2;
const MONEY_TERM = /^\d+(\.\d+)?[tbmk]$/;
/** At most this many words of a question that the corpus does not hold are matched by typo or as prefixes. */
export const MAX_EXPANDED_WORDS = 4;
/** Prefix matching ("nvid" finds "nvidia") for words of at least this many letters. */
export const MIN_PREFIX_LENGTH = 4;

/** What a deal of each kind is called in questions ("AWS compute deal", "Nvidia startup acquisition"). */
const DEAL_WORDS: Record<Article["deals"][number]["kind"], string> = {
  acquisition: "acquisition deal takeover buyout purchase merger",
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
  /** The newest articles, newest first (undated last), optionally only those passing `filter`. */
  newest(count: number, filter?: (article: Article) => boolean): Article[];
  /** The articles that name a company (canonical name) among their companies or deal parties. */
  withCompany(company: string): Article[];
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

/** What `NewsIndex.toSnapshot` saves: plain data (Maps and typed arrays included) for v8.serialize. */
export interface IndexSnapshot {
  commonTerms: string[];
  commonBasis: number;
  articles: Article[];
  miniSearch: MiniSearchImage;
  termList: string[];
  /** Each article's packed key point terms, one after another: article ids, where each starts, the numbers. */
  packedIds: string[];
  packedStarts: Int32Array;
  packedData: Int32Array;
  pointTerms: string[];
  pointCounts: Int32Array;
  points: { count: number; terms: number };
}

interface ArticleDoc { id: string; title: string; summary: string; keyPoints: string; body: string; names: string }

const companyTerms = new Set([...companyAliases().keys()].flatMap((alias) => terms(alias)));
/**
 * Terms that name one company on their own ("openai", "nvidia", and the one token every company's names
 * share): never left out as common, whatever share of the corpus names the company. Words of longer
 * names ("networks" of Palo Alto Networks) are not among them.
 */
const companyNames = new Set([...companyAliases()].flatMap(([alias, name]) => [...terms(companyToken(name)), ...(terms(alias).length === 1 ? terms(alias) : [])]));
const baseSearch: SearchOptions = {
  fuzzy: (term) => FUZZY(term) && FUZZY(term) / term.length,
  prefix: (term) => term.length >= MIN_PREFIX_LENGTH,
  maxFuzzy: 2,
};

/** Corpora at least this large leave very common words out of searches (see `searchText`). */
export const LARGE_CORPUS = 1_000;
export const COMMON_TERM_SHARE = 0.2;
/** A vague question on a large corpus (common words only) searches its least common few words among the newest articles. */
export const VAGUE_WORDS = 3;
export const VAGUE_POOL = 2_000;
/** On a large corpus, words in at most this share of the articles are a question's distinctive words. */
export const DISTINCTIVE_SHARE = 0.01;
/** How many of the best articles are re-ranked with their best key point; the others keep their order. */
export const RERANK_CANDIDATES = 60;
/** minisearch's BM25+ parameters and weights of prefix and fuzzy matches, used to score key points alike. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const DERIVED_WEIGHT = { prefix: 0.375, fuzzy: 0.45 };

/** Company names and sums of money in a question weigh more (NAME_TERM_BOOST). */
const boostTerm = (term: string): number => (companyTerms.has(term) || MONEY_TERM.test(term) ? NAME_TERM_BOOST : 1);

/** The minisearch options of the article index; words in `common` are indexed in titles only. */
function articleIndexOptions(common: ReadonlySet<string>): Options<ArticleDoc> {
  return {
    tokenize,
    processTerm: (term, field) => {
      const processed = processTerm(term);
      return processed === null || (field !== "title" && common.has(processed)) ? undefined : processed;
    },
    fields: ["title", "summary", "keyPoints", "body", "names"],
    storeFields: [],
    searchOptions: { ...baseSearch, processTerm: (term) => processTerm(term) ?? undefined, boost: { ...ARTICLE_BOOST }, boostTerm },
  };
}

/** How many articles are read to find a large corpus's common words. */
export const COMMON_TERM_SAMPLE = 2_000;

/**
 * The words outside titles found in more than COMMON_TERM_SHARE of a large corpus, estimated from an even
 * sample of its articles (company names and sums of money excepted); none for a smaller corpus.
 */
export function commonTermsOf(articles: Article[]): string[] {
  if (articles.length < LARGE_CORPUS) return [];
  const step = Math.max(1, articles.length / COMMON_TERM_SAMPLE);
  const counts = new Map<string, number>();
  let sampled = 0;
  for (let at = 0; at < articles.length; at += step) {
    const doc = documentOf(articles[Math.floor(at)]!);
    sampled++;
    for (const term of new Set(terms([doc.summary, doc.keyPoints, doc.body, doc.names].join("\n")))) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return [...counts].filter(([term, count]) => count > sampled * COMMON_TERM_SHARE && !companyNames.has(term) && !MONEY_TERM.test(term)).map(([term]) => term).sort();
}

function documentOf(article: Article): ArticleDoc {
  return {
    id: article.id,
    title: article.title,
    summary: article.summary,
    keyPoints: article.keyPoints.join("\n"),
    body: [article.contentSummary, article.context].join("\n"),
    names: [...article.companies, ...article.tags, ...article.deals.map((deal) => DEAL_WORDS[deal.kind])].join(" "),
  };
}

/**
 * What the index keeps of an article: everything answers and posts show. The longer sections (content
 * summary, context, author style, why read) are indexed, then let go: at archive scale they would be
 * most of the memory. Strings are copied so none keeps its whole source file alive.
 */
function keptInMemory(article: Article): Article {
  const own = (text: string) => (text.length > 12 ? Buffer.from(text, "utf8").toString("utf8") : text);
  return {
    ...article,
    id: own(article.id),
    title: own(article.title),
    url: own(article.url),
    summary: own(article.summary),
    keyPoints: article.keyPoints.map(own),
    contentSummary: "",
    context: "",
    authorStyle: "",
    whyRead: "",
  };
}

function companiesOf(article: Article): Set<string> {
  return new Set([...article.companies, ...article.deals.flatMap((deal) => deal.parties)]);
}

/** Where an article goes (or is) in a list sorted newest first. */
function sortedPosition(sorted: Article[], article: Article): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (byNewest(sorted[middle]!, article) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The search index over articles (minisearch over title, summary, key points, body and company names).
 * The best articles for a query are then re-ranked with their key points, each scored as minisearch would
 * score it on its own (BM25+ over key points), so an answer names the key points that match rather than
 * the first ones, without a second index of every key point.
 */
export class NewsIndex implements SearchableIndex {
  private readonly articles = new Map<string, Article>();
  /**
   * Words found in more than COMMON_TERM_SHARE of a large corpus (from a sample, when the index is built):
   * indexed in titles only. Everywhere else they would fill most of the index's memory and make most of
   * the corpus a match to score, for a weight in the ranking near zero. Company names are never common.
   */
  private readonly common: ReadonlySet<string>;
  private articleIndex: MiniSearch<ArticleDoc>;
  /** Term ids: each article's key point and context terms are kept as numbers, not strings. */
  private readonly termIds = new Map<string, number>();
  private readonly termList: string[] = [];
  /**
   * Per article, packed: its context terms (title and deal parties) then, per key point, the number of
   * distinct words (its length as minisearch counts it) and its terms. See `pack` and `unpack`.
   */
  private readonly packed = new Map<string, Int32Array>();
  /** In how many key points each term occurs; how many key points there are and their total length. */
  private readonly pointFrequency = new Map<string, number>();
  private readonly points = { count: 0, terms: 0 };
  /** Article ids by the companies they name (companies and deal parties). */
  private readonly companyArticles = new Map<string, Set<string>>();
  /** Articles newest first, worked out when first asked for, then kept in order as articles come and go. */
  private sortedByDate: Article[] | null = null;
  /** How many articles are visible to one server only. */
  private scoped = 0;
  /** Recent query expansions: an answer expands its query several times (search, deals, suggestion). */
  private readonly expansions = new Map<string, { text: string; corrections: Map<string, string> }>();

  /** How many articles the common words were counted on (a snapshot is rebuilt when the corpus drifts far from it). */
  readonly commonBasis: number;

  constructor(articles: Iterable<Article> = [], options: { commonTerms?: Iterable<string>; commonBasis?: number } = {}) {
    const list = [...articles];
    this.common = new Set(options.commonTerms ?? commonTermsOf(list));
    this.commonBasis = options.commonBasis ?? list.length;
    this.articleIndex = new MiniSearch<ArticleDoc>(articleIndexOptions(this.common));
    for (const article of list) this.add(article);
    // Built as minisearch builds (Maps, on the garbage-collected heap), then packed once into one array.
    if (list.length > 0) packPostings(this.articleIndex, { compact: true });
  }

  /** Everything the index holds, as plain data for `NewsIndex.restore` (see snapshot.ts). */
  toSnapshot(): IndexSnapshot {
    packPostings(this.articleIndex);
    const packedIds = [...this.packed.keys()];
    const packedStarts = new Int32Array(packedIds.length + 1);
    packedIds.forEach((id, i) => (packedStarts[i + 1] = packedStarts[i]! + this.packed.get(id)!.length));
    const packedData = new Int32Array(packedStarts[packedIds.length]!);
    packedIds.forEach((id, i) => packedData.set(this.packed.get(id)!, packedStarts[i]!));
    return {
      commonTerms: this.commonTerms(),
      commonBasis: this.commonBasis,
      articles: this.all(),
      miniSearch: imageOf(this.articleIndex),
      termList: this.termList,
      packedIds,
      packedStarts,
      packedData,
      pointTerms: [...this.pointFrequency.keys()],
      pointCounts: Int32Array.from(this.pointFrequency.values()),
      points: { ...this.points },
    };
  }

  /** An index as it was saved by `toSnapshot`, without parsing or tokenizing anything again. */
  static restore(snapshot: IndexSnapshot): NewsIndex {
    const index = new NewsIndex([], { commonTerms: snapshot.commonTerms, commonBasis: snapshot.commonBasis });
    index.articleIndex = fromImage(snapshot.miniSearch, articleIndexOptions(index.common));
    // Plain loops: this runs for every article and term of an archive at start-up.
    for (const article of snapshot.articles) {
      index.articles.set(article.id, article);
      if (article.scope !== undefined) index.scoped++;
      index.linkCompanies(article);
    }
    const { termList, packedIds, packedStarts, packedData, pointTerms, pointCounts } = snapshot;
    for (let id = 0; id < termList.length; id++) {
      index.termList.push(termList[id]!);
      index.termIds.set(termList[id]!, id);
    }
    for (let i = 0; i < packedIds.length; i++) index.packed.set(packedIds[i]!, packedData.subarray(packedStarts[i], packedStarts[i + 1]));
    for (let i = 0; i < pointTerms.length; i++) index.pointFrequency.set(pointTerms[i]!, pointCounts[i]!);
    Object.assign(index.points, snapshot.points);
    return index;
  }

  /** The words indexed in titles only (saved with a snapshot, so a loaded index prunes the same). */
  commonTerms(): string[] {
    return [...this.common].sort();
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

  /** The newest articles, newest first (undated last), optionally only those passing `filter`. */
  newest(count: number, filter?: (article: Article) => boolean): Article[] {
    if (!filter) return this.byDate().slice(0, count);
    const found: Article[] = [];
    for (const article of this.byDate()) {
      if (found.length >= count) break;
      if (filter(article)) found.push(article);
    }
    return found;
  }

  withCompany(company: string): Article[] {
    return [...(this.companyArticles.get(company) ?? [])].map((id) => this.articles.get(id)!);
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
      newest: (count, filter) => this.newest(count, (article) => visible(article) && (filter?.(article) ?? true)),
      withCompany: (company) => this.withCompany(company).filter(visible),
      search: (query, options = {}) => this.search(query, { ...options, filter: (article) => visible(article) && (options.filter?.(article) ?? true) }),
      expandQuery: (query) => this.expandQuery(query),
    };
  }

  /** Adds an article, replacing any article with the same id. */
  add(article: Article): void {
    if (this.articles.has(article.id)) this.remove(article.id);
    this.expansions.clear(); // what counts as a misspelling depends on the corpus
    this.articleIndex.add(documentOf(article));
    const kept = keptInMemory(article);
    this.articles.set(kept.id, kept);
    if (this.sortedByDate) this.sortedByDate.splice(sortedPosition(this.sortedByDate, kept), 0, kept);
    if (kept.scope !== undefined) this.scoped++;
    this.linkCompanies(kept);
    const points = kept.keyPoints.map((point) => terms(point));
    const lengths = kept.keyPoints.map((point) => new Set(tokenize(point)).size);
    this.countPoints(points, lengths, 1);
    const parties = new Set(kept.deals.flatMap((deal) => deal.parties));
    const partyNames = [...parties].flatMap((party) => [party, ...namesOf(party)]);
    const kinds = kept.deals.map((deal) => DEAL_WORDS[deal.kind]);
    const context = [...new Set(terms(`${kept.title} ${partyNames.join(" ")} ${kinds.join(" ")}`))];
    this.packed.set(kept.id, this.pack(context, points, lengths));
  }

  /** Removes an article; returns false when there was none with that id. */
  remove(id: string): boolean {
    const article = this.articles.get(id);
    if (!article) return false;
    this.articles.delete(id);
    if (this.sortedByDate) {
      const at = sortedPosition(this.sortedByDate, article);
      if (this.sortedByDate[at] === article) this.sortedByDate.splice(at, 1);
      else this.sortedByDate = null;
    }
    if (article.scope !== undefined) this.scoped--;
    for (const company of companiesOf(article)) {
      const ids = this.companyArticles.get(company);
      ids?.delete(id);
      if (ids?.size === 0) this.companyArticles.delete(company);
    }
    this.expansions.clear();
    this.articleIndex.discard(id);
    const { points, lengths } = this.unpack(id);
    this.countPoints(points, lengths, -1);
    this.packed.delete(id);
    return true;
  }

  private linkCompanies(article: Article): void {
    for (const company of article.companies) this.linkCompany(company, article.id);
    for (const deal of article.deals) for (const party of deal.parties) this.linkCompany(party, article.id);
  }

  private linkCompany(company: string, id: string): void {
    const ids = this.companyArticles.get(company);
    if (ids) ids.add(id);
    else this.companyArticles.set(company, new Set([id]));
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termList.length;
      this.termList.push(term);
      this.termIds.set(term, id);
    }
    return id;
  }

  /** [context count, ...context ids, then per key point: length, term count, ...term ids]. */
  private pack(context: string[], points: string[][], lengths: number[]): Int32Array {
    const data: number[] = [context.length, ...context.map((term) => this.termId(term))];
    points.forEach((point, i) => data.push(lengths[i]!, point.length, ...point.map((term) => this.termId(term))));
    return Int32Array.from(data);
  }

  private unpack(id: string): { context: Set<string>; points: string[][]; lengths: number[] } {
    const data = this.packed.get(id);
    const context = new Set<string>();
    const points: string[][] = [];
    const lengths: number[] = [];
    if (!data) return { context, points, lengths };
    let at = 0;
    const contextCount = data[at++]!;
    for (let i = 0; i < contextCount; i++) context.add(this.termList[data[at++]!]!);
    while (at < data.length) {
      lengths.push(data[at++]!);
      const count = data[at++]!;
      const point: string[] = [];
      for (let i = 0; i < count; i++) point.push(this.termList[data[at++]!]!);
      points.push(point);
    }
    return { context, points, lengths };
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

  private expand(question: string): { text: string; corrections: Map<string, string> } {
    const query = readQuestion(question);
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
    return term !== null && this.occurs(term);
  }

  /** Whether a term is in the corpus (a common word is, though indexed in titles only). */
  private occurs(term: string): boolean {
    return this.common.has(term) || this.documentFrequency(term) > 0;
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
   * corpus holds as written is no typo; and on a large corpus only a word the corpus does not hold is
   * matched as the start of longer words (one it holds is a whole word: prefixes of it are other words).
   */
  private matching(): SearchOptions {
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
      prefix: (term) => term.length >= MIN_PREFIX_LENGTH && (this.articles.size < LARGE_CORPUS ? true : expands(term)),
    };
  }


  /**
   * The question's words to search. On a large corpus each word once, and words found in more than
   * COMMON_TERM_SHARE of the articles (company names excepted) left out when rarer ones remain: their
   * weight in the ranking is near zero, yet each would make most of the corpus a match to score. A
   * question of common words only is vague: its least common few words are searched among the newest
   * articles (see `articleMatches`).
   */
  private searchText(text: string): { text: string; vague: boolean } {
    if (this.articles.size < LARGE_CORPUS) return { text, vague: false };
    const words = [...new Set(tokenize(text))].filter((word) => processTerm(word) !== null);
    const limit = this.articles.size * COMMON_TERM_SHARE;
    const rare = words.filter((word) => {
      const term = processTerm(word)!;
      return !this.common.has(term) && (companyNames.has(term) || this.documentFrequency(term) <= limit);
    });
    if (rare.length > 0 || words.length === 0) return { text: rare.join(" "), vague: false };
    const df = (word: string) => this.documentFrequency(processTerm(word)!);
    return { text: words.sort((a, b) => df(a) - df(b)).slice(0, VAGUE_WORDS).join(" "), vague: true };
  }

  /**
   * The articles matching the words to search, scored by minisearch. On a large corpus, when a question
   * has distinctive words (in at most DISTINCTIVE_SHARE of the articles, or unknown and matched by typo)
   * and commoner ones, only the articles holding a distinctive word are scored: minisearch searches the
   * distinctive words, and the commoner words' scores are added to each of those articles exactly as
   * minisearch would add them (exactTerms.ts). An article holding only commoner words would rank below
   * them anyway, and scoring the thousands that do is most of the work of a search.
   */
  private articleMatches(text: string): SearchResult[] {
    const { text: searched, vague } = this.searchText(text);
    if (this.articles.size < LARGE_CORPUS) return this.articleIndex.search(searched, this.matching());
    if (vague) {
      const recent = new Set(this.newest(VAGUE_POOL).map((article) => article.id));
      return this.articleIndex.search(searched, { ...this.matching(), boostDocument: (id) => (recent.has(id) ? 1 : 0) });
    }
    const limit = this.articles.size * DISTINCTIVE_SHARE;
    const distinctive: string[] = [];
    const others: string[] = [];
    for (const word of tokenize(searched)) {
      const term = processTerm(word);
      if (term === null) continue;
      if (this.documentFrequency(term) <= limit) distinctive.push(word);
      else others.push(term);
    }
    if (distinctive.length > 0 && others.length > 0) {
      const results = this.articleIndex.search(distinctive.join(" "), this.matching());
      // Distinctive words that match nothing (typos of nothing) leave the commoner words to decide.
      if (results.length > 0) return withExactTerms(this.articleIndex, results, others, { boost: ARTICLE_BOOST, boostTerm });
    }
    return this.articleIndex.search(searched, this.matching());
  }

  /** The articles matching a query, best first, each with its key points ordered by how well they match. */
  search(query: string, options: { limit?: number; filter?: (article: Article) => boolean } = {}): ArticleHit[] {
    const time = timeIntentOf(query);
    const { text: wanted, excluded } = splitExclusions(time.text);
    const { text } = this.expandQuery(wanted);
    const asked = [...new Set(terms(text))];
    const named = companiesAsked(text);
    if (asked.length === 0) return [];
    const results = this.articleMatches(text);
    const wants = answerTypeOf(query);
    const derived = new Map<string, Array<[string, number]>>();
    const candidates: Array<{ article: Article; score: number; points: Array<{ index: number; score: number; rank: number }> }> = [];
    for (const result of results) {
      const article = this.articles.get(result.id);
      if (!article || (options.filter && !options.filter(article))) continue;
      const inPoints = Object.entries(result.match).filter(([, fields]) => fields.includes("keyPoints")).map(([term]) => term);
      // Key points answering without the question's words are looked for in the best few articles only: they do not move articles.
      const unworded = candidates.length < UNWORDED_ANSWER_ARTICLES ? wants : null;
      candidates.push({ article, score: result.score, points: this.scorePoints(article, inPoints, asked, derived, wants, unworded) });
      if (candidates.length >= Math.max(RERANK_CANDIDATES, options.limit ?? 0)) break;
    }
    const topArticle = candidates[0]?.score || 1;
    const topPoint = Math.max(0, ...candidates.flatMap((c) => c.points.map((p) => p.score))) || 1;

    const hits: ArticleHit[] = candidates.map(({ article, score, points }) => {
      const best = Math.max(0, ...points.map((p) => p.score));
      let combined = score / topArticle + (KEY_POINT_WEIGHT * best) / topPoint;
      if (excluded.some((name) => article.deals.some((deal) => deal.parties.includes(name)))) combined *= EXCLUDED_COMPANY_FACTOR;
      combined *= companyFit(article, named);
      const matched = new Set(points.map((p) => p.index));
      const keyPoints = [...points.map((p) => article.keyPoints[p.index]!), ...article.keyPoints.filter((_, i) => !matched.has(i))];
      return { article, score: combined, keyPoints, matchedKeyPoints: points.length };
    });
    hits.sort((a, b) => b.score - a.score || a.article.id.localeCompare(b.article.id));
    const ordered = orderByTime(hits, time, (hit) => hit.score);
    return options.limit ? ordered.slice(0, options.limit) : ordered;
  }

  /**
   * An article's key points scored as minisearch scores a document of one field: BM25+ over key points for
   * each of the question's words found (exactly, or by prefix or typo at minisearch's lower weights), times
   * the number of words found. For their order, words of the article's own context count less and a key
   * point holding the kind of fact asked for counts more.
   */
  private scorePoints(article: Article, inPoints: string[], asked: string[], derived: Map<string, Array<[string, number]>>, wants: AnswerType, unworded: AnswerType) {
    const scored: Array<{ index: number; score: number; rank: number }> = [];
    const answering: number[] = [];
    if (inPoints.length === 0) return scored;
    const { context, points, lengths } = this.unpack(article.id);
    const averageLength = this.points.terms / Math.max(1, this.points.count);
    points.forEach((pointTerms, index) => {
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
      if (perQuery.size === 0) {
        if (isSpecific(unworded) && holdsAnswer(unworded, article.keyPoints[index] ?? "")) answering.push(index);
        return;
      }
      const score = [...perQuery.values()].reduce((sum, value) => sum + value, 0) * perQuery.size;
      const inContext = [...found].filter((term) => context.has(term)).length;
      let rank = (score * (found.size - inContext + CONTEXT_TERM_WEIGHT * inContext)) / found.size;
      if (wants && holdsAnswer(wants, article.keyPoints[index] ?? "")) rank *= ANSWER_TYPE_BOOST;
      scored.push({ index, score, rank });
    });
    // A key point holding a specific kind of fact asked for answers even without the question's words.
    const best = Math.max(0, ...scored.map((p) => p.rank));
    for (const index of answering) scored.push({ index, score: 0, rank: best * UNWORDED_ANSWER_SHARE });
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

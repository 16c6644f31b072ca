import MiniSearch from "minisearch";
import type { Article } from "../articles/article.js";
import { articleIndexOptions, keptInMemory, type ArticleDoc } from "./articleDocument.js";
import { ArticleMatcher } from "./articleMatches.js";
import { answerTypeOf } from "./answerType.js";
import { commonTermsOf } from "./commonTerms.js";
import { addCounted, type TermPostings } from "./countedAdd.js";
import { CompanyArticles } from "./companyArticles.js";
import { DateOrder } from "./dateOrder.js";
import { KeyPointIndex, type KeyPointImage } from "./keyPoints.js";
import { companiesAsked, companyFit } from "./companyFit.js";
import { splitExclusions } from "./negation.js";
import { placeFit, sitesAsked } from "./placeFit.js";
import { orderByTime, timeIntentOf } from "./timeIntent.js";
import { versionFit, versionsAsked } from "./versionFit.js";
import { fromImage, imageOf, packPostings, type MiniSearchImage } from "./packedPostings.js";
import { PackedArticle, packArticles, unpackArticles, type PackedArticles } from "./packedArticles.js";
import { preparedArticle, rememberPrepared, type PreparedArticle } from "./preparedArticle.js";
import { QueryExpander, type ExpandedQuery } from "./queryExpansion.js";
import { candidatesOf, rankWithKeyPoints } from "./ranking.js";
import { visiblePart, type ArticleHit, type SearchableIndex, type SearchOptions } from "./searchableIndex.js";
import { terms } from "./text.js";

// The parts of the pipeline, for the modules that use the index.
export { ARTICLE_BOOST, FUZZY, MIN_PREFIX_LENGTH, NAME_TERM_BOOST } from "./articleDocument.js";
export { DISTINCTIVE_SHARE, FREQUENT_POOL, MAX_EXPANDED_WORDS, VAGUE_POOL, VAGUE_WORDS } from "./articleMatches.js";
export { COMMON_TERM_SAMPLE, COMMON_TERM_SHARE, LARGE_CORPUS } from "./commonTerms.js";
export { ANSWER_TYPE_BOOST, CONTEXT_TERM_WEIGHT } from "./keyPoints.js";
export { EXCLUDED_COMPANY_FACTOR, KEY_POINT_WEIGHT, RERANK_CANDIDATES } from "./ranking.js";
export { visibleIn, type ArticleHit, type SearchableIndex } from "./searchableIndex.js";

/** What `NewsIndex.toSnapshot` saves: plain data (Maps and typed arrays included) for v8.serialize. */
export interface IndexSnapshot extends KeyPointImage {
  commonTerms: string[];
  commonBasis: number;
  articles: PackedArticles;
  miniSearch: MiniSearchImage;
}

/**
 * The search index over articles. A question goes through these stages:
 * 1. expanded: misspelt company names corrected, places by their other names (queryExpansion.ts);
 * 2. matched: minisearch over title, summary, key points, body and company names, the work bounded on a
 *    large corpus (articleMatches.ts; documents as articleDocument.ts and commonTerms.ts make them);
 * 3. ranked: the best articles re-ranked with their best key point, each key point scored as minisearch
 *    would score it on its own (keyPoints.ts, ranking.ts).
 * Beside search: the newest articles (dateOrder.ts) and the articles of a company (companyArticles.ts).
 */
export class NewsIndex implements SearchableIndex {
  private readonly articles = new Map<string, Article>();
  private readonly common: ReadonlySet<string>;
  private articleIndex: MiniSearch<ArticleDoc>;
  private keyPoints = new KeyPointIndex();
  private readonly companies = new CompanyArticles();
  private readonly dates = new DateOrder(() => this.all());
  private readonly matcher: ArticleMatcher;
  private readonly expander: QueryExpander;
  /** How many articles are visible to one server only. */
  private scoped = 0;
  /** Terms' postings found so far while the index is built (see `addCounted`): dropped once built, or on any removal. */
  private building: TermPostings | null = new Map();

  /** How many articles the common words were counted on (a snapshot is rebuilt when the corpus drifts far from it). */
  readonly commonBasis: number;

  constructor(articles: Iterable<Article> = [], options: { commonTerms?: Iterable<string>; commonBasis?: number } = {}) {
    const list = [...articles];
    // The articles sampled for the common words are prepared once, for the sample and the index alike.
    const sampled = new Map<Article, PreparedArticle>();
    const sample = (i: number) => {
      const prepared = preparedArticle(list[i]!);
      sampled.set(list[i]!, prepared);
      return prepared.fields;
    };
    this.common = new Set(options.commonTerms ?? commonTermsOf(list.length, sample));
    this.commonBasis = options.commonBasis ?? list.length;
    this.articleIndex = new MiniSearch<ArticleDoc>(articleIndexOptions(this.common));
    this.matcher = new ArticleMatcher({ miniSearch: () => this.articleIndex, common: this.common, size: () => this.size, byDate: () => this.dates.list(), article: (id) => this.articles.get(id) });
    this.expander = new QueryExpander(this.matcher);
    for (const [article, prepared] of sampled) rememberPrepared(article, prepared);
    for (const article of list) this.add(article);
    if (list.length > 0) this.compact();
  }

  /** Built as minisearch builds (Maps, on the garbage-collected heap), the postings are packed once into one array. */
  compact(): void {
    this.building = null;
    packPostings(this.articleIndex, { compact: true });
  }

  /** Everything the index holds, as plain data for `NewsIndex.restore` (see snapshot.ts). */
  toSnapshot(): IndexSnapshot {
    packPostings(this.articleIndex);
    return { commonTerms: this.commonTerms(), commonBasis: this.commonBasis, articles: packArticles(this.all()), miniSearch: imageOf(this.articleIndex), ...this.keyPoints.image() };
  }

  /** An index as it was saved by `toSnapshot`, without parsing or tokenizing anything again. */
  static restore(snapshot: IndexSnapshot): NewsIndex {
    const index = new NewsIndex([], { commonTerms: snapshot.commonTerms, commonBasis: snapshot.commonBasis });
    index.articleIndex = fromImage(snapshot.miniSearch, articleIndexOptions(index.common));
    index.building = null;
    index.keyPoints = KeyPointIndex.restore(snapshot);
    const articles = unpackArticles(snapshot.articles);
    // A plain loop: this runs for every article of an archive at start-up.
    for (const article of articles) {
      index.articles.set(article.id, article);
      if (article.scope !== undefined) index.scoped++;
    }
    index.companies.linkAll(articles);
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

  newest(count: number, filter?: (article: Article) => boolean): Article[] {
    return this.dates.newest(count, filter);
  }

  companyIds(company: string): ReadonlySet<string> {
    return this.companies.of(company);
  }

  withCompany(company: string): Article[] {
    return [...this.companies.of(company)].map((id) => this.articles.get(id)!);
  }

  /** The index as one server sees it: articles scoped to other servers left out. */
  visibleTo(guildId: string | null): SearchableIndex {
    return this.scoped === 0 ? this : visiblePart(this, guildId);
  }

  /** Adds an article, replacing any article with the same id. */
  add(article: Article): void {
    if (this.articles.has(article.id)) this.remove(article.id);
    this.expander.clear(); // what counts as a misspelling depends on the corpus
    const { fields, points, kept: asKept } = preparedArticle(article);
    addCounted(this.articleIndex, article.id, fields, this.common, this.building ?? undefined);
    const kept = asKept || article instanceof PackedArticle ? article : keptInMemory(article);
    this.articles.set(kept.id, kept);
    this.dates.add(kept);
    if (kept.scope !== undefined) this.scoped++;
    this.companies.link(kept);
    this.keyPoints.add(kept.id, points);
  }

  /** Removes an article; returns false when there was none with that id. */
  remove(id: string): boolean {
    const article = this.articles.get(id);
    if (!article) return false;
    this.articles.delete(id);
    this.building = null; // minisearch may drop terms left without documents
    this.dates.remove(article);
    if (article.scope !== undefined) this.scoped--;
    this.companies.unlink(article);
    this.expander.clear();
    this.articleIndex.discard(id);
    this.keyPoints.remove(id);
    return true;
  }

  /** The query as searched, and the misspelt company names it corrected (to offer "did you mean"). */
  expandQuery(query: string): ExpandedQuery {
    return this.expander.expand(query);
  }

  /** The articles matching a query, best first, each with its key points ordered by how well they match. */
  search(typed: string, options: SearchOptions = {}): ArticleHit[] {
    // Misspelt words are read as the corpus spells them before anything else reads the question.
    const query = this.expander.respell(typed);
    const time = timeIntentOf(query);
    const { text: wanted, excluded } = splitExclusions(time.text);
    const { text, corrections } = this.expandQuery(wanted);
    const asked = [...new Set(terms(text))];
    if (asked.length === 0) return [];
    const named = companiesAsked(text);
    const results = options.among ? this.matcher.matchesAmong(text, options.among) : this.matcher.matches(text, new Set(corrections.keys()));
    const wants = answerTypeOf(query);
    const derived = new Map<string, Array<[string, number]>>();
    const scorePoints = (article: Article, inPoints: string[], lookForUnworded: boolean) => this.keyPoints.score(article, inPoints, asked, wants, derived, lookForUnworded ? wants : null);
    const versions = versionsAsked(text);
    const sites = sitesAsked(text);
    const fit = (article: Article) => companyFit(article, named) * versionFit(article, versions) * placeFit(article, sites);
    const hits = rankWithKeyPoints(candidatesOf(results, (id) => this.articles.get(id), scorePoints, options), excluded, undefined, fit);
    // "latest", "in 2024", "since March": the question's time orders or narrows what matched.
    const ordered = orderByTime(hits, time, (hit) => hit.score);
    return options.limit ? ordered.slice(0, options.limit) : ordered;
  }
}

import type { Article } from "../articles/article.js";
import type { ExpandedQuery } from "./queryExpansion.js";

/** An article that matches a query, with its key points ordered best match first. */
export interface ArticleHit {
  article: Article;
  score: number;
  /** All key points, those matching the query first (best first), then the rest in article order. */
  keyPoints: string[];
  /** How many of `keyPoints` (from the start) matched the query. */
  matchedKeyPoints: number;
}

export interface SearchOptions {
  limit?: number;
  filter?: (article: Article) => boolean;
  /** Only these articles are scored: for the few an answer lists already (a company's deals), whatever else would match. */
  among?: ReadonlySet<string>;
}

/** What the answers need of an index: the whole index, or the part one server may see. */
export interface SearchableIndex {
  readonly size: number;
  get(id: string): Article | undefined;
  all(): Article[];
  search(query: string, options?: SearchOptions): ArticleHit[];
  /** The newest articles, newest first (undated last), optionally only those passing `filter`. */
  newest(count: number, filter?: (article: Article) => boolean): Article[];
  /** The articles that name a company (canonical name) among their companies or deal parties. */
  withCompany(company: string): Article[];
  /**
   * The ids of the articles that name a company, without reading them (a frequent company has tens of
   * thousands): ids of articles this view may not see included (`get` gives undefined for those).
   */
  companyIds(company: string): ReadonlySet<string>;
  expandQuery(query: string): ExpandedQuery;
}

/** Whether a server (or, for null, a direct message) may see an article. */
export function visibleIn(article: Article, guildId: string | null): boolean {
  return article.scope === undefined || article.scope === guildId;
}

/** An index as one server sees it: articles scoped to other servers left out. */
export function visiblePart(index: SearchableIndex, guildId: string | null): SearchableIndex {
  const visible = (article: Article) => visibleIn(article, guildId);
  return {
    get size() {
      return this.all().length;
    },
    get: (id) => {
      const article = index.get(id);
      return article && visible(article) ? article : undefined;
    },
    all: () => index.all().filter(visible),
    newest: (count, filter) => index.newest(count, (article) => visible(article) && (filter?.(article) ?? true)),
    withCompany: (company) => index.withCompany(company).filter(visible),
    companyIds: (company) => index.companyIds(company),
    search: (query, options = {}) => index.search(query, { ...options, filter: (article) => visible(article) && (options.filter?.(article) ?? true) }),
    expandQuery: (query) => index.expandQuery(query),
  };
}

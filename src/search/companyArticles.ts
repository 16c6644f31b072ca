import type { Article } from "../articles/article.js";

/** The companies an article names: its companies and its deals' parties. */
export function companiesOf(article: Article): Set<string> {
  return new Set([...article.companies, ...article.deals.flatMap((deal) => deal.parties)]);
}

/**
 * Article ids by the companies they name (canonical names), kept as articles come and go. Articles
 * linked in bulk (a snapshot's, at start-up) are listed per company and made a set when the company is
 * first asked for: most companies of an archive are never asked for, and sets of hundreds of thousands
 * of ids would be built for nothing.
 */
export class CompanyArticles {
  private readonly ids = new Map<string, Set<string>>();
  /** Ids linked in bulk and not yet made a set (a company twice in one article is listed twice). */
  private readonly listed = new Map<string, string[]>();

  link(article: Article): void {
    for (const company of companiesOf(article)) this.idsOf(company).add(article.id);
  }

  /** Links many articles at once (see the class). */
  linkAll(articles: Iterable<Article>): void {
    for (const article of articles) {
      for (const company of article.companies) this.list(company, article.id);
      for (const deal of article.deals) for (const party of deal.parties) this.list(party, article.id);
    }
  }

  unlink(article: Article): void {
    for (const company of companiesOf(article)) {
      const ids = this.idsOf(company);
      ids.delete(article.id);
      if (ids.size === 0) this.ids.delete(company);
    }
  }

  /** The ids of the articles that name a company. */
  of(company: string): ReadonlySet<string> {
    return this.ids.has(company) || this.listed.has(company) ? this.idsOf(company) : new Set();
  }

  private list(company: string, id: string): void {
    const listed = this.listed.get(company);
    if (listed) listed.push(id);
    else if (this.ids.has(company)) this.ids.get(company)!.add(id);
    else this.listed.set(company, [id]);
  }

  private idsOf(company: string): Set<string> {
    let ids = this.ids.get(company);
    if (!ids) {
      ids = new Set(this.listed.get(company));
      this.listed.delete(company);
      this.ids.set(company, ids);
    }
    return ids;
  }
}

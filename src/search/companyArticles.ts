import type { Article } from "../articles/article.js";

/** The companies an article names: its companies and its deals' parties. */
export function companiesOf(article: Article): Set<string> {
  return new Set([...article.companies, ...article.deals.flatMap((deal) => deal.parties)]);
}

/** Article ids by the companies they name (canonical names), kept as articles come and go. */
export class CompanyArticles {
  private readonly ids = new Map<string, Set<string>>();

  link(article: Article): void {
    for (const company of article.companies) this.linkOne(company, article.id);
    for (const deal of article.deals) for (const party of deal.parties) this.linkOne(party, article.id);
  }

  unlink(article: Article): void {
    for (const company of companiesOf(article)) {
      const ids = this.ids.get(company);
      ids?.delete(article.id);
      if (ids?.size === 0) this.ids.delete(company);
    }
  }

  /** The ids of the articles that name a company. */
  of(company: string): ReadonlySet<string> {
    return this.ids.get(company) ?? new Set();
  }

  private linkOne(company: string, id: string): void {
    const ids = this.ids.get(company);
    if (ids) ids.add(id);
    else this.ids.set(company, new Set([id]));
  }
}

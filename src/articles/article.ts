/** What kind of deal an article reports. */
export type DealKind = "acquisition" | "investment" | "compute" | "supply" | "partnership" | "settlement";

/** A sum of money as written in an article, normalised for comparison. */
export interface Money {
  /** The amount in units of the currency (38 billion is 38_000_000_000). */
  value: number;
  /** ISO currency code: USD, EUR, GBP, JPY, CNY, INR, KRW, AUD, CAD ... */
  currency: string;
  /** The amount as the article wrote it, e.g. "$38 billion". */
  text: string;
}

/** One deal an article reports: who, how much, what kind. */
export interface Deal {
  /** Canonical company names, in the order the article names them. */
  parties: string[];
  amount: Money | null;
  kind: DealKind;
}

/** One article summary, parsed from a corpus file or a feed item. */
export interface Article {
  /** The file's path relative to the corpus folder without extension, unless front matter sets `id`. */
  id: string;
  title: string;
  /** The source link: always http(s) with a host and no credentials. */
  url: string;
  /** The news date as YYYY-MM-DD, when front matter gives one. */
  date: string | null;
  summary: string;
  keyPoints: string[];
  contentSummary: string;
  context: string;
  authorStyle: string;
  whyRead: string;
  tags: string[];
  /** Canonical names of the companies the article is about, most prominent first. */
  companies: string[];
  /** Deals reported by the article; empty for launches, rulings, layoffs and other news. */
  deals: Deal[];
  /**
   * The one server that may see the article (read from a feed its admins added), or absent: every
   * server and direct message sees it (the corpus, FEEDS).
   */
  scope?: string;
}

/** The result of reading one file: an article, or the reason it was skipped. */
export type ParseResult = { ok: true; article: Article } | { ok: false; reason: string };

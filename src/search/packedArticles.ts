import type { Article, Deal, DealKind } from "../articles/article.js";

/**
 * Articles as a snapshot keeps them. What answers weigh over thousands of articles at a time (the date,
 * the companies, the deals, the server an article belongs to) stays JavaScript values, the names shared
 * through tables; the text (title, link, summary, key points...) is one buffer of UTF-8 JSON, read back
 * for an article only when something reads its text. At 100,000 articles this is most of the snapshot,
 * and what starting from it no longer turns into millions of objects.
 */
export interface PackedArticles {
  ids: string[];
  /** Each article's date, as an entry of `dateNames` (-1: undated). */
  dateRefs: Int32Array;
  dateNames: string[];
  /** Article i's companies are `companyRefs[companyStarts[i]..companyStarts[i + 1]]`, entries of `companyNames`. */
  companyStarts: Int32Array;
  companyRefs: Int32Array;
  companyNames: string[];
  /** Article i's deals are deals `dealStarts[i]..dealStarts[i + 1]` of the arrays below. */
  dealStarts: Int32Array;
  /** Deal d's parties are `partyRefs[partyStarts[d]..partyStarts[d + 1]]`, entries of `companyNames`. */
  partyStarts: Int32Array;
  partyRefs: Int32Array;
  /** Each deal's kind, sum (NaN: none), currency and sum as written, the last three entries of `dealNames`. */
  dealKinds: Int32Array;
  amounts: Float64Array;
  currencyRefs: Int32Array;
  amountTextRefs: Int32Array;
  dealNames: string[];
  /** The articles visible to one server only, by position. */
  scopes: Array<[number, string]>;
  /** Where each article's text starts in `text`, and (last entry) where the last one ends. */
  textStarts: Float64Array;
  text: Uint8Array;
}

/** An article's text fields, in this order, as `text` holds them. */
type TextRecord = [title: string, url: string, summary: string, keyPoints: string[], contentSummary: string, context: string, authorStyle: string, whyRead: string, tags: string[]];

/** How many articles' text is kept decoded (the last read): a search reads the key points of at most a few dozen. */
export const DECODED_TEXTS = 2_000;

/** The text of packed articles, each decoded when read and the last DECODED_TEXTS kept. */
class ArticleTexts {
  private readonly decoded = new Map<number, TextRecord>();
  private readonly buffer: Buffer;

  constructor(text: Uint8Array, private readonly starts: Float64Array) {
    this.buffer = Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  }

  of(at: number): TextRecord {
    let record = this.decoded.get(at);
    if (record) return record;
    record = JSON.parse(this.buffer.toString("utf8", this.starts[at]!, this.starts[at + 1]!)) as TextRecord;
    if (this.decoded.size >= DECODED_TEXTS) this.decoded.delete(this.decoded.keys().next().value!);
    this.decoded.set(at, record);
    return record;
  }

  /** The bytes of an article's text as packed (to pack it again without decoding). */
  bytes(at: number): Uint8Array {
    return this.buffer.subarray(this.starts[at]!, this.starts[at + 1]!);
  }
}

/** An article of a snapshot: its date, companies and deals held, its text read from the packed buffer when asked for. */
export class PackedArticle implements Article {
  declare scope?: string;
  readonly #texts: ArticleTexts;
  readonly #at: number;

  constructor(
    readonly id: string,
    readonly date: string | null,
    readonly companies: string[],
    readonly deals: Deal[],
    texts: ArticleTexts,
    at: number,
  ) {
    this.#texts = texts;
    this.#at = at;
  }

  get title(): string {
    return this.#texts.of(this.#at)[0];
  }
  get url(): string {
    return this.#texts.of(this.#at)[1];
  }
  get summary(): string {
    return this.#texts.of(this.#at)[2];
  }
  get keyPoints(): string[] {
    return this.#texts.of(this.#at)[3];
  }
  get contentSummary(): string {
    return this.#texts.of(this.#at)[4];
  }
  get context(): string {
    return this.#texts.of(this.#at)[5];
  }
  get authorStyle(): string {
    return this.#texts.of(this.#at)[6];
  }
  get whyRead(): string {
    return this.#texts.of(this.#at)[7];
  }
  get tags(): string[] {
    return this.#texts.of(this.#at)[8];
  }

  /** The packed bytes of this article's text. */
  textBytes(): Uint8Array {
    return this.#texts.bytes(this.#at);
  }

  /** The article as a plain object (JSON.stringify uses it: the text fields are not own properties). */
  toJSON(): Article {
    return plainArticle(this);
  }
}

/** Any article as a plain object with every field its own property. */
export function plainArticle(article: Article): Article {
  const { id, title, url, date, summary, keyPoints, contentSummary, context, authorStyle, whyRead, tags, companies, deals } = article;
  const plain: Article = { id, title, url, date, summary, keyPoints, contentSummary, context, authorStyle, whyRead, tags, companies, deals };
  if (article.scope !== undefined) plain.scope = article.scope;
  return plain;
}

/** Entries of a table of names, each name once. */
class NameTable {
  readonly names: string[] = [];
  private readonly refs = new Map<string, number>();

  ref(name: string): number {
    let ref = this.refs.get(name);
    if (ref === undefined) this.refs.set(name, (ref = this.names.push(name) - 1));
    return ref;
  }
}

const encoder = new TextEncoder();

export function packArticles(articles: readonly Article[]): PackedArticles {
  const dates = new NameTable();
  const companies = new NameTable();
  const dateRefs = new Int32Array(articles.length);
  const companyStarts = new Int32Array(articles.length + 1);
  const refs: number[] = [];
  const dealNames = new NameTable();
  const dealStarts = new Int32Array(articles.length + 1);
  const deals = { partyStarts: [0], partyRefs: [] as number[], kinds: [] as number[], amounts: [] as number[], currencies: [] as number[], texts: [] as number[] };
  const scopes: Array<[number, string]> = [];
  const texts: Uint8Array[] = [];
  const textStarts = new Float64Array(articles.length + 1);
  articles.forEach((article, i) => {
    dateRefs[i] = article.date === null ? -1 : dates.ref(article.date);
    for (const company of article.companies) refs.push(companies.ref(company));
    companyStarts[i + 1] = refs.length;
    for (const deal of article.deals) {
      for (const party of deal.parties) deals.partyRefs.push(companies.ref(party));
      deals.partyStarts.push(deals.partyRefs.length);
      deals.kinds.push(dealNames.ref(deal.kind));
      deals.amounts.push(deal.amount?.value ?? Number.NaN);
      deals.currencies.push(deal.amount ? dealNames.ref(deal.amount.currency) : -1);
      deals.texts.push(deal.amount ? dealNames.ref(deal.amount.text) : -1);
    }
    dealStarts[i + 1] = deals.kinds.length;
    if (article.scope !== undefined) scopes.push([i, article.scope]);
    const bytes = article instanceof PackedArticle ? article.textBytes() : encoder.encode(JSON.stringify(textRecordOf(article)));
    texts.push(bytes);
    textStarts[i + 1] = textStarts[i]! + bytes.length;
  });
  return {
    ids: articles.map((article) => article.id),
    dateRefs,
    dateNames: dates.names,
    companyStarts,
    companyRefs: Int32Array.from(refs),
    companyNames: companies.names,
    dealStarts,
    partyStarts: Int32Array.from(deals.partyStarts),
    partyRefs: Int32Array.from(deals.partyRefs),
    dealKinds: Int32Array.from(deals.kinds),
    amounts: Float64Array.from(deals.amounts),
    currencyRefs: Int32Array.from(deals.currencies),
    amountTextRefs: Int32Array.from(deals.texts),
    dealNames: dealNames.names,
    scopes,
    textStarts,
    text: Buffer.concat(texts),
  };
}

function textRecordOf(article: Article): TextRecord {
  return [article.title, article.url, article.summary, article.keyPoints, article.contentSummary, article.context, article.authorStyle, article.whyRead, article.tags];
}

const NO_DEALS: Deal[] = [];
Object.freeze(NO_DEALS);

/** The packed articles as articles (plain loops over typed arrays: this runs for every article of an archive at start-up). */
export function unpackArticles(packed: PackedArticles): PackedArticle[] {
  const texts = new ArticleTexts(packed.text, packed.textStarts);
  const { ids, dateRefs, dateNames, companyStarts, companyRefs, companyNames, dealStarts } = packed;
  const articles: PackedArticle[] = new Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const companies = namesAt(companyRefs, companyStarts[i]!, companyStarts[i + 1]!, companyNames);
    const deals = dealStarts[i] === dealStarts[i + 1] ? NO_DEALS : dealsAt(packed, dealStarts[i]!, dealStarts[i + 1]!);
    articles[i] = new PackedArticle(ids[i]!, dateRefs[i]! < 0 ? null : dateNames[dateRefs[i]!]!, companies, deals, texts, i);
  }
  for (const [i, scope] of packed.scopes) articles[i]!.scope = scope;
  return articles;
}

function namesAt(refs: Int32Array, from: number, to: number, names: string[]): string[] {
  const found: string[] = new Array(to - from);
  for (let at = from; at < to; at++) found[at - from] = names[refs[at]!]!;
  return found;
}

function dealsAt(packed: PackedArticles, from: number, to: number): Deal[] {
  const { partyStarts, partyRefs, companyNames, dealKinds, amounts, currencyRefs, amountTextRefs, dealNames } = packed;
  const deals: Deal[] = [];
  for (let d = from; d < to; d++) {
    const value = amounts[d]!;
    deals.push({
      parties: namesAt(partyRefs, partyStarts[d]!, partyStarts[d + 1]!, companyNames),
      amount: Number.isNaN(value) ? null : { value, currency: dealNames[currencyRefs[d]!]!, text: dealNames[amountTextRefs[d]!]! },
      kind: dealNames[dealKinds[d]!] as DealKind,
    });
  }
  return deals;
}

import type { Options, SearchOptions } from "minisearch";
import type { Article } from "../articles/article.js";
import { companyAliases } from "../extract/companies.js";
import { plainArticle } from "./packedArticles.js";
import { companyToken, processTerm, terms, tokenize } from "./text.js";

/** Field weights for whole articles: a word in the title or a key point says more than one in the body. */
export const ARTICLE_BOOST = { title: 3, keyPoints: 2, names: 2, summary: 1.5, body: 0.6 } as const;
/** A company or a sum named in a question weighs this much more than other words: they identify a deal. */
export const NAME_TERM_BOOST = 2;
/** Fuzzy matching allows one typo in words of 6-8 letters and two in longer words; shorter ones are exact ("cloud" must not find "Claude"). */
export const FUZZY = (term: string): number => (term.length < 6 ? 0 : term.length < 9 ? 1 : 2);
/** Prefix matching ("nvid" finds "nvidia") for words of at least this many letters. */
export const MIN_PREFIX_LENGTH = 4;
export const MONEY_TERM = /^\d+(\.\d+)?[tbmk]$/;

/** What a deal of each kind is called in questions ("AWS compute deal", "Nvidia startup acquisition"). */
export const DEAL_WORDS: Record<Article["deals"][number]["kind"], string> = {
  acquisition: "acquisition deal takeover buyout purchase merger",
  investment: "investment funding deal",
  compute: "compute contract deal",
  supply: "supply contract deal",
  partnership: "partnership deal",
  settlement: "settlement deal payout",
};

/** An article as minisearch indexes it: each field's words, tokenized once (see `articleIndexOptions`). */
export interface ArticleDoc { id: string; title: string; summary: string; keyPoints: string; body: string; names: string }

const companyTerms = new Set([...companyAliases().keys()].flatMap((alias) => terms(alias)));
/**
 * Terms that name one company on their own ("openai", "nvidia", and the one token every company's names
 * share): never left out as common, whatever share of the corpus names the company. Words of longer
 * names ("networks" of Palo Alto Networks) are not among them.
 */
export const companyNames = new Set([...companyAliases()].flatMap(([alias, name]) => [...terms(companyToken(name)), ...(terms(alias).length === 1 ? terms(alias) : [])]));

/** Company names and sums of money in a question weigh more (NAME_TERM_BOOST). */
export const boostTerm = (term: string): number => (companyTerms.has(term) || MONEY_TERM.test(term) ? NAME_TERM_BOOST : 1);

/** Tokens are joined with this in a document's fields: a character no token holds. */
const SEPARATOR = " ";

/**
 * An article as a document of the index, each field already split into words (`tokenize`), so that the
 * index splits on spaces only and every text is tokenized once. `keyPointTokens` are the key points'
 * words, one list per key point, for the key point index.
 */
export function documentOf(article: Article, keyPointTokens: string[][] = article.keyPoints.map((point) => tokenize(point))): ArticleDoc {
  return {
    id: article.id,
    title: tokenize(article.title).join(SEPARATOR),
    summary: tokenize(article.summary).join(SEPARATOR),
    keyPoints: keyPointTokens.map((tokens) => tokens.join(SEPARATOR)).join(SEPARATOR),
    body: tokenize(`${article.contentSummary}\n${article.context}`).join(SEPARATOR),
    names: tokenize([...article.companies, ...article.tags, ...article.deals.map((deal) => DEAL_WORDS[deal.kind])].join(" ")).join(SEPARATOR),
  };
}

/** The fields of the article index, in minisearch's order. */
export const INDEXED_FIELDS = ["title", "summary", "keyPoints", "body", "names"] as const;

/**
 * A document's field as minisearch's `add` would count it: its length (the distinct words it splits
 * into) and each processed term with its count, in the order of first use. Worked out where the article
 * is parsed (a worker thread on a first start), so indexing only adds the counts (see `addCounted`).
 */
export interface FieldCounts { length: number; terms: string[]; counts: number[] }

export function fieldCountsOf(doc: ArticleDoc): FieldCounts[] {
  return INDEXED_FIELDS.map((field) => {
    const tokens = doc[field].split(SEPARATOR);
    const counted = new Map<string, number>();
    for (const token of tokens) {
      const term = processTerm(token);
      if (term) counted.set(term, (counted.get(term) ?? 0) + 1);
    }
    return { length: new Set(tokens).size, terms: [...counted.keys()], counts: [...counted.values()] };
  });
}

const baseSearch: SearchOptions = {
  fuzzy: (term) => FUZZY(term) && FUZZY(term) / term.length,
  prefix: (term) => term.length >= MIN_PREFIX_LENGTH,
  maxFuzzy: 2,
};

/**
 * The minisearch options of the article index. Documents come tokenized (`documentOf`): indexing splits
 * on spaces; searching tokenizes the question. Words in `common` are indexed in titles only.
 */
export function articleIndexOptions(common: ReadonlySet<string>): Options<ArticleDoc> {
  return {
    tokenize: (text) => text.split(SEPARATOR),
    processTerm: (term, field) => {
      const processed = processTerm(term);
      return processed === null || (field !== "title" && common.has(processed)) ? undefined : processed;
    },
    fields: [...INDEXED_FIELDS],
    storeFields: [],
    searchOptions: { ...baseSearch, tokenize, processTerm: (term) => processTerm(term) ?? undefined, boost: { ...ARTICLE_BOOST }, boostTerm },
  };
}

/**
 * What the index keeps of an article: everything answers and posts show. The longer sections (content
 * summary, context, author style, why read) are indexed, then let go: at archive scale they would be
 * most of the memory. Strings are copied so none keeps its whole source file alive, and so each is stored
 * one byte a character when it can be: a slice of a file holding any character beyond Latin-1 ("’")
 * takes two, and archives are mostly ASCII.
 */
export function keptInMemory(article: Article): Article {
  const own = (text: string) => (text.length > 12 ? Buffer.from(text, "utf8").toString("utf8") : text);
  // A snapshot's article has its text as getters (packedArticles.ts): made a plain object first.
  const plain = plainArticle(article);
  return {
    ...plain,
    contentSummary: "",
    context: "",
    authorStyle: "",
    whyRead: "",
    id: own(plain.id),
    title: own(plain.title),
    url: own(plain.url),
    summary: own(plain.summary),
    keyPoints: plain.keyPoints.map(own),
  };
}

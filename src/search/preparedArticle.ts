import type { Article } from "../articles/article.js";
import { documentOf, fieldCountsOf, type FieldCounts } from "./articleDocument.js";
import { pointTermsOf, type PointTerms } from "./keyPoints.js";
import { tokenize } from "./text.js";

/** What the index needs of an article, worked out from its text: its document's counted fields, and its key points as terms. */
export interface PreparedArticle {
  fields: FieldCounts[];
  points: PointTerms;
  /** Whether the article came as the index keeps it (from a worker thread: its own strings, long sections dropped). */
  kept?: boolean;
}

export function prepareArticle(article: Article): PreparedArticle {
  const keyPointTokens = article.keyPoints.map((point) => tokenize(point));
  return { fields: fieldCountsOf(documentOf(article, keyPointTokens)), points: pointTermsOf(article, keyPointTokens) };
}

/**
 * Articles prepared on other threads (preparePool.ts), by the article object they came with: the index
 * takes the work done instead of tokenizing the article again. Weak, so an article never indexed is not kept.
 */
const preparedElsewhere = new WeakMap<Article, PreparedArticle>();

export function rememberPrepared(article: Article, prepared: PreparedArticle): void {
  preparedElsewhere.set(article, prepared);
}

/** The article prepared: as it was on another thread, else now. */
export function preparedArticle(article: Article): PreparedArticle {
  const prepared = preparedElsewhere.get(article);
  if (!prepared) return prepareArticle(article);
  preparedElsewhere.delete(article);
  return prepared;
}

/** The article prepared, kept for the index to take (a look before indexing: the common words' sample). */
export function peekPrepared(article: Article): PreparedArticle {
  let prepared = preparedElsewhere.get(article);
  if (!prepared) preparedElsewhere.set(article, (prepared = prepareArticle(article)));
  return prepared;
}

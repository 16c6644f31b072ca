import type { SearchResult } from "minisearch";
import type { Article } from "../articles/article.js";
import { UNWORDED_ANSWER_ARTICLES } from "./answerInText.js";
import type { ScoredPoint } from "./keyPoints.js";
import type { ArticleHit } from "./searchableIndex.js";

/** How much the best matching key point adds to its article's score, relative to the article match. */
export const KEY_POINT_WEIGHT = 0.3;
/** An article whose deal involves a company the question excludes ("besides Microsoft") keeps this share of its score. */
export const EXCLUDED_COMPANY_FACTOR = 0.4;
/** How many of the best articles are re-ranked with their best key point; the others keep their order. */
export const RERANK_CANDIDATES = 60;

/** An article match with its key points scored (see KeyPointIndex.score). */
export interface Candidate { article: Article; score: number; points: ScoredPoint[] }

/**
 * The best RERANK_CANDIDATES matches (at least `limit`) that pass `filter`, each with its key points
 * scored by `scorePoints` (only the terms the match found in key points are looked for).
 */
export function candidatesOf(
  results: SearchResult[],
  articles: (id: string) => Article | undefined,
  scorePoints: (article: Article, termsInPoints: string[], lookForUnworded: boolean) => ScoredPoint[],
  options: { limit?: number; filter?: (article: Article) => boolean },
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const result of results) {
    const article = articles(result.id);
    if (!article || (options.filter && !options.filter(article))) continue;
    const inPoints = Object.entries(result.match).filter(([, fields]) => fields.includes("keyPoints")).map(([term]) => term);
    // Key points answering without the question's words are looked for in the best few articles only: they do not move articles.
    candidates.push({ article, score: result.score, points: scorePoints(article, inPoints, candidates.length < UNWORDED_ANSWER_ARTICLES) });
    if (candidates.length >= Math.max(RERANK_CANDIDATES, options.limit ?? 0)) break;
  }
  return candidates;
}

/**
 * Candidates ranked by their own match and their best key point's (each relative to the best of all),
 * articles whose deals involve an excluded company lowered; each hit lists its matching key points first.
 */
export function rankWithKeyPoints(candidates: Candidate[], excluded: string[], limit?: number, fit: (article: Article) => number = () => 1): ArticleHit[] {
  const topArticle = candidates[0]?.score || 1;
  const topPoint = Math.max(0, ...candidates.flatMap((c) => c.points.map((p) => p.score))) || 1;
  const hits: ArticleHit[] = candidates.map(({ article, score, points }) => {
    const best = Math.max(0, ...points.map((p) => p.score));
    let combined = score / topArticle + (KEY_POINT_WEIGHT * best) / topPoint;
    if (excluded.some((name) => article.deals.some((deal) => deal.parties.includes(name)))) combined *= EXCLUDED_COMPANY_FACTOR;
    combined *= fit(article);
    // Made when read: of the few dozen hits, an answer shows a few, and an article's text is read back
    // from its packed form only when shown (packedArticles.ts).
    let keyPoints: string[] | undefined;
    const inOrder = () => {
      const matched = new Set(points.map((p) => p.index));
      return [...points.map((p) => article.keyPoints[p.index]!), ...article.keyPoints.filter((_, i) => !matched.has(i))];
    };
    return {
      article,
      score: combined,
      get keyPoints() {
        return (keyPoints ??= inOrder());
      },
      matchedKeyPoints: points.length,
    };
  });
  hits.sort((a, b) => b.score - a.score || a.article.id.localeCompare(b.article.id));
  return limit ? hits.slice(0, limit) : hits;
}

import type { Article, Deal } from "../articles/article.js";

/** One article in an /ask answer. */
export interface AskResult {
  article: Article;
  score: number;
  /** All key points, best matching first. */
  keyPoints: string[];
  /** How many of `keyPoints`, from the start, matched the question. */
  matchedKeyPoints: number;
}

/** One line of a /deal answer: a deal with the article that reports it, or (kind "news") related non-deal news. */
export interface DealResult {
  article: Article;
  deal: Deal | null;
  /** The key point stating the deal first, then those matching the query. */
  keyPoints: string[];
  /**
   * The companies asked about that this deal only mentions: none of them is a party ("OpenAI and Amazon"
   * under `/deal Nvidia`). Empty for a company's own deals, topic matches and non-deal news.
   */
  mentions: string[];
}

/** Answers are plain data: the CLI prints them, the renderer turns them into Discord messages. */
export type Answer =
  | { type: "ask"; query: string; results: AskResult[]; suggestion: string | null }
  | { type: "deal"; query: string; companies: string[]; deals: DealResult[]; suggestion: string | null }
  | { type: "summary"; query: string; article: Article | null; keyPoints: string[]; alternatives: Article[]; suggestion: string | null }
  | { type: "latest"; articles: Article[] }
  | { type: "notice"; title: string; text: string }
  | { type: "subscriptions"; items: SubscriptionView[] }
  | { type: "preview"; channelId: string; next: Article | null; recent: Array<{ article: Article; passes: boolean }> }
  | { type: "feeds"; items: FeedView[] };

/** A feed as /feed list shows it. */
export interface FeedView {
  url: string;
  origin: "env" | "command";
  articles: number;
  lastSuccessAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  errors: number;
  nextPollAt: number;
}

/** A subscription as /subscriptions shows it. */
export interface SubscriptionView {
  channelId: string;
  include: string[];
  exclude: string[];
  digestTime: string | null;
  pausedReason: string | null;
  pending: number;
  sent: number;
  lastSentAt: number | null;
}

/** An expected problem with what the user asked, shown to them as it is (a bad option, an empty query). */
export class UserFacingError extends Error {
  override readonly name = "UserFacingError";
}

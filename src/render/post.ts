import type { Article } from "../articles/article.js";
import { renderAnswer } from "./answer.js";
import { LIMITS, truncate } from "./limits.js";
import { BRAND_COLOR, NO_MENTIONS, type RenderedMessage } from "./message.js";
import { maskedLinkUrl, safeText, safeUrl } from "./safeText.js";

/** A new article posted to a subscribed channel: the very embed /summary shows, so a preview matches the post. */
export function renderPost(article: Article): RenderedMessage {
  return renderAnswer({ type: "summary", query: "", article, keyPoints: article.keyPoints, alternatives: [], suggestion: null }).message;
}

/** Articles as a list of linked titles, as many as fit. */
function listLines(articles: Article[], max: number): { text: string; shown: number } {
  const lines: string[] = [];
  let length = 0;
  for (const article of articles) {
    const url = safeUrl(article.url);
    const title = truncate(safeText(article.title), 150).replace(/[[\]]/g, "");
    const line = `• ${url ? `[${title}](${maskedLinkUrl(url)})` : title}`;
    if (length + line.length + 1 > max) break;
    lines.push(line);
    length += line.length + 1;
  }
  return { text: lines.join("\n"), shown: lines.length };
}

/** The one message that stands for a burst of articles beyond a channel's hourly cap. */
export function renderOverflow(articles: Article[]): RenderedMessage {
  const shownMax = 10;
  const { text, shown } = listLines(articles.slice(0, shownMax), LIMITS.embedDescription - 200);
  const more = articles.length - shown;
  return {
    embeds: [{
      title: `${articles.length} more new article${articles.length === 1 ? "" : "s"}`,
      description: `${text}${more > 0 ? `\n…and ${more} more. Use /latest or /summary to read them.` : ""}`,
      color: BRAND_COLOR,
    }],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
}

/** A subscription's daily digest: the day's matching articles in one message. */
export function renderDigest(date: string, articles: Article[]): RenderedMessage {
  const { text, shown } = listLines(articles, LIMITS.embedDescription - 100);
  const more = articles.length - shown;
  return {
    embeds: [{
      title: `Newsdesk digest · ${date}`,
      description: `${text}${more > 0 ? `\n…and ${more} more.` : ""}`,
      footer: { text: `${articles.length} new article${articles.length === 1 ? "" : "s"}` },
      color: BRAND_COLOR,
    }],
    components: [],
    allowedMentions: NO_MENTIONS,
  };
}

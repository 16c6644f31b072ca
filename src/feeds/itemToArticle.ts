import { createHash } from "node:crypto";
import type { Article, ParseResult } from "../articles/article.js";
import { parseArticleText } from "../articles/parse.js";
import { cleanLink, htmlToText } from "./html.js";
import type { FeedItem } from "./parseFeed.js";

/** How many opening sentences of a plain item become its key points. */
export const PLAIN_KEY_POINTS = 5;

/** The article id of a feed item: stable for the same feed and item identity. */
export function feedArticleId(feedUrl: string, itemKey: string): string {
  let host = "feed";
  try {
    host = new URL(feedUrl).hostname.replace(/^www\./, "");
  } catch {
    // keep the generic name
  }
  return `feed/${host}/${createHash("sha256").update(`${feedUrl}\u0000${itemKey}`).digest("hex").slice(0, 16)}`;
}

/**
 * A feed item as an article. Content published in our summary structure (Summary, Key Points, Source
 * headings in HTML) becomes the full article, with the original source link; any other item becomes an
 * article whose key points are its first sentences and whose source is the item's link.
 */
export function itemToArticle(item: FeedItem, feedUrl: string, baseUrl = feedUrl, scope?: string): ParseResult {
  const result = readItem(item, feedUrl, baseUrl);
  return result.ok && scope !== undefined ? { ok: true, article: { ...result.article, scope } } : result;
}

function readItem(item: FeedItem, feedUrl: string, baseUrl: string): ParseResult {
  const id = feedArticleId(feedUrl, item.key);
  const link = item.link ? cleanLink(absolute(item.link, baseUrl)) : null;
  const front = [
    "---",
    `title: ${JSON.stringify(item.title || "Untitled")}`,
    ...(item.date ? [`date: ${item.date}`] : []),
    ...(item.categories.length ? [`tags: ${JSON.stringify(item.categories.map((c) => c.toLowerCase()))}`] : []),
    "---",
  ].join("\n");
  if (item.html) {
    const text = htmlToText(item.html);
    if (/^#{1,2} key (points|takeaways)\b/im.test(text)) {
      const hasSource = /^(#{1,2} )?source\b/im.test(text);
      const full = parseArticleText(`${front}\n# ${item.title}\n\n${text}${!hasSource && link ? `\n\nSource: ${link}` : ""}`, id);
      if (full.ok) return full;
    }
  }
  return plainArticle(item, id, front, link);
}

/** A link as an absolute URL: Atom feeds often give them relative to the feed. */
function absolute(link: string, base: string): string {
  try {
    return new URL(link.trim(), base).href;
  } catch {
    return link;
  }
}

function plainArticle(item: FeedItem, id: string, front: string, link: string | null): ParseResult {
  if (!link) return { ok: false, reason: "feed item has no link to cite as its source" };
  const body = htmlToText(item.html ?? item.description ?? "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/^#+ /gm, "");
  const sentences = body.split(/(?<=[.!?])\s+(?=[A-Z0-9"“])|\n+/).map((s) => s.trim()).filter((s) => s.length > 20);
  const points = sentences.slice(0, PLAIN_KEY_POINTS);
  if (points.length === 0) points.push(item.title);
  const summary = sentences.slice(0, 2).join(" ");
  const text = `${front}\n# ${item.title}\n\n## Summary\n${summary}\n\n## Key Points\n${points.map((p) => `- ${p}`).join("\n")}\n\n## Source\nSource: ${link}\n`;
  return parseArticleText(text, id);
}

export type { Article };

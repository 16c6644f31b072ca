import type { Answer } from "../answers/answer.js";
import { articleEmbed, fitEmbeds } from "./embeds.js";
import { LIMITS, truncate } from "./limits.js";
import { BRAND_COLOR, NO_MENTIONS, type MessageButton, type MessageRow, type RenderedAnswer } from "./message.js";
import { maskedLinkUrl, outletOf, safeText, safeUrl } from "./safeText.js";

/** Results per page: three articles for /ask (each with its key points), five deals for /deal. */
export const PAGE_SIZE = { ask: 3, deal: 5 } as const;
/** How many matching key points an /ask result shows. */
export const POINTS_PER_RESULT = 3;

export interface RenderOptions {
  /** Zero-based page of a long answer. */
  page?: number;
  /** Custom ids for the Previous/Next buttons; without them a long answer shows its first page only. */
  pager?: { previous: string; next: string };
  /** The custom id of the button that opens another article's summary (null: no button). */
  openArticleId?: (articleId: string) => string | null;
}

const defaultOpenId = (articleId: string) => {
  const id = `summary:${articleId}`;
  return id.length <= LIMITS.customId ? id : null;
};

/** Renders any answer as a Discord message. The one place where answers become text users see. */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): RenderedAnswer {
  switch (answer.type) {
    case "ask": {
      if (answer.results.length === 0) return notFound(answer.query, answer.suggestion);
      return paged(answer.results, PAGE_SIZE.ask, options, (result) =>
        articleEmbed(result.article, result.keyPoints.slice(0, Math.max(1, Math.min(POINTS_PER_RESULT, result.matchedKeyPoints || 2)))));
    }
    case "deal": {
      if (answer.deals.length === 0) return notFound(answer.query, answer.suggestion, "Try a company name alone, such as `OpenAI`.");
      return paged(answer.deals, PAGE_SIZE.deal, options, (item) => articleEmbed(item.article, item.keyPoints.slice(0, 2), { deal: item.deal, mentions: item.mentions }));
    }
    case "summary": {
      if (!answer.article) return notFound(answer.query, answer.suggestion);
      const embed = articleEmbed(answer.article, answer.keyPoints, { summary: true });
      const openId = options.openArticleId ?? defaultOpenId;
      const more: MessageButton[] = answer.alternatives.flatMap((article) => {
        const customId = openId(article.id);
        return customId ? [{ type: 2 as const, style: 2 as const, label: truncate(safeText(article.title), LIMITS.buttonLabel), custom_id: customId }] : [];
      });
      const rows = [sourceRow([answer.article.url]), ...chunk(more.slice(0, 4), LIMITS.buttonsPerRow).map(row)].filter(isRow);
      return { message: { embeds: fitEmbeds([embed]), components: rows, allowedMentions: NO_MENTIONS }, empty: false, pages: 1 };
    }
    case "notice":
      return { message: { embeds: [{ title: truncate(safeText(answer.title), LIMITS.embedTitle), description: truncate(safeText(answer.text), LIMITS.embedDescription), color: BRAND_COLOR }], components: [], allowedMentions: NO_MENTIONS }, empty: false, pages: 1 };
    case "subscriptions":
      return renderSubscriptions(answer.items);
    case "preview":
      return renderPreview(answer);
    case "feeds":
      return renderFeeds(answer.items);
    case "latest": {
      if (answer.articles.length === 0) return notFound("", null, "The corpus has no articles yet.");
      const lines = answer.articles.map((article) => {
        const url = safeUrl(article.url);
        const title = truncate(safeText(article.title), 150).replace(/[[\]]/g, "");
        return `• ${url ? `[${title}](${maskedLinkUrl(url)})` : title} · ${article.date ?? "undated"} · ${url ? outletOf(url) : ""}`;
      });
      const description = fitLines(lines, LIMITS.embedDescription);
      return {
        message: { embeds: [{ title: "Latest articles", description, color: BRAND_COLOR }], components: [], allowedMentions: NO_MENTIONS },
        empty: false,
        pages: 1,
      };
    }
  }
}

/** At most 25 fields, together within Discord's 6,000 characters, saying how many were left out. */
function fitFields(title: string, fields: Array<{ name: string; value: string }>): RenderedAnswer {
  const shown = fields.slice(0, LIMITS.fields);
  const budget = Math.floor((LIMITS.embedsTotal - 200) / Math.max(1, shown.length));
  const fitted = shown.map((field) => ({ name: truncate(field.name, Math.min(LIMITS.fieldName, 100)), value: truncate(field.value, Math.max(20, Math.min(LIMITS.fieldValue, budget - 100))) }));
  const left = fields.length - shown.length;
  return {
    message: { embeds: [{ title, fields: fitted, color: BRAND_COLOR, ...(left > 0 ? { footer: { text: `…and ${left} more not shown` } } : {}) }], components: [], allowedMentions: NO_MENTIONS },
    empty: false,
    pages: 1,
  };
}

function renderSubscriptions(items: Extract<Answer, { type: "subscriptions" }>["items"]): RenderedAnswer {
  if (items.length === 0) return notFound("", null, "No channel here is subscribed. Use /subscribe channel:#news to start.");
  const fields = items.map((item) => {
    const filters = [
      item.include.length ? `include: ${item.include.join(", ")}` : "all articles",
      item.exclude.length ? `exclude: ${item.exclude.join(", ")}` : null,
      item.digestTime ? `daily digest at ${item.digestTime} UTC` : "one post per article",
    ].filter(Boolean).join(" · ");
    const state = item.pausedReason ? `Paused: ${item.pausedReason}. Run /subscribe again to resume.` : "Posting new articles.";
    const last = item.lastSentAt ? `last post <t:${Math.floor(item.lastSentAt / 1000)}:R>` : "nothing posted yet";
    return { name: item.pausedReason ? "⏸ Paused" : "▶ Active", value: truncate(`<#${item.channelId}>\n${safeText(filters)}\n${safeText(state)}\n${item.sent} posted · ${item.pending} waiting · ${last}`, LIMITS.fieldValue) };
  });
  return fitFields("Subscriptions", fields);
}

function renderFeeds(items: Extract<Answer, { type: "feeds" }>["items"]): RenderedAnswer {
  if (items.length === 0) return notFound("", null, "No feeds yet. Add one with /feed add url:https://example.com/feed");
  const when = (time: number | null) => (time ? `<t:${Math.floor(time / 1000)}:R>` : "never");
  const fields = items.map((item) => ({
    name: truncate(safeText(item.url), LIMITS.fieldName),
    value: truncate(
      [
        `${item.articles} article${item.articles === 1 ? "" : "s"} · last success ${when(item.lastSuccessAt)} · next poll ${when(item.nextPollAt)}`,
        item.lastError ? `last error ${when(item.lastErrorAt)}: ${safeText(item.lastError)} (${item.errors} failed poll${item.errors === 1 ? "" : "s"} in all)` : "no errors",
        item.origin === "env" ? "configured in FEEDS" : "added from Discord",
      ].join("\n"),
      LIMITS.fieldValue,
    ),
  }));
  return fitFields("Feeds", fields);
}

function renderPreview(answer: Extract<Answer, { type: "preview" }>): RenderedAnswer {
  const lines = answer.recent.map(({ article, passes }) => `${passes ? "✅" : "✖️"} ${truncate(safeText(article.title), 120)}`);
  const summary = { title: "What the filters let through", description: truncate(lines.join("\n") || "No articles yet.", LIMITS.embedDescription), color: BRAND_COLOR };
  if (!answer.next) {
    return { message: { content: `None of the ${answer.recent.length} most recent articles passes the filters of <#${answer.channelId}>.`, embeds: [summary], components: [], allowedMentions: NO_MENTIONS }, empty: false, pages: 1 };
  }
  const post = renderAnswer({ type: "summary", query: "", article: answer.next, keyPoints: answer.next.keyPoints, alternatives: [], suggestion: null }).message;
  return {
    message: { content: `The next post in <#${answer.channelId}> will look like this:`, embeds: fitEmbeds([...post.embeds, summary]), components: post.components, allowedMentions: NO_MENTIONS },
    empty: false,
    pages: 1,
  };
}

function paged<T extends { article: { url: string } }>(
  items: T[],
  size: number,
  options: RenderOptions,
  toEmbed: (item: T) => ReturnType<typeof articleEmbed>,
): RenderedAnswer {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(Math.max(0, options.page ?? 0), pages - 1);
  const shown = items.slice(page * size, page * size + size);
  const rows: MessageRow[] = [sourceRow(shown.map((item) => item.article.url))].filter(isRow);
  if (pages > 1 && options.pager) {
    rows.push(row([
      { type: 2, style: 2, label: "◀ Previous", custom_id: options.pager.previous, disabled: page === 0 },
      { type: 2, style: 2, label: `Page ${page + 1} of ${pages}`, custom_id: `${options.pager.next}:label`, disabled: true },
      { type: 2, style: 2, label: "Next ▶", custom_id: options.pager.next, disabled: page === pages - 1 },
    ]));
  }
  return { message: { embeds: fitEmbeds(shown.map(toEmbed)), components: rows, allowedMentions: NO_MENTIONS }, empty: false, pages };
}

/** One link button per source ("reuters.com"), for the articles shown. */
function sourceRow(urls: string[]): MessageRow {
  const buttons = urls.flatMap((raw, i): MessageButton[] => {
    const url = safeUrl(raw);
    if (!url || url.length > LIMITS.url) return [];
    const label = urls.length > 1 ? `${i + 1}. ${outletOf(url)}` : `Read on ${outletOf(url)}`;
    return [{ type: 2, style: 5, label: truncate(label, LIMITS.buttonLabel), url }];
  });
  return row(buttons.slice(0, LIMITS.buttonsPerRow));
}

function notFound(query: string, suggestion: string | null, hint = "Try fewer or broader words, or a company name."): RenderedAnswer {
  const lines = [query ? `No article matches “${truncate(safeText(query), 200)}”.` : "Nothing to show."];
  if (suggestion) lines.push(`Did you mean “${truncate(safeText(suggestion), 200)}”?`);
  lines.push(hint);
  return { message: { content: lines.join("\n"), embeds: [], components: [], allowedMentions: NO_MENTIONS }, empty: true, pages: 1 };
}

function fitLines(lines: string[], max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > max) break;
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join("\n");
}

function row(components: MessageButton[]): MessageRow {
  return { type: 1, components };
}

function isRow(candidate: MessageRow): boolean {
  return candidate.components.length > 0;
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

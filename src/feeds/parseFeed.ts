import { parseFeed as parseAnyFeed } from "feedsmith";

/** One feed entry, whatever the feed's format. */
export interface FeedItem {
  /** Stable identity across polls: the guid (or Atom id), else the link, else title and date. */
  key: string;
  title: string;
  link: string | null;
  /** The entry's date as YYYY-MM-DD, when it has one. */
  date: string | null;
  /** Full content (`content:encoded` or Atom `content`), as HTML. */
  html: string | null;
  /** Short description or Atom summary, as HTML or text. */
  description: string | null;
  categories: string[];
}

export class FeedFormatError extends Error {
  override readonly name = "FeedFormatError";
}

/** Most items read from one feed document. */
export const MAX_ITEMS = 500;

/** The entries of an RSS 2.0, RSS 1.0 (RDF), Atom or JSON feed, parsed by feedsmith. */
export function parseFeedItems(text: string): FeedItem[] {
  let parsed: ReturnType<typeof parseAnyFeed>;
  try {
    parsed = parseAnyFeed(text);
  } catch (error) {
    if (/^\s*(<!doctype html|<html)/i.test(text)) throw new FeedFormatError("not a feed: the URL returned an HTML page");
    throw new FeedFormatError(`not a valid RSS or Atom feed (${(error as Error).message})`);
  }
  const feed = parsed.feed as Record<string, unknown>;
  const entries = ((feed.items ?? feed.entries ?? []) as Array<Record<string, any>>).slice(0, MAX_ITEMS);
  return entries.map((entry) => normalize(entry, parsed.format)).filter((item): item is FeedItem => item !== null);
}

function normalize(entry: Record<string, any>, format: string): FeedItem | null {
  const text = (value: unknown): string | null => {
    const raw = typeof value === "string" ? value : value && typeof value === "object" && "value" in value ? String((value as { value: unknown }).value ?? "") : "";
    return raw.trim() || null;
  };
  const title = text(entry.title) ?? "";
  let link: string | null = null;
  let html: string | null = null;
  let description: string | null = null;
  let id: string | null = null;
  let date: string | null = null;
  const categories: string[] = [];
  if (format === "atom") {
    const links = (entry.links ?? []) as Array<{ href?: string; rel?: string }>;
    link = links.find((l) => !l.rel || l.rel === "alternate")?.href ?? links[0]?.href ?? null;
    html = text(entry.content);
    description = text(entry.summary);
    id = text(entry.id);
    date = isoDate(entry.published ?? entry.updated);
    for (const category of entry.categories ?? []) if (category?.term) categories.push(String(category.term));
  } else if (format === "json") {
    link = text(entry.url);
    html = text(entry.content_html) ?? text(entry.content_text);
    description = text(entry.summary);
    id = text(entry.id);
    date = isoDate(entry.date_published ?? entry.date_modified);
    for (const tag of entry.tags ?? []) categories.push(String(tag));
  } else {
    link = text(entry.link);
    html = text(entry.content?.encoded);
    description = text(entry.description);
    id = text(entry.guid);
    date = isoDate(entry.pubDate ?? entry.dc?.date ?? entry.dc?.dates?.[0]);
    for (const category of entry.categories ?? []) {
      const name = typeof category === "string" ? category : category?.name;
      if (name) categories.push(String(name));
    }
  }
  const key = id ?? link ?? (title ? `${title}|${date ?? ""}` : null);
  if (!key) return null;
  return { key, title, link, date, html, description, categories };
}

function isoDate(value: unknown): string | null {
  if (typeof value !== "string" || !value.trim()) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

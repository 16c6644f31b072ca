import type { Article } from "../articles/article.js";

/**
 * The time a news question carries. "latest / newest / recent / just announced" asks for the newest
 * matching articles first; "in 2024", "last year", "this month", "since March" name a period, read
 * against today's date, and the articles dated inside it answer before any other. An undated article
 * is placed by the date its key points give the news, when they give one.
 */
export interface TimeIntent {
  /** The question without its time words, to search. */
  text: string;
  newest: boolean;
  /**
   * Inclusive YYYY-MM-DD bounds; either may be open. `anyYear`: a month named without its year ("in
   * october"), read as the last one, that the same month of an earlier year fits next best.
   */
  period: { from: string | null; to: string | null; anyYear?: boolean } | null;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = `(${MONTHS.join("|")}|sept|${MONTHS.map((m) => m.slice(0, 3)).join("|")})\\.?`;

const NEWEST = /\b(latest|newest|most recent|recent(ly)?|lately|just (announced|happened|signed|closed|dropped|out)|any news|new news|whats new|what's new|breaking)\b/i;
/** An article counts as newer when its score is at least this share of the best match's. */
export const NEWEST_RELEVANCE = 0.6;
/** An article inside the period answers first when its score is at least this share of the best match's. */
export const PERIOD_RELEVANCE = 0.3;

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (date: Date) => date.toISOString().slice(0, 10);
const monthEnd = (year: number, month: number) => iso(new Date(Date.UTC(year, month + 1, 0)));
const monthStart = (year: number, month: number) => `${year}-${pad(month + 1)}-01`;
const monthIndex = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3)));

type Reader = [RegExp, (match: RegExpExecArray, today: Date) => TimeIntent["period"]];

/** Period expressions, most specific first. Years only after "in", "during", "since", "before": "by the end of 2029" is about the news, not its date. */
const READERS: Reader[] = [
  [new RegExp(`\\bsince ${MONTH},? (20\\d{2})\\b`, "i"), (m) => ({ from: monthStart(+m[2]!, monthIndex(m[1]!)), to: null })],
  // A month and a year name a period wherever they stand: "the oct 2024 round", "in March 2025".
  [new RegExp(`\\b(?:(?:in|during|from|back in|of) (?:the )?)?${MONTH},? (20\\d{2})\\b`, "i"), (m) => ({ from: monthStart(+m[2]!, monthIndex(m[1]!)), to: monthEnd(+m[2]!, monthIndex(m[1]!)) })],
  [/\b(?:in|during|back in|throughout|for) (20\d{2})\b(?! (?:plan|target|goal)s?)/i, (m) => ({ from: `${m[1]}-01-01`, to: `${m[1]}-12-31` })],
  [/\b(?:since|after) (20\d{2})\b/i, (m) => ({ from: `${m[1]}-01-01`, to: null })],
  [/\bbefore (20\d{2})\b/i, (m) => ({ from: null, to: `${+m[1]! - 1}-12-31` })],
  [/\bthis year\b/i, (_m, today) => ({ from: `${today.getUTCFullYear()}-01-01`, to: iso(today) })],
  [/\blast year\b/i, (_m, today) => ({ from: `${today.getUTCFullYear() - 1}-01-01`, to: `${today.getUTCFullYear() - 1}-12-31` })],
  [/\bthis month\b/i, (_m, today) => ({ from: monthStart(today.getUTCFullYear(), today.getUTCMonth()), to: iso(today) })],
  [/\blast month\b/i, (_m, today) => {
    const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
    return { from: iso(start), to: monthEnd(start.getUTCFullYear(), start.getUTCMonth()) };
  }],
  [/\b(this|past|last) week\b/i, (_m, today) => ({ from: iso(new Date(today.getTime() - 7 * 864e5)), to: iso(today) })],
  [new RegExp(`\\bsince ${MONTH}\\b`, "i"), (m, today) => {
    const month = monthIndex(m[1]!);
    const year = month > today.getUTCMonth() ? today.getUTCFullYear() - 1 : today.getUTCFullYear();
    return { from: monthStart(year, month), to: null };
  }],
  [new RegExp(`\\b(?:in|during|back in) ${MONTH}\\b(?! \\d)`, "i"), (m, today) => {
    const month = monthIndex(m[1]!);
    const year = month > today.getUTCMonth() ? today.getUTCFullYear() - 1 : today.getUTCFullYear();
    return { from: monthStart(year, month), to: monthEnd(year, month), anyYear: true };
  }],
  // A year alone, as chat writes it ("coreweave 2024 revenue"), unless it ends something ("by the end of 2029", "until 2030").
  [/(?<![-–])(?<!\b(?:by|of|until|till|through|thru|to|before|after|since|from|than|beyond|past) )\b(20\d{2})\b(?! ?(?:-|plans?|targets?|goals?|deadlines?))/i, (m) => ({ from: `${m[1]}-01-01`, to: `${m[1]}-12-31` })],
];

/** The time a question asks about, read against `today`. */
export function timeIntentOf(question: string, today = new Date()): TimeIntent {
  let text = question;
  let period: TimeIntent["period"] = null;
  for (const [pattern, read] of READERS) {
    const match = pattern.exec(text);
    if (!match) continue;
    period = read(match, today);
    // "last year" means nothing to search; "2024" and "March 2025" may be written in the article too.
    if (!/\d/.test(match[0])) text = text.slice(0, match.index) + " " + text.slice(match.index + match[0].length);
    break;
  }
  const newest = NEWEST.test(text);
  if (newest) text = text.replace(NEWEST, " ");
  return { text: text.replace(/\s+/g, " ").trim() || question, newest, period };
}

/**
 * How closely an article belongs to the period: 0 dated inside it, or naming its year in the text, as
 * "CoreWeave's 2024 revenue" in an article of 2025 does; 1 naming its month ("in May 2025", said in an
 * article of July), or dated in the month asked for without a year, in an earlier year ("in october": an
 * article of October 2025 when this October has none); 2 undated; 3 dated outside it.
 */
export function periodFit(date: string | null, { from, to, anyYear }: NonNullable<TimeIntent["period"]>, text = ""): number {
  if (date !== null && (from === null || date >= from) && (to === null || date <= to)) return 0;
  if (anyYear && date !== null && from !== null && date.slice(5, 7) === from.slice(5, 7) && date < from) return 1;
  if (from && to) {
    const year = from.slice(0, 4);
    if (from === `${year}-01-01` && to === `${year}-12-31` && new RegExp(`\\b${year}\\b`).test(text)) return 0;
    const month = MONTHS[Number(from.slice(5, 7)) - 1]!;
    if (from.slice(0, 7) === to.slice(0, 7) && new RegExp(`\\b${month}( \\d{1,2},)? ${year}\\b`, "i").test(text)) return 1;
  }
  return date === null ? 2 : 3;
}

/**
 * Items (best first) in the order the question's time asks for: inside its period before undated ones
 * before the rest, and for "latest" the relevant ones newest first. Items scoring far below the best keep
 * their place after them: a stray word in common does not make an article the answer.
 */
export function orderByTime<T extends { article: Article }>(items: T[], time: TimeIntent, scoreOf: (item: T) => number): T[] {
  if (!time.period && !time.newest) return items;
  const top = Math.max(0, ...items.map(scoreOf));
  const period = time.period;
  const group = (item: T) => {
    if (!period) return 0;
    if (scoreOf(item) < top * PERIOD_RELEVANCE) return 4;
    const { title, keyPoints } = item.article;
    return periodFit(newsDateOf(item.article), period, `${title}\n${keyPoints.join("\n")}`);
  };
  const grouped = stableSortBy(items, group);
  if (!time.newest) return grouped;
  // The relevant dated articles, newest first, in the places they held; undated ones keep theirs.
  const recent = grouped.filter((item) => newsDateOf(item.article) !== null && scoreOf(item) >= top * NEWEST_RELEVANCE);
  const newestFirst = stableSortBy(recent, (item) => -Date.parse(newsDateOf(item.article)!));
  const slots = new Set(recent);
  let next = 0;
  return grouped.map((item) => (slots.has(item) ? newestFirst[next++]! : item));
}

/** A full date as news writes it in a key point: "on September 29, 2025". */
const DATE_IN_TEXT = new RegExp(`\\b(${MONTHS.join("|")}) (\\d{1,2}), (20\\d{2})\\b`, "i");
const textDates = new WeakMap<Article, string | null>();

/**
 * An article's date, or for an undated one (a plain-text file without a date) the first full date its
 * key points give, which is the news's own ("released ... on September 29, 2025"). Read only for the few
 * articles a question's time orders, once each.
 */
export function newsDateOf(article: Article): string | null {
  if (article.date !== null) return article.date;
  let found = textDates.get(article);
  if (found === undefined) {
    const match = article.keyPoints.map((point) => DATE_IN_TEXT.exec(point)).find((m) => m !== null);
    found = match ? `${match[3]}-${pad(monthIndex(match[1]!) + 1)}-${pad(Number(match[2]))}` : null;
    textDates.set(article, found);
  }
  return found;
}

function stableSortBy<T>(items: T[], key: (item: T) => number): T[] {
  return items.map((item, at) => ({ item, at, key: key(item) })).sort((a, b) => a.key - b.key || a.at - b.at).map(({ item }) => item);
}

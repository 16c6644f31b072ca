import type { Article, ParseResult } from "./article.js";
import { splitFrontMatter } from "./frontMatter.js";
import { bulletText, isNoise, sectionOf, startsNoiseTail, type SectionName } from "./sections.js";
import { checkSourceUrl } from "./url.js";
import { dateInUrl } from "./urlDate.js";
import { extractCompanies } from "../extract/companies.js";
import { extractDeals } from "../extract/deals.js";

/** Files larger than this are refused rather than parsed: no summary is anywhere near it. */
export const MAX_ARTICLE_BYTES = 1_000_000;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes and parses one corpus file. `id` is the path relative to the corpus folder without extension. */
export function parseArticleFile(bytes: Uint8Array, id: string): ParseResult {
  if (bytes.length === 0) return fail("file is empty");
  if (bytes.length > MAX_ARTICLE_BYTES) return fail(`file is ${bytes.length} bytes, over the ${MAX_ARTICLE_BYTES}-byte limit`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return fail("file is not UTF-8 text");
  }
  return parseArticleText(text, id);
}

/**
 * Parses a summary in either layout: the plain text that summary blogs publish (title line, bare section
 * headings, `•` bullets, `Source: URL`, site noise) or Markdown (`# Title`, `## Summary`, `- ` bullets,
 * optional YAML front matter). Never throws: a file that cannot be an article gets a reason instead.
 */
export function parseArticleText(raw: string, defaultId: string): ParseResult {
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!text.trim()) return fail("file is empty");
  if (text.includes("\u0000")) return fail("file is not text (it contains NUL bytes)");

  const front = splitFrontMatter(text);
  if (!front.ok) return fail(front.reason);
  const { fields } = front;
  const doc = splitSections(front.body);

  const title = cleanInline(fields.title ?? doc.title ?? "");
  if (!title) return fail('no title (expected a first line, a "# Title" heading or a title in front matter)');

  const keyPoints = readKeyPoints(doc.sections.get("keyPoints") ?? []);
  if (keyPoints.length === 0) return fail('no key points (expected bullets under a "Key Points" heading)');

  const rawUrl = fields.url ?? findSourceUrl(doc.sections.get("source") ?? [], doc.looseLines);
  if (!rawUrl) return fail('no source URL (expected a line "Source: https://...")');
  const url = checkSourceUrl(rawUrl);
  if (!url.ok) return fail(url.reason);

  const paragraph = (name: SectionName) => joinParagraphs(doc.sections.get(name) ?? []);
  const base = {
    id: fields.id ?? defaultId,
    title,
    url: url.url,
    // Plain text has no front matter: many source links carry the date.
    date: fields.date ?? dateInUrl(url.url),
    summary: paragraph("summary"),
    keyPoints,
    contentSummary: paragraph("contentSummary"),
    context: paragraph("context"),
    authorStyle: paragraph("authorStyle"),
    whyRead: paragraph("whyRead"),
    tags: fields.tags ?? [],
  };
  const companies = extractCompanies(base);
  const article: Article = { ...base, companies, deals: extractDeals(base, companies) };
  return { ok: true, article };
}

interface SplitDocument {
  title: string | null;
  sections: Map<SectionName, string[]>;
  /** Lines outside any known section (used to find a stray `Source:` line). */
  looseLines: string[];
}

function splitSections(body: string): SplitDocument {
  const sections = new Map<SectionName, string[]>();
  const beforeFirstSection: string[] = [];
  const looseLines: string[] = [];
  const sourceLines: string[] = [];
  let markdownTitle: string | null = null;
  let current: SectionName | null = null;
  let seenSection = false;

  for (const rawLine of body.split("\n")) {
    const line = rawLine.trim();
    if (seenSection && startsNoiseTail(line)) break;
    if (!line || isNoise(line)) {
      if (current && !line) sections.get(current)!.push("");
      continue;
    }
    const section = sectionOf(line);
    if (section) {
      current = section;
      seenSection = true;
      if (!sections.has(section)) sections.set(section, []);
      continue;
    }
    if (SOURCE_LINE.test(line)) {
      sourceLines.push(line); // "Source: URL" belongs to no section, wherever it stands
      continue;
    }
    const markdownHeading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (markdownHeading) {
      if (markdownHeading[1] === "#" && markdownTitle === null && !seenSection) markdownTitle = markdownHeading[2]!.trim();
      else current = null; // an unknown heading ends the section before it
      continue;
    }
    if (current) sections.get(current)!.push(line);
    else if (!seenSection) beforeFirstSection.push(line);
    else looseLines.push(line);
  }
  return { title: markdownTitle ?? pickTitle(beforeFirstSection), sections, looseLines: [...sourceLines, ...beforeFirstSection, ...looseLines] };
}

const BYLINE = /^(by\s|posted\b|published\b|updated\b|written by\b)|»|›|\|/i;

/** Scraped pages repeat the title; otherwise the first line that does not look like a byline or breadcrumb. */
function pickTitle(lines: string[]): string | null {
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line)) return line;
    seen.add(line);
  }
  return lines.find((line) => !BYLINE.test(line) && line.split(/\s+/).length >= 3) ?? lines[0] ?? null;
}

function readKeyPoints(lines: string[]): string[] {
  const points: string[] = [];
  const hasBullets = lines.some((line) => bulletText(line) !== null);
  let continuing = false;
  for (const line of lines) {
    if (!line) {
      continuing = false;
      continue;
    }
    const bullet = bulletText(line);
    if (bullet !== null) {
      points.push(bullet);
      continuing = true;
    } else if (hasBullets && continuing && points.length > 0) {
      points[points.length - 1] += ` ${line}`; // a bullet wrapped over several lines
    } else if (!hasBullets) {
      points.push(line); // bullets whose markers were lost in copying
    }
  }
  return points.map(cleanInline).filter((point) => point.length > 0);
}

const SOURCE_LINE = /^(?:source|original(?: article)?|read the original|via)\s*[:\-–]\s*(.+)$/i;
const MARKDOWN_LINK = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/;
const BARE_URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"')\]]+/i;

/** Finds the source link: `Source: URL`, `[Source](URL)`, or the first URL in the Source section. */
function findSourceUrl(sourceLines: string[], looseLines: string[]): string | null {
  for (const line of [...sourceLines, ...looseLines]) {
    const labelled = SOURCE_LINE.exec(line);
    const link = labelled && linkIn(labelled[1]!);
    if (link) return link;
  }
  for (const line of sourceLines) {
    const link = linkIn(line);
    if (link) return link;
  }
  return null;
}

function linkIn(text: string): string | null {
  return MARKDOWN_LINK.exec(text)?.[1] ?? BARE_URL.exec(text)?.[0] ?? (/^\S+:\S+$/.test(text.trim()) ? text.trim() : null);
}

function joinParagraphs(lines: string[]): string {
  return lines
    .join("\n")
    .split(/\n{2,}/)
    .map((paragraph) => cleanInline(paragraph.replace(/\n/g, " ")))
    .filter(Boolean)
    .join("\n\n");
}

/** Whitespace other than single spaces: what folding to single spaces changes (most lines have none). */
const SPACING_TO_FOLD = /[^\S ]| {2}/;

/** Removes Markdown emphasis and turns links into their text; collapses white space. */
function cleanInline(text: string): string {
  // Most lines have no link or emphasis: those patterns are tried only where their marks are.
  const unlinked = text.includes("](") ? text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1") : text;
  const plain = unlinked.includes("**") || unlinked.includes("__") ? unlinked.replace(/(\*\*|__)(.+?)\1/g, "$2") : unlinked;
  return (SPACING_TO_FOLD.test(plain) ? plain.replace(/\s+/g, " ") : plain).trim();
}

function fail(reason: string): ParseResult {
  return { ok: false, reason };
}

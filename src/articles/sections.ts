/** The sections of a summary, by the names the parser stores them under. */
export type SectionName = "summary" | "keyPoints" | "contentSummary" | "context" | "authorStyle" | "whyRead" | "source";

/** Heading texts (lower case, without punctuation) and the section each one starts. */
const HEADINGS: Record<string, SectionName> = {
  "summary": "summary",
  "overview": "summary",
  "tldr": "summary",
  "key points": "keyPoints",
  "key takeaways": "keyPoints",
  "takeaways": "keyPoints",
  "highlights": "keyPoints",
  "content summary": "contentSummary",
  "content": "contentSummary",
  "context and relevance": "context",
  "context": "context",
  "relevance": "context",
  "why it matters": "context",
  "author style": "authorStyle",
  "why should i read this": "whyRead",
  "why read this": "whyRead",
  "source": "source",
  "sources": "source",
};

/** Normalises a line that might be a heading: Markdown hashes, bold markers, trailing colon and "?" go. */
function headingKey(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, "")
    .replace(/[*_]{2}/g, "")
    .replace(/[:?!.\s]+$/u, "")
    .replace(/[’']/g, "")
    .replace(/[;:,;]/g, "")
    .trim()
    .toLowerCase()
    .replace(/\s+/g, " ");
}

/** The section a line starts, if it is one of the known headings (in any case, with or without `##`). */
export function sectionOf(line: string): SectionName | null {
  if (line.length > 60) return null;
  return HEADINGS[headingKey(line)] ?? null;
}

/**
 * Lines that scraped pages add around the article: comment forms, share buttons, newsletter boxes.
 * A line matching one of these is dropped wherever it stands.
 */
const NOISE_LINE = [
  /^leave a (reply|comment)\b/i,
  /^cancel reply$/i,
  /^your email address will not be published/i,
  /^required fields are marked/i,
  /^(comment|name|email|website)\s*\*?$/i,
  /^save my name, email/i,
  /^post comment$/i,
  /^share (this|on)\b/i,
  /^(click to share|click to print|click to email)/i,
  /^(like this|like loading)/i,
  /^loading\.*$/i,
  /^related( posts| articles| stories)?:?$/i,
  /^(you may also like|read more|read next|more from)\b/i,
  /^subscribe( to (our|the) newsletter)?\b/i,
  /^sign up for\b/i,
  /^(skip to (main )?content|menu|search|search for:?|home)$/i,
  /^post navigation$/i,
  /^(previous|next) (post|article)\b/i,
  /^(posted in|filed under|categories|category|tags):/i,
  /^©|^copyright\b/i,
  /^all rights reserved/i,
  /^advertisement$/i,
];

/** Lines after which nothing belongs to the article any more (the comment form, related posts). */
const NOISE_TAIL = [/^leave a (reply|comment)\b/i, /^related( posts| articles| stories)?:?$/i, /^(you may also like|read next)\b/i, /^post navigation$/i];

export function isNoise(line: string): boolean {
  return NOISE_LINE.some((pattern) => pattern.test(line));
}

export function startsNoiseTail(line: string): boolean {
  return NOISE_TAIL.some((pattern) => pattern.test(line));
}

const BULLET = /^(?:[•●▪◦‣∙·*+\-–—]|\d{1,2}[.)])\s+/u;

/** The text of a bullet line without its marker, or null when the line is not a bullet. */
export function bulletText(line: string): string | null {
  const match = BULLET.exec(line);
  return match ? line.slice(match[0].length).trim() : null;
}

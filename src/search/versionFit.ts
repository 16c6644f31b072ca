import type { Article } from "../articles/article.js";

/**
 * How much more an article counts when it names the product version a question names: "claude 3 launch"
 * is the Claude 3 article, not the Claude 4 one whose "Level 3 protections" also holds a 3.
 */
export const VERSION_FIT_WEIGHT = 0.15;

/** A product name and its version, as chat types them: "claude 3", "gpt-4o", "llama 4", "gemini 2.5". */
export interface Version { name: string; number: string }

/** A name followed by a number that is a version, not a quantity (no unit or scale after it, no $ before it). */
const VERSION_IN_QUESTION = /(?<![$€£\d.,])\b([a-z][a-z-]{2,})[ -](\d{1,2}(?:\.\d{1,2})?)(?![\d.,%]|\s*(?:%|percent|trillion|billion|million|thousand|bn|[km]\b|years?|months?|weeks?|days?|hours?|gw|mw|nm|gigawatts?|megawatts?|nanometers?|tokens?|jobs?|people|employees|chips?|gpus?|shares?|times|x\b))/gi;
/** Words a number follows that make it a count, a rank or a date, not a version. */
const NOT_PRODUCTS = new Set(["the", "and", "for", "about", "over", "under", "than", "top", "first", "last", "level", "tier", "phase", "stage", "series", "round", "fab", "plant", "step", "part", "page", "chapter", "section", "q1", "q2", "q3", "q4", "since", "until", "from", "before", "after", "during", "like", "with", "into", "all", "only", "just", "some", "nearly", "almost", "around", "roughly", "up", "down", "to", "of", "in", "on", "by", "at", "its", "their", "his", "her"]);

/** The product versions a question names ("claude 3 opus pricing": claude 3). */
export function versionsAsked(question: string): Version[] {
  const versions: Version[] = [];
  for (const match of question.matchAll(VERSION_IN_QUESTION)) {
    const name = match[1]!.toLowerCase();
    if (!NOT_PRODUCTS.has(name) && !/^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/.test(name)) versions.push({ name, number: match[2]! });
  }
  return versions;
}

/**
 * 1 + VERSION_FIT_WEIGHT times the share of the asked versions the article names in its title or key
 * points: the name, up to two words, then exactly that number ("Claude 3 family", "Claude Opus 4" for
 * claude 4; "Claude 3.7" is not claude 3). Runs on the few candidate articles only.
 */
export function versionFit(article: Article, asked: Version[]): number {
  if (asked.length === 0) return 1;
  const text = `${article.title}\n${article.keyPoints.join("\n")}`;
  const named = asked.filter(({ name, number }) => versionPattern(name, number).test(text)).length;
  return 1 + (VERSION_FIT_WEIGHT * named) / asked.length;
}

const patterns = new Map<string, RegExp>();
function versionPattern(name: string, number: string): RegExp {
  const key = `${name} ${number}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    if (patterns.size > 1_000) patterns.clear();
    const escaped = number.replace(".", "\\.");
    pattern = new RegExp(`\\b${name}(?:[ -][\\p{L}]+){0,2}[ -]${escaped}(?![\\d]|\\.\\d)`, "iu");
    patterns.set(key, pattern);
  }
  return pattern;
}

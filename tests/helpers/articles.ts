import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import type { Article } from "../../src/articles/article.js";
import { parseArticleText } from "../../src/articles/parse.js";
import { tmpdir } from "node:os";
import path from "node:path";

/** A summary in the Markdown layout, with the parts a test wants to vary. */
export function markdownArticle(parts: { title?: string; date?: string; tags?: string[]; keyPoints?: string[]; source?: string; summary?: string } = {}): string {
  const title = parts.title ?? "Acme Robotics Raises $120 Million Series C";
  const keyPoints = parts.keyPoints ?? [
    "Acme Robotics closed a $120 million Series C round led by Northwind Ventures.",
    "The company plans to double its warehouse robot fleet across Europe in 2025.",
    "Existing backers Contoso Capital and Fabrikam joined the round.",
    "Acme said revenue grew threefold last year on logistics contracts.",
    "The round values the startup at about $1.1 billion.",
  ];
  return [
    "---",
    `title: ${title}`,
    `date: ${parts.date ?? "2025-02-03"}`,
    `tags: [${(parts.tags ?? ["robotics", "funding"]).join(", ")}]`,
    "---",
    `# ${title}`,
    "",
    "## Summary",
    parts.summary ?? "Acme Robotics has raised new money to grow its fleet of warehouse robots.",
    "",
    "## Key Points",
    ...keyPoints.map((point) => `- ${point}`),
    "",
    "## Source",
    `Source: ${parts.source ?? "https://news.example.com/acme-series-c"}`,
    "",
  ].join("\n");
}

/** A summary in the scraped plain-text layout: repeated title, bare headings, • bullets, site noise. */
export function plainTextArticle(parts: { title?: string; keyPoints?: string[]; source?: string; eol?: string } = {}): string {
  const title = parts.title ?? "Globex Signs $2 Billion Chip Supply Contract With Initech";
  const keyPoints = parts.keyPoints ?? [
    "Globex agreed to buy $2 billion of accelerators from Initech over three years.",
    "Deliveries start in the second half of 2025 from Initech's Oregon plant.",
    "The contract makes Initech the second supplier alongside an unnamed rival.",
    "Globex shares rose 4% after the announcement.",
    "Analysts called the price per chip lower than the market rate.",
  ];
  return [
    title,
    "",
    title,
    "",
    "Summary",
    "",
    "Globex has lined up a large supply of AI chips from Initech.",
    "",
    "Key Points",
    "",
    ...keyPoints.map((point) => `  • ${point}`),
    "",
    "Content summary",
    "",
    "A longer retelling of the story.",
    "",
    "Context and relevance",
    "",
    "Why the deal matters for chip supply.",
    "",
    "Author style",
    "",
    "Brisk.",
    "",
    "Why should I read this?",
    "",
    "Because chips.",
    "",
    "Source",
    "",
    `Source: ${parts.source ?? "https://www.example.org/globex-initech"}`,
    "",
    "Leave a Reply",
    "",
    "Your email address will not be published. Required fields are marked *",
    "",
    "Share this:",
    "Related posts",
  ].join(parts.eol ?? "\n");
}

/** A fresh corpus folder holding the given files (path relative to the folder -> content). */
export function makeCorpus(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "newsdesk-corpus-"));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/** A parsed article from `markdownArticle(parts)`, with the id given. */
export function parsedArticle(id: string, parts: Parameters<typeof markdownArticle>[0] = {}): Article {
  const result = parseArticleText(markdownArticle(parts), id);
  if (!result.ok) throw new Error(result.reason);
  return result.article;
}

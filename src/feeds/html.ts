import { HTMLElement, NodeType, parse, type Node } from "node-html-parser";

/** Elements whose content is never article text. */
const DROPPED = new Set(["script", "style", "noscript", "iframe", "object", "embed", "svg", "form", "button", "img", "picture", "video", "audio", "canvas", "template", "head", "nav"]);
const BLOCKS = new Set(["p", "div", "section", "article", "header", "footer", "aside", "main", "blockquote", "figure", "figcaption", "pre", "table", "tr", "ul", "ol", "dl", "dt", "dd", "hr", "address"]);
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|ref|ref_src|igshid)$/i;

/** A link without tracking parameters (utm_*, fbclid, ...); unchanged when it is not an absolute URL. */
export function cleanLink(href: string): string {
  try {
    const url = new URL(href.trim());
    for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
    return url.href;
  } catch {
    return href.trim();
  }
}

/**
 * HTML as the plain text our summary parser reads: headings on lines of their own (as Markdown
 * headings), list items as "- " bullets, paragraphs apart, links as Markdown links; scripts, styles,
 * images, embeds and tracking parameters gone, entities decoded.
 */
export function htmlToText(html: string): string {
  const root = parse(html, { comment: false, blockTextElements: { pre: true } });
  const out: string[] = [];
  walk(root, out);
  return out
    .join("")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function walk(node: Node, out: string[]): void {
  if (node.nodeType === NodeType.TEXT_NODE) {
    out.push(node.text.replace(/\s+/g, " "));
    return;
  }
  if (!(node instanceof HTMLElement)) return;
  const tag = node.tagName?.toLowerCase() ?? "";
  if (DROPPED.has(tag)) return;
  if (/^h[1-6]$/.test(tag)) {
    out.push(`\n\n${"#".repeat(Math.min(Number(tag[1]), 2))} ${inline(node)}\n\n`);
    return;
  }
  if (tag === "li") {
    out.push(`\n- ${inline(node)}\n`);
    return;
  }
  if (tag === "br") {
    out.push("\n");
    return;
  }
  if (tag === "a") {
    const href = node.getAttribute("href");
    const text = inline(node);
    out.push(href && /^https?:/i.test(href.trim()) ? `[${text.replace(/[[\]]/g, "")}](${cleanLink(href)})` : text);
    return;
  }
  const block = BLOCKS.has(tag);
  if (block) out.push("\n\n");
  for (const child of node.childNodes) walk(child, out);
  if (block) out.push("\n\n");
}

/** The text of an element on one line (links kept as Markdown links). */
function inline(node: HTMLElement): string {
  const parts: string[] = [];
  for (const child of node.childNodes) walk(child, parts);
  return parts.join("").replace(/\s+/g, " ").trim();
}

/**
 * Article text is untrusted: it is shown in Discord, where some characters and sequences act. Every
 * message also carries `allowed_mentions: { parse: [] }`, so nothing can ping; this makes the text read
 * as plain text as well.
 */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF\u00AD]/g;
const ZWSP = "\u200B";

export function safeText(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<(@[!&]?|#)(\d+)>/g, `<${ZWSP}$1$2>`)
    .replace(/```/g, "`\u200B`\u200B`")
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, "$1 ($2)")
    .replace(/\]\(/g, "]\u200B(");
}

/** Only http(s) links with a host are ever shown. */
export function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === "http:" || parsed.protocol === "https:") && parsed.hostname && !parsed.username && !parsed.password
      ? parsed.href
      : null;
  } catch {
    return null;
  }
}

/** A URL safe inside a Markdown masked link `[text](url)`: parentheses and spaces percent-encoded. */
export function maskedLinkUrl(url: string): string {
  return url.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/ /g, "%20");
}

/** "www.reuters.com" -> "reuters.com": the outlet's name for a footer. */
export function outletOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return "";
  }
}

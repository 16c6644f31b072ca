/** Feed documents written for the tests: our own short texts in the shapes blog software publishes. */

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export interface SummaryPost {
  guid: string;
  title: string;
  source: string;
  points: string[];
  summary?: string;
  date?: string;
}

/** A summary post as WordPress renders it into `content:encoded`, with scripts and tracking around it. */
export function summaryHtml(post: SummaryPost): string {
  return [
    `<p><img src="https://blog.example.org/pixel.gif?utm_source=rss" width="1" height="1"></p>`,
    `<h2>Summary</h2><p>${escape(post.summary ?? "A short account of the news in our own words.")}</p>`,
    `<h2>Key Points</h2><ul>${post.points.map((point) => `<li>${escape(point)}</li>`).join("")}</ul>`,
    `<h2>Context and relevance</h2><p>Why it matters, briefly.</p>`,
    `<script>trackReader("${post.guid}")</script>`,
    `<h2>Source</h2><p>Source: <a href="${post.source}?utm_source=feed&amp;utm_medium=rss">${post.source}</a></p>`,
    `<div class="sharedaddy"><h3>Share this:</h3><a href="https://blog.example.org/share">Share</a></div>`,
  ].join("\n");
}

export function wordpressRss(posts: SummaryPost[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Summary Blog</title>
  <link>https://blog.example.org</link>
  <description>Industry news, summarised</description>
  ${posts.map((post) => `<item>
    <title>${escape(post.title)}</title>
    <link>https://blog.example.org/${post.guid}/?utm_source=rss</link>
    <guid isPermaLink="false">${post.guid}</guid>
    <pubDate>${new Date(post.date ?? "2025-11-20T09:00:00Z").toUTCString()}</pubDate>
    <dc:creator>Editor</dc:creator>
    <category>AI</category>
    <description>${escape(post.points[0] ?? "")}</description>
    <content:encoded><![CDATA[${summaryHtml(post)}]]></content:encoded>
  </item>`).join("\n  ")}
</channel>
</rss>`;
}

export interface PlainItem {
  title: string;
  link: string;
  description: string;
  date?: string;
  guid?: string;
}

export function plainRss(items: PlainItem[]): string {
  return `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Plain News</title><link>https://plain.example.net</link><description>Headlines</description>
${items.map((item) => `<item><title>${escape(item.title)}</title><link>${item.link}</link>${item.guid ? `<guid>${item.guid}</guid>` : ""}<pubDate>${new Date(item.date ?? "2025-11-21T10:00:00Z").toUTCString()}</pubDate><description>${escape(item.description)}</description></item>`).join("\n")}
</channel></rss>`;
}

export function atomFeed(entries: Array<SummaryPost & { plain?: boolean }>): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Summaries</title><id>urn:newsdesk:test:atom</id><updated>2025-11-22T08:00:00Z</updated>
  ${entries.map((entry) => `<entry>
    <title>${escape(entry.title)}</title>
    <id>urn:newsdesk:test:${entry.guid}</id>
    <link rel="alternate" href="https://atom.example.com/${entry.guid}"/>
    <published>${entry.date ?? "2025-11-22T08:00:00Z"}</published>
    <updated>${entry.date ?? "2025-11-22T08:00:00Z"}</updated>
    ${entry.plain ? `<summary>${escape(entry.points.join(" "))}</summary>` : `<content type="html">${escape(summaryHtml(entry))}</content>`}
  </entry>`).join("\n  ")}
</feed>`;
}

export const MALFORMED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item><title>Never closed</channel>`;
export const HTML_PAGE = `<!DOCTYPE html><html><head><title>Blog</title></head><body><h1>Welcome</h1><p>This is a web page, not a feed.</p></body></html>`;

import fc from "fast-check";

/**
 * Valid summaries built from full-Unicode text (any script, emoji, combining marks), then damaged, so a
 * property spends its runs parsing and rendering real articles rather than meeting the first rejection.
 */

/**
 * A word of any Unicode graphemes, with the white space taken out (a word has none), and without the
 * Markdown emphasis and link characters (`**x**`, `__x__`, `[x](y)`) that the parser turns into their text.
 */
const unicodeWord = fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 }).map((text) => text.replace(/[\s*_[\]]/gu, "")).filter((word) => word.length > 0);
const plainWord = fc.constantFrom("Acme", "Globex", "Initech", "chips", "deal", "$4 billion", "OpenAI", "Nvidia", "cloud", "raised", "2025", "Série", "東京", "Zürich", "🚀");
/** Words of any script after a plain first word (a line starting "#", "-" or "1." would be a heading or a bullet). */
const sentence = (min: number, max: number) => fc.tuple(plainWord, fc.array(fc.oneof({ weight: 3, arbitrary: plainWord }, { weight: 2, arbitrary: unicodeWord }), { minLength: min - 1, maxLength: max - 1 }))
  .map(([first, words]) => [first, ...words].join(" "));

/** Text meant to break things, put into one field or spliced in anywhere. */
export const hostileInsert = fc.oneof(
  fc.constantFrom("@everyone", "@here", "<@123456789012345678>", "<@&123456789012345678>", "[x](javascript:alert(1))", "```", "\u0000", "\uFEFF", "\u202E",
    "\u200B", "\r", "\n", "\r\n", "---", "## Key Points", "# Another Title", "Source: javascript:alert(1)", "Leave a Reply", "title: [oops", "- ", "•"),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);

export interface BuiltArticle {
  text: string;
  title: string;
  keyPoints: string[];
  source: string;
  layout: "markdown" | "plain";
}

const source = fc.tuple(fc.constantFrom("https", "http"), fc.constantFrom("news.example.com", "www.reuters.example", "例え.jp", "xn--bcher-kva.example"), fc.array(fc.constantFrom("a", "story", "2025", "deal-42", "%E2%9C%93"), { minLength: 1, maxLength: 3 }))
  .map(([scheme, host, parts]) => `${scheme}://${host}/${parts.join("/")}`);

/** A valid summary in either layout, with any line ending. */
export const validArticle: fc.Arbitrary<BuiltArticle> = fc.record({
  title: sentence(3, 10),
  summary: sentence(5, 30),
  keyPoints: fc.array(sentence(4, 20), { minLength: 1, maxLength: 8 }),
  source,
  layout: fc.constantFrom("markdown" as const, "plain" as const),
  eol: fc.constantFrom("\n", "\r\n", "\r"),
}).map(({ title, summary, keyPoints, source, layout, eol }) => {
  const lines = layout === "markdown"
    ? ["---", `title: ${JSON.stringify(title)}`, "date: 2025-03-04", "---", `# ${title}`, "", "## Summary", summary, "", "## Key Points", ...keyPoints.map((point) => `- ${point}`), "", "## Source", `Source: ${source}`, ""]
    : [title, "", title, "", "Summary", "", summary, "", "Key Points", "", ...keyPoints.map((point) => `  • ${point}`), "", "Source", "", `Source: ${source}`, "", "Leave a Reply"];
  return { text: lines.join(eol), title, keyPoints, source, layout };
});

/** One way of damaging a file. */
type Damage = (text: string) => string;
const at = (text: string, position: number) => position % (text.length + 1);

const damage: fc.Arbitrary<Damage> = fc.oneof(
  // cut a stretch out
  fc.tuple(fc.nat(), fc.nat({ max: 200 })).map(([from, length]): Damage => (text) => text.slice(0, at(text, from)) + text.slice(at(text, from) + length)),
  // splice hostile text in anywhere
  fc.tuple(fc.nat(), hostileInsert).map(([where, insert]): Damage => (text) => text.slice(0, at(text, where)) + insert + text.slice(at(text, where))),
  // swap every line ending
  fc.constantFrom("\n", "\r\n", "\r").map((eol): Damage => (text) => text.replace(/\r\n|\r|\n/g, eol)),
  // hostile text into one line (a field: the title, a key point, the source...)
  fc.tuple(fc.nat(), hostileInsert).map(([line, insert]): Damage => (text) => {
    const lines = text.split("\n");
    const index = line % lines.length;
    lines[index] = `${lines[index]} ${insert}`;
    return lines.join("\n");
  }),
  // drop or repeat a line
  fc.tuple(fc.nat(), fc.boolean()).map(([line, repeat]): Damage => (text) => {
    const lines = text.split("\n");
    const index = line % lines.length;
    lines.splice(index, repeat ? 0 : 1, ...(repeat ? [lines[index]!] : []));
    return lines.join("\n");
  }),
);

/** A valid article and the same file after 0 to 3 damages. */
export const damagedArticle = fc.tuple(validArticle, fc.array(damage, { maxLength: 3 }))
  .map(([article, damages]) => ({ article, damages: damages.length, text: damages.reduce((text, hurt) => hurt(text), article.text) }));

import { describe, expect, it } from "vitest";
import { parseArticleFile, parseArticleText } from "../../src/articles/parse.js";
import { markdownArticle, plainTextArticle } from "../helpers/articles.js";

function parsed(text: string, id = "test") {
  const result = parseArticleText(text, id);
  if (!result.ok) throw new Error(`expected an article, got: ${result.reason}`);
  return result.article;
}

function reason(text: string | Uint8Array): string {
  const result = typeof text === "string" ? parseArticleText(text, "test") : parseArticleFile(text, "test");
  if (result.ok) throw new Error("expected the file to be rejected");
  return result.reason;
}

describe("the plain-text layout of summary blogs", () => {
  it("reads the repeated title, sections, bullets and source, and drops the site noise", () => {
    const article = parsed(plainTextArticle());
    expect(article.title).toBe("Globex Signs $2 Billion Chip Supply Contract With Initech");
    expect(article.keyPoints).toHaveLength(5);
    expect(article.keyPoints[0]).toBe("Globex agreed to buy $2 billion of accelerators from Initech over three years.");
    expect(article.url).toBe("https://www.example.org/globex-initech");
    expect(article.summary).toBe("Globex has lined up a large supply of AI chips from Initech.");
    expect(article.contentSummary).toBe("A longer retelling of the story.");
    expect(article.context).toBe("Why the deal matters for chip supply.");
    expect(article.authorStyle).toBe("Brisk.");
    expect(article.whyRead).toBe("Because chips.");
    expect(article.date).toBeNull();
    expect(JSON.stringify(article)).not.toMatch(/Leave a Reply|email address|Share this|Related posts/);
  });

  it("tolerates CRLF line endings", () => {
    expect(parsed(plainTextArticle({ eol: "\r\n" })).keyPoints).toHaveLength(5);
  });

  it("accepts a title that is not repeated, and headings in any case", () => {
    const text = plainTextArticle().replace(/^(.*)\n\n\1\n/, "$1\n").replace("Key Points", "KEY POINTS").replace("Summary\n", "summary:\n");
    const article = parsed(text);
    expect(article.title).toBe("Globex Signs $2 Billion Chip Supply Contract With Initech");
    expect(article.keyPoints).toHaveLength(5);
  });

  it("accepts - and * bullets and bullets wrapped over two lines", () => {
    const text = plainTextArticle().replace(/ {2}• /g, "- ").replace("- Deliveries start", "* Deliveries start").replace("over three years.", "over\nthree years.");
    const article = parsed(text);
    expect(article.keyPoints[0]).toBe("Globex agreed to buy $2 billion of accelerators from Initech over three years.");
    expect(article.keyPoints[1]).toMatch(/^Deliveries start/);
  });

  it("drops site noise placed before the article", () => {
    const article = parsed(`Skip to content\nMenu\n${plainTextArticle()}`);
    expect(article.title).toBe("Globex Signs $2 Billion Chip Supply Contract With Initech");
  });

  it("works without the optional sections", () => {
    const text = "Tiny Startup Gets Bought\n\nKey Points\n• One fact about the purchase.\n• Another fact.\n\nSource: https://example.com/tiny";
    const article = parsed(text);
    expect(article.summary).toBe("");
    expect(article.keyPoints).toEqual(["One fact about the purchase.", "Another fact."]);
  });
});

describe("the Markdown layout", () => {
  it("reads front matter, headings and bullets", () => {
    const article = parsed(markdownArticle(), "funding/acme");
    expect(article).toMatchObject({
      id: "funding/acme",
      title: "Acme Robotics Raises $120 Million Series C",
      date: "2025-02-03",
      tags: ["robotics", "funding"],
      url: "https://news.example.com/acme-series-c",
    });
    expect(article.keyPoints).toHaveLength(5);
  });

  it("lets front matter set the id and the source", () => {
    const text = markdownArticle().replace("---\ntitle", "---\nid: custom-id\nsource: https://other.example.com/x\ntitle");
    expect(parsed(text)).toMatchObject({ id: "custom-id", url: "https://other.example.com/x" });
  });

  it("reads a [Source](url) link", () => {
    const text = markdownArticle().replace("Source: https://news.example.com/acme-series-c", "[Source](https://news.example.com/linked)");
    expect(parsed(text).url).toBe("https://news.example.com/linked");
  });

  it("takes the title from the # heading when front matter has none", () => {
    const text = "## Summary\nx\n".replace(/^/, "# Heading Title Here\n\n") + "## Key Points\n- a point\n\n## Source\nSource: https://e.com/a";
    expect(parsed(text).title).toBe("Heading Title Here");
  });
});

describe("files that cannot be articles are rejected with a reason", () => {
  it.each([
    ["an empty file", "", /empty/],
    ["white space only", "  \n\n ", /empty/],
    ["no key points", markdownArticle().replace(/## Key Points[\s\S]*?## Source/, "## Source"), /no key points/],
    ["no source", markdownArticle().replace(/Source: \S+/, ""), /no source URL/],
    ["a javascript: source", markdownArticle({ source: "javascript:alert(1)" }), /javascript: .*only http and https/],
    ["a file: source", markdownArticle({ source: "file:///etc/passwd" }), /file:/],
    ["a data: source", markdownArticle({ source: "data:text/html,hi" }), /data:/],
    ["credentials in the source", markdownArticle({ source: "https://user:pw@example.com/a" }), /credentials/],
    ["broken front matter", "---\ntitle: [unclosed\n---\n# T\n## Key Points\n- a\nSource: https://e.com", /front matter/],
    ["unclosed front matter", "---\ntitle: x\n# T", /never closed/],
    ["NUL bytes", "Title\n\u0000\nKey Points\n- a\nSource: https://e.com", /NUL/],
  ])("%s", (_name, text, expected) => {
    expect(reason(text)).toMatch(expected);
  });

  it("names invalid UTF-8", () => {
    expect(reason(new Uint8Array([0x54, 0x69, 0xff, 0xfe, 0x0a]))).toMatch(/not UTF-8/);
  });

  it("names a missing title", () => {
    expect(reason("---\ndate: 2025-01-01\n---\n## Key Points\n- a point\n## Source\nSource: https://e.com/x")).toMatch(/no title/);
  });
});

describe("what is extracted from an article", () => {
  it("finds the companies and the deal with its amount and kind", () => {
    const article = parsed(markdownArticle({
      title: "Microsoft Agrees to Acquire Activision Blizzard for $68.7 Billion",
      keyPoints: ["Microsoft will pay $95 a share in cash for Activision Blizzard.", "Regulators in the UK and US are reviewing the deal."],
    }));
    expect(article.companies.slice(0, 2)).toEqual(["Microsoft", "Activision Blizzard"]);
    expect(article.deals).toEqual([{ parties: ["Microsoft", "Activision Blizzard"], amount: { value: 68.7e9, currency: "USD", text: "$68.7 Billion" }, kind: "acquisition" }]);
  });

  it("reads a stake as an investment and a capacity purchase as a compute contract", () => {
    expect(parsed(markdownArticle({ title: "Nvidia Takes a $5 Billion Stake in Intel" })).deals[0]?.kind).toBe("investment");
    expect(parsed(markdownArticle({ title: "OpenAI Signs $38 Billion Cloud Compute Contract With AWS" })).deals[0]).toMatchObject({ kind: "compute", parties: ["OpenAI", "Amazon"] });
  });

  it("finds no deal in rulings, fines, layoffs and launches", () => {
    for (const title of [
      "Judge Rules Google Illegally Maintained a Search Monopoly",
      "EU Fines Apple €1.8 Billion Over Music Streaming",
      "Amazon Cuts 14,000 Corporate Jobs",
      "Nvidia Unveils Blackwell GPUs at GTC",
    ]) {
      expect(parsed(markdownArticle({ title, keyPoints: ["A fact about the news in question."] })).deals).toEqual([]);
    }
  });

  it("names a party that is not in the company table when title and body both name it", () => {
    const article = parsed(markdownArticle({
      title: "Zentrix Buys Quorra Labs for $300 Million",
      keyPoints: ["The buyer, Zentrix, will fold Quorra Labs into its cloud unit.", "Quorra Labs has 80 staff."],
      summary: "The company Zentrix is buying the analytics startup Quorra Labs.",
    }));
    expect(article.deals[0]?.parties).toEqual(["Zentrix", "Quorra Labs"]);
  });

  it("reads a bought company as an acquisition even when the buyer also buys chips", () => {
    const article = parsed(markdownArticle({ title: "SoftBank to Buy Server-Chip Designer Ampere Computing for $6.5 Billion", summary: "The deal gives SoftBank the chip designer Ampere Computing.", keyPoints: ["SoftBank will pay $6.5 billion in cash for Ampere Computing."] }));
    expect(article.deals[0]).toMatchObject({ kind: "acquisition", parties: ["SoftBank", "Ampere Computing"] });
  });

  it("does not mistake X-energy for X, nor a stock sell-off for a sale", () => {
    expect(parsed(markdownArticle({ title: "Amazon Bets on X-energy's Small Modular Reactors", keyPoints: ["Amazon led a $500 million round in X-energy."] })).deals[0]?.parties).toEqual(["Amazon", "X-energy"]);
    expect(parsed(markdownArticle({ title: "DeepSeek's R1 Model Wipes Nearly $590 Billion Off Nvidia", summary: "A sell-off hit chip stocks." })).deals).toEqual([]);
  });
});


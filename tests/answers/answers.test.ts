import { describe, expect, it } from "vitest";
import { ask } from "../../src/answers/ask.js";
import { UserFacingError } from "../../src/answers/answer.js";
import { deal, readDealQuery } from "../../src/answers/deal.js";
import { latest } from "../../src/answers/latest.js";
import { summary } from "../../src/answers/summary.js";
import { parseArticleText } from "../../src/articles/parse.js";
import { NewsIndex } from "../../src/search/newsIndex.js";
import { markdownArticle, parsedArticle } from "../helpers/articles.js";
import { bundledIndex } from "../helpers/corpus.js";
import { renderAnswer } from "../../src/render/answer.js";

const index = await bundledIndex();

describe("ask", () => {
  it("answers with the matching article and the key point that answers, not the first one", () => {
    const answer = ask(index, "who is supplying the GPUs for OpenAI's Amazon deal?");
    expect(answer.results[0]?.article.id).toBe("openai-aws-compute-38bn");
    expect(answer.results[0]?.keyPoints[0]).toMatch(/Nvidia (GPUs|GB200)/);
    expect(answer.results[0]?.matchedKeyPoints).toBeGreaterThan(0);
  });

  it("finds an article written with another name of the company", () => {
    expect(ask(index, "Alphabet cybersecurity purchase").results[0]?.article.id).toBe("google-wiz-acquisition-32bn");
    expect(ask(index, "Facebook stake in Scale AI").results[0]?.article.id).toBe("meta-scale-ai-49pct-stake-14bn");
  });

  it("forgives misspelt company names and says how it read them", () => {
    const answer = ask(index, "Antropic series F valuation");
    expect(answer.results[0]?.article.id).toBe("anthropic-series-f-13bn-183bn-valuation");
    expect(answer.suggestion).toBe("Anthropic series F valuation");
  });

  it("treats every way of writing an amount alike", () => {
    for (const amount of ["$38bn", "38 billion dollars", "$38B"]) {
      expect(ask(index, `the ${amount} cloud contract`).results[0]?.article.id).toBe("openai-aws-compute-38bn");
    }
  });

  it("leaves out the company a question excludes, from every result", () => {
    const partiesOf = (result: { article: { deals: Array<{ parties: string[] }> } }) => result.article.deals.flatMap((d) => d.parties);
    // Asked plainly, a deal with Microsoft is among the answers...
    expect(ask(index, "Who is OpenAI buying cloud compute from?").results.some((result) => partiesOf(result).includes("Microsoft"))).toBe(true);
    // ...and "besides Microsoft" leaves every such deal out, not only from the first answer.
    const answer = ask(index, "Who is OpenAI buying cloud compute from besides Microsoft?");
    expect(answer.results.length).toBeGreaterThan(1);
    for (const result of answer.results) expect(partiesOf(result), result.article.id).not.toContain("Microsoft");
    expect(answer.results[0]?.article.companies).toContain("OpenAI");
  });

  it("leads with the key point holding what the question asks for", () => {
    const answer = ask(index, "what did Intel get from the US government?");
    expect(answer.results[0]?.article.id).toBe("us-government-intel-10pct-stake-chips-act");
    expect(answer.results[0]?.keyPoints[0]).toMatch(/433\.3 million newly issued Intel shares at \$20\.47/);
    expect(ask(index, "how big a stake did nvidia take in intel").results[0]?.article.id).toBe("nvidia-intel-5bn-stake-chip-partnership");
  });

  it("answers a nickname with its company, not with a company sharing a word", () => {
    expect(ask(index, "what did the windows maker pay for the call of duty publisher").results[0]?.article.id).toBe("microsoft-activision-blizzard-69bn-acquisition-completed");
    expect(ask(index, "how many roles is the redmond company cutting").results[0]?.article.id).toBe("microsoft-layoffs-9000-jobs-july-2025");
  });

  it("answers nothing rather than guessing when no article matches", () => {
    expect(ask(index, "zebra xylophone quidditch").results).toEqual([]);
  });

  it("explains an empty question", () => {
    expect(() => ask(index, "  ?! ")).toThrow(UserFacingError);
  });
});

describe("deal", () => {
  it("reads a company named alone, by ticker or misspelt, as a request for its deals, and other words as a topic", () => {
    expect(readDealQuery(index, "nvda deals")).toMatchObject({ companies: ["Nvidia"], topic: [] });
    expect(readDealQuery(index, "Mircosoft")).toMatchObject({ companies: ["Microsoft"], topic: [] });
    expect(readDealQuery(index, "Nvidia Intel stake").topic).not.toEqual([]);
  });

  it("lists every deal of a company named alone, newest first, before its non-deal news", () => {
    const answer = deal(index, "Microsoft", 25);
    const kinds = answer.deals.map((d) => (d.deal ? "deal" : "news"));
    expect(kinds.indexOf("news")).toBeGreaterThan(kinds.lastIndexOf("deal"));
    const ids = answer.deals.map((d) => d.article.id);
    expect(ids).toEqual(expect.arrayContaining(["microsoft-activision-blizzard-69bn-acquisition-completed", "microsoft-nebius-17bn-gpu-capacity-deal", "microsoft-inflection-ai-650m-license-suleyman-hire"]));
    expect(ids).toContain("microsoft-layoffs-9000-jobs-july-2025");
    const asParty = answer.deals.filter((d) => d.deal?.parties.includes("Microsoft"));
    expect(answer.deals.slice(0, asParty.length)).toEqual(asParty); // deals where it is a party come first...
    const dates = asParty.map((d) => d.article.date).filter((d): d is string => d !== null);
    expect(dates).toEqual([...dates].sort().reverse()); // ...newest first
  });

  it("gives parties, amount and kind", () => {
    const first = deal(index, "Nvidia Intel stake").deals[0];
    expect(first?.article.id).toBe("nvidia-intel-5bn-stake-chip-partnership");
    expect(first?.deal).toEqual({ parties: ["Nvidia", "Intel"], amount: { value: 5e9, currency: "USD", text: "$5 Billion" }, kind: "investment" });
  });

  it("lists a company's own deals before deals that only mention it, and marks those", () => {
    const answer = deal(index, "Nvidia", 25);
    const mentioning = answer.deals.filter((d) => d.deal && d.mentions.length > 0);
    expect(mentioning.map((d) => d.article.id)).toContain("openai-aws-compute-38bn");
    for (const line of mentioning) {
      expect(line.deal?.parties).not.toContain("Nvidia");
      expect(line.mentions).toEqual(["Nvidia"]);
    }
    const own = answer.deals.filter((d) => d.deal?.parties.includes("Nvidia"));
    expect(own.every((d) => d.mentions.length === 0)).toBe(true);
    expect(answer.deals.slice(0, own.length)).toEqual(own);
    expect(renderAnswer(answer, { page: 1 }).message.embeds.some((embed) => embed.description?.startsWith("**Mentions Nvidia** (not a party to this deal)"))).toBe(true);
  });

  it("lists, after a company's own deals, deals that name it in passing, marked as mentioning it", () => {
    const articles = [
      parsedArticle("round", { title: "Nvidia Invests $400 Million in Cohere", keyPoints: ["Nvidia led a $400 million round in Cohere.", "Sequoia Capital also joined the round."] }),
      parsedArticle("own", { title: "Sequoia Capital Invests $50 Million in Oxide", keyPoints: ["Sequoia Capital put $50 million into Oxide."] }),
    ];
    const answer = deal(new NewsIndex(articles), "sequoia capital");
    expect(answer.deals.map((line) => [line.article.id, line.mentions])).toEqual([["own", []], ["round", ["Sequoia"]]]);
  });

  it("leads each deal with the key point that states it", () => {
    const line = deal(index, "Nvidia").deals.find((d) => d.article.id === "anthropic-microsoft-nvidia-azure-partnership");
    expect(line?.keyPoints[0]).toMatch(/Microsoft will invest up to \$5 billion and Nvidia up to \$10 billion in Anthropic/);
  });

  it("answers a company's ticker, and lists a period's deals first", () => {
    expect(deal(index, "nvda").companies).toEqual(["Nvidia"]);
    const dates = deal(index, "nvidia deals in 2024").deals.map((d) => d.article.date);
    expect(dates[0]?.startsWith("2024")).toBe(true);
  });

  it("ranks a topic's deals by relevance", () => {
    expect(deal(index, "AWS compute deal").deals[0]?.article.id).toBe("openai-aws-compute-38bn");
  });
});

describe("summary", () => {
  it("gives one article and the next best as alternatives", () => {
    const answer = summary(index, "AWS compute deal");
    expect(answer.article?.id).toBe("openai-aws-compute-38bn");
    expect(answer.alternatives.length).toBeGreaterThan(0);
    expect(answer.alternatives.map((a) => a.id)).not.toContain("openai-aws-compute-38bn");
  });

  it("opens an article by its id", () => {
    expect(summary(index, "google-wiz-acquisition-32bn").article?.id).toBe("google-wiz-acquisition-32bn");
  });
});

describe("latest", () => {
  it("lists at most 25 of our corpus's articles, newest first", () => {
    const articles = latest(index, 100).articles;
    expect(articles).toHaveLength(25);
    const dates = articles.map((a) => a.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("puts undated articles (plain-text files have no date) after every dated one, in id order", () => {
    const dated = (id: string, date: string) => {
      const result = parseArticleText(markdownArticle({ title: `Story ${id}`, date }), id);
      if (!result.ok) throw new Error(result.reason);
      return result.article;
    };
    const undated = (id: string) => ({ ...dated(id, "2000-01-01"), date: null });
    const mixed = new NewsIndex([undated("b-undated"), dated("old", "2023-01-01"), undated("a-undated"), dated("new", "2025-06-01"), dated("mid", "2024-03-01")]);
    expect(latest(mixed, 25).articles.map((a) => a.id)).toEqual(["new", "mid", "old", "a-undated", "b-undated"]);
    expect(latest(mixed, 2).articles.map((a) => a.id)).toEqual(["new", "mid"]);
  });

  it("follows changes to the index", () => {
    const small = new NewsIndex();
    const result = parseArticleText(markdownArticle({ date: "2030-01-01" }), "future");
    if (!result.ok) throw new Error(result.reason);
    small.add(result.article);
    expect(latest(small).articles.map((a) => a.id)).toEqual(["future"]);
    small.remove("future");
    expect(latest(small).articles).toEqual([]);
  });
});

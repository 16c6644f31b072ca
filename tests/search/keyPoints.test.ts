import { answerTypeOf, type AnswerType } from "../../src/search/answerType.js";
import { describe, expect, it } from "vitest";
import { ANSWER_TYPE_BOOST, KeyPointIndex, pointTermsOf } from "../../src/search/keyPoints.js";
import { terms, tokenize } from "../../src/search/text.js";
import { parsedArticle } from "../helpers/articles.js";

const article = parsedArticle("gpu", {
  title: "OpenAI Signs a $38 Billion Compute Deal With Amazon",
  keyPoints: [
    "OpenAI and Amazon signed the deal on Monday.",
    "Nvidia supplies the GPUs for the Amazon clusters.",
    "The Amazon contract is worth $38 billion over seven years.",
  ],
});
const other = parsedArticle("other", { keyPoints: ["Intel makes chips.", "GPUs are scarce this year."] });
const tokensOf = (a: typeof article) => a.keyPoints.map((point) => tokenize(point));

function indexOf(...articles: Array<typeof article>): KeyPointIndex {
  const index = new KeyPointIndex();
  for (const a of articles) index.add(a.id, pointTermsOf(a, tokensOf(a)));
  return index;
}

/** An article's key points ranked for a question, as a search ranks them (the kind of fact asked for, even unworded). */
function rankedFor(a: typeof article, question: string) {
  const asked = [...new Set(terms(question))];
  const wants = answerTypeOf(question);
  return indexOf(a, other).score(a, asked, asked, wants, new Map(), wants);
}

describe("the key point index", () => {
  it("ranks the key point that answers first, not the one naming the article's own parties", () => {
    const asked = [...new Set(terms("who supplies the GPUs for OpenAI's Amazon deal"))];
    const ranked = indexOf(article, other).score(article, asked, asked, { kind: "name", role: null }, new Map());
    expect(ranked[0]!.index).toBe(1);
  });

  it("counts a word of the article's context as less than a word in the score and in the count of words found", () => {
    const lawsuit = parsedArticle("lawsuit", {
      title: "The Regulator Sues Zeta Over Its Marketplace",
      keyPoints: ["The regulator and ten states sued Zeta in a case over its fees.", "The regulator's chair has led the case since 2021.", "A judge later scheduled the trial for February 2027."],
    });
    // "Case" is a common word of key points, "trial" a rarer one: the rarer word in the key point decides.
    const cases = parsedArticle("cases", { keyPoints: ["The case was dismissed.", "A second case followed in May.", "The case cost millions."] });
    const question = "when does the regulator zeta case go to trial";
    const asked = [...new Set(terms(question))];
    const ranked = indexOf(lawsuit, other, cases).score(lawsuit, asked, asked, answerTypeOf(question), new Map());
    expect(ranked[0]!.index).toBe(2);
  });

  it("ranks a key point holding the kind of fact asked for higher", () => {
    const index = indexOf(article);
    const money: AnswerType = { kind: "money" };
    const rankOf = (wants: AnswerType) => index.score(article, ["amazon"], ["amazon"], wants, new Map()).find((p) => p.index === 2)!;
    expect(rankOf(money).rank).toBeCloseTo(rankOf(null).rank * ANSWER_TYPE_BOOST);
    expect(rankOf(money).score).toBe(rankOf(null).score);
  });

  it("puts a key point holding the specific fact asked for before one that only repeats the article's title", () => {
    const merger = parsedArticle("merger", {
      title: "Zeta Agrees to Buy Omega",
      keyPoints: ["Zeta and Omega announced the agreement on Monday in Zeta's home town.", "Completion is expected by the end of 2027."],
    });
    expect(rankedFor(merger, "when will zeta and omega be done").map((p) => p.index)).toEqual([1, 0]);
  });

  it("answers a question of the article's subject and the fact's own word with the key point holding the fact", () => {
    const sale = parsedArticle("sale", {
      title: "Zeta Agrees to Buy Omega",
      keyPoints: ["Zeta agreed on Monday to acquire Omega, the software maker.", "Terms were not disclosed, though people familiar put it near $2.4 billion."],
    });
    expect(answerTypeOf("zeta omega cost")).toEqual({ kind: "money" });
    expect(rankedFor(sale, "zeta omega cost")[0]!.index).toBe(1);
  });

  it("takes a boss or a nickname named for the company as the article's subject, so the fact alone answers", () => {
    const sale = parsedArticle("boss", {
      title: "Qualcomm Buys Zeta",
      keyPoints: ["Qualcomm announced on Monday that it had bought the chip designer Zeta.", "Reports put the price near $700 million."],
    });
    expect(rankedFor(sale, "what did cristiano amon pay for zeta")[0]!.index).toBe(1);
    const redmond = parsedArticle("redmond", {
      title: "Microsoft Buys Zeta",
      keyPoints: ["Microsoft announced on Monday that it had bought the game studio Zeta.", "Reports put the price near $900 million."],
    });
    expect(rankedFor(redmond, "what did redmond pay for zeta")[0]!.index).toBe(1);
  });

  it("matches a question's word by prefix and by typo, below an exact match", () => {
    const index = indexOf(article, other);
    const exact = index.score(article, ["nvidia"], ["nvidia"], null, new Map())[0]!;
    const typo = index.score(article, ["nvidia"], ["nvidai"], null, new Map())[0]!;
    expect(typo.index).toBe(exact.index);
    expect(typo.score).toBeLessThan(exact.score);
  });

  it("saves and restores to the same scores, and forgets a removed article", () => {
    const index = indexOf(article, other);
    const asked = ["gpu", "amazon"];
    const restored = KeyPointIndex.restore(index.image());
    expect(restored.score(article, asked, asked, null, new Map())).toEqual(index.score(article, asked, asked, null, new Map()));
    index.remove("gpu");
    expect(index.score(article, asked, asked, null, new Map())).toEqual([]);
    expect(index.image().points.count).toBe(other.keyPoints.length);
  });
});

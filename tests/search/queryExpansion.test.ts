import { describe, expect, it } from "vitest";
import { QueryExpander, type SpellingSource } from "../../src/search/queryExpansion.js";
import { processTerm } from "../../src/search/text.js";

/** A corpus holding these words, each in as many articles as it is listed times; or one holding every word (true) or none (false). */
function corpus(holds: boolean | string[]): SpellingSource {
  if (typeof holds === "boolean") return { occurs: () => holds, nearTerms: () => [], documentFrequency: () => (holds ? 1 : 0) };
  const counts = new Map<string, number>();
  for (const word of holds) {
    const term = processTerm(word)!;
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return { occurs: (term) => counts.has(term), nearTerms: () => [...counts.keys()], documentFrequency: (term) => counts.get(term) ?? 0 };
}

describe("query expansion", () => {
  it("adds the company a misspelt word stands for, when the corpus does not hold the word", () => {
    const expander = new QueryExpander(corpus(false));
    const { text, corrections } = expander.expand("Antropic funding round");
    expect(corrections.get("Antropic")).toBeDefined();
    expect(text.toLowerCase()).toContain("anthropic");
  });

  it("leaves a word the corpus holds as it is", () => {
    const expander = new QueryExpander(corpus(true));
    expect(expander.expand("Antropic funding").corrections.size).toBe(0);
  });

  it("adds the other names of a place", () => {
    expect(new QueryExpander(corpus(true)).expand("British chip plants").text).toMatch(/\buk\b/i);
    expect(new QueryExpander(corpus(true)).expand("the swiss chip startup").text).toMatch(/\bswitzerland\b/i);
  });

  it("adds the cities of a region, but not a region or a country to a city", () => {
    expect(new QueryExpander(corpus(true)).expand("bavaria chip plant").text).toMatch(/\bmunich\b/i);
    expect(new QueryExpander(corpus(true)).expand("munich chip plant").text).not.toMatch(/bavaria|germany/i);
  });

  it("keeps recent expansions until told the corpus changed", () => {
    let holds = false;
    const expander = new QueryExpander({ occurs: () => holds, nearTerms: () => [], documentFrequency: () => 0 });
    expect(expander.expand("Antropic").corrections.size).toBe(1);
    holds = true;
    expect(expander.expand("Antropic").corrections.size).toBe(1);
    expander.clear();
    expect(expander.expand("Antropic").corrections.size).toBe(0);
  });
});

describe("respelling a question's typos", () => {
  const news = corpus(["started", "started", "founded", "march", "march", "check", "building", "graphics", "divest", "claude", "start"]);

  it("replaces a word the corpus does not hold by the corpus's nearest word, written out", () => {
    const expander = new QueryExpander(news);
    expect(expander.expand("anthropic round in marh 2024").respelt).toBe("anthropic round in march 2024");
    expect(expander.expand("where is apple buiding servers").respelt).toBe("where is apple building servers");
    // Swapped neighbours are one typo.
    expect(expander.expand("the graphcis chip maker").respelt).toBe("the graphics chip maker");
  });

  it("searches the corrected words: the expanded text reads as if typed right", () => {
    const expander = new QueryExpander(news);
    expect(expander.expand("what does doj want google to diveest").text).toContain("divest");
    expect(expander.expand("what does doj want google to diveest").text).not.toContain("diveest");
  });

  it("leaves English words, names and the words chat uses alone, though the corpus lacks them", () => {
    const expander = new QueryExpander(corpus(["slide", "caper", "jersey", "starts"]));
    expect(expander.expand("what slice of the profits").respelt).toBe("what slice of the profits");
    expect(expander.expand("amazon capex this year").respelt).toBe("amazon capex this year");
    expect(expander.expand("what did jassy say").respelt).toBe("what did jassy say");
    expect(expander.expand("nvda deals").respelt).toBe("nvda deals");
  });

  it("leaves a word with no near spelling in the corpus, words of three letters or fewer, and words the corpus holds", () => {
    const expander = new QueryExpander(news);
    expect(expander.expand("who startted confluent").respelt).toBe("who startted confluent"); // stems to "start", which it holds
    expect(expander.expand("zzyzx merger").respelt).toBe("zzyzx merger");
    expect(expander.expand("chk the deal").respelt).toBe("chk the deal");
  });

  it("leaves a misspelt company to the company correction, which a user is offered as 'did you mean'", () => {
    const expanded = new QueryExpander(news).expand("antropic funding");
    expect(expanded.respelt).toBe("antropic funding");
    expect(expanded.corrections.get("antropic")).toBe("anthropic");
    expect(new QueryExpander(news).expand("how many companies pay for cladue").corrections.get("cladue")).toBe("claude");
    // Four letters are enough for a company's name, when the word is not English: "gorq" is Groq, "meat" is meat.
    expect(new QueryExpander(news).expand("nvidia gorq deal").corrections.get("gorq")).toBe("groq");
    expect(new QueryExpander(news).expand("meat prices").corrections.size).toBe(0);
  });

  it("reads a three-letter word as a four-letter name with a letter left out, when only one name is so", () => {
    expect(new QueryExpander(news).expand("goq").corrections.get("goq")).toBe("groq");
    expect(new QueryExpander(news).expand("nvd stake").corrections.get("nvd")).toBe("nvda");
    expect(new QueryExpander(news).expand("the ceo of xyz").corrections.size).toBe(0);
  });

  it("respells a typo of a synonym group's word as that word, though the corpus holds the group by its first word", () => {
    const expander = new QueryExpander(corpus(["pact", "pact", "delay", "talen"]));
    expect(expander.expand("when does the talen power agreeemnt end").respelt).toBe("when does the talen power agreement end");
    expect(expander.expand("was it postpnoed").respelt).toBe("was it postponed");
  });

  it("reads the most frequent of equally near words", () => {
    const expander = new QueryExpander(corpus(["stake", "stake", "stake", "state"]));
    expect(expander.expand("nvidia stae in intel").respelt).toBe("nvidia stake in intel");
  });
});

describe("words written apart or together", () => {
  const news = corpus(["octoai", "octoai", "ai", "sb", "1047", "gpt", "5", "led", "whole", "sell"]);

  it("joins two words the corpus holds as one, when it does not hold both apart", () => {
    const expander = new QueryExpander(news);
    expect(expander.respell("how much did octo ai raise")).toBe("how much did octoai raise");
    expect(expander.respell("who bought octo ai?")).toBe("who bought octoai?");
    expect(expander.respell("octo, ai")).toBe("octo, ai");
    // Stop words are not parts: "who led" is not "wholed", "sell off" not "selloff".
    expect(expander.respell("who led the round")).toBe("who led the round");
    expect(expander.respell("what did they sell off")).toBe("what did they sell off");
  });

  it("splits letters and digits the corpus holds apart, when it does not hold them together", () => {
    const expander = new QueryExpander(news);
    expect(expander.respell("did anthropic back sb1047")).toBe("did anthropic back sb 1047");
    expect(expander.respell("gpt5 launch")).toBe("gpt 5 launch");
    expect(expander.respell("h100 supply")).toBe("h100 supply");
  });
});

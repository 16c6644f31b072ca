import { describe, expect, it } from "vitest";
import { QueryExpander } from "../../src/search/queryExpansion.js";

describe("query expansion", () => {
  it("adds the company a misspelt word stands for, when the corpus does not hold the word", () => {
    const expander = new QueryExpander(() => false);
    const { text, corrections } = expander.expand("Antropic funding round");
    expect(corrections.get("Antropic")).toBeDefined();
    expect(text.toLowerCase()).toContain("anthropic");
  });

  it("leaves a word the corpus holds as it is", () => {
    const expander = new QueryExpander(() => true);
    expect(expander.expand("Antropic funding").corrections.size).toBe(0);
  });

  it("adds the other names of a place", () => {
    expect(new QueryExpander(() => true).expand("British chip plants").text).toMatch(/\buk\b/i);
    expect(new QueryExpander(() => true).expand("the swiss chip startup").text).toMatch(/\bswitzerland\b/i);
  });

  it("adds the cities of a region, but not a region or a country to a city", () => {
    expect(new QueryExpander(() => true).expand("bavaria chip plant").text).toMatch(/\bmunich\b/i);
    expect(new QueryExpander(() => true).expand("munich chip plant").text).not.toMatch(/bavaria|germany/i);
  });

  it("keeps recent expansions until told the corpus changed", () => {
    let holds = false;
    const expander = new QueryExpander(() => holds);
    expect(expander.expand("Antropic").corrections.size).toBe(1);
    holds = true;
    expect(expander.expand("Antropic").corrections.size).toBe(1);
    expander.clear();
    expect(expander.expand("Antropic").corrections.size).toBe(0);
  });
});

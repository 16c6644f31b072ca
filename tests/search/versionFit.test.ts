import { describe, expect, it } from "vitest";
import { versionFit, versionsAsked, VERSION_FIT_WEIGHT } from "../../src/search/versionFit.js";
import { parsedArticle } from "../helpers/articles.js";

describe("product versions asked about", () => {
  it("reads a product name followed by its version, not a sum, a count or a date", () => {
    expect(versionsAsked("llama 4 benchmark scores")).toEqual([{ name: "llama", number: "4" }]);
    expect(versionsAsked("gemini 2.5 pro pricing")).toEqual([{ name: "gemini", number: "2.5" }]);
    expect(versionsAsked("nvidia 5 trillion valuation")).toEqual([]);
    expect(versionsAsked("amd 6 gigawatts of gpus")).toEqual([]);
    expect(versionsAsked("top 3 chipmakers")).toEqual([]);
    expect(versionsAsked("layoffs in march 2023")).toEqual([]);
  });

  it("counts an article naming that exact version higher, not one naming another", () => {
    const asked = versionsAsked("llama 4 benchmark scores");
    const four = parsedArticle("four", { title: "Meta Ships Llama 4 Scout and Maverick", keyPoints: ["The models ship today."] });
    const three = parsedArticle("three", { title: "Meta Ships Llama 3.1", keyPoints: ["It scored 4 points higher.", "Llama 3 came first."] });
    const named = parsedArticle("named", { title: "Meta Releases New Models", keyPoints: ["Llama Scout 4 reads images."] });
    expect(versionFit(four, asked)).toBeCloseTo(1 + VERSION_FIT_WEIGHT);
    expect(versionFit(named, asked)).toBeCloseTo(1 + VERSION_FIT_WEIGHT);
    expect(versionFit(three, asked)).toBe(1);
  });
});

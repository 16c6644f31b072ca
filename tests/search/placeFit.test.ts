import { describe, expect, it } from "vitest";
import { placeFit, PLACE_FIT_WEIGHT, sitesAsked } from "../../src/search/placeFit.js";
import { namingPlaces, placeForms, placesAsked } from "../../src/search/places.js";
import { terms } from "../../src/search/text.js";
import { parsedArticle } from "../helpers/articles.js";

describe("the sites a question names", () => {
  it("reads regions, their cities and US states, not countries", () => {
    expect(placesAsked(terms("the bavaria fab in munich"))).toEqual(terms("bavaria munich"));
    expect(placesAsked(terms("the oregon campus"))).toEqual(terms("oregon"));
    expect(placesAsked(terms("chinese buyers of british chips"))).toEqual([]);
  });

  it("counts the story of the site asked about higher than a like one elsewhere", () => {
    const munich = parsedArticle("munich", { title: "Zentrica Opens a Chip Plant", keyPoints: ["The plant near Munich starts in 2026."] });
    const oregon = parsedArticle("oregon", { title: "Zentrica Opens a Chip Plant in Oregon", keyPoints: ["The plant starts in 2026."] });
    expect(placeFit(munich, sitesAsked("when does the zentrica bavaria plant start"))).toBeCloseTo(1 + PLACE_FIT_WEIGHT);
    expect(placeFit(oregon, sitesAsked("when does the zentrica bavaria plant start"))).toBe(1);
    expect(placeFit(oregon, sitesAsked("when does the zentrica plant start"))).toBe(1);
  });
});

describe("places as chat calls them", () => {
  it("searches a country in all its forms, but reads no country into a word of a two-word name", () => {
    const [british, unit, kingdom, state] = terms("british unit kingdom state");
    expect(placeForms(british!)).toEqual(expect.arrayContaining(terms("uk britain united kingdom")));
    expect(placeForms(unit!)).toEqual([]); // "samsung's semiconductor unit" is not the US or the UK
    expect(placeForms(kingdom!)).toEqual([]);
    expect(placeForms(state!)).toEqual([]); // "which state"
    expect(terms(namingPlaces("jobs in the united states"))).toEqual(expect.arrayContaining(terms("america")));
  });

  it("reads a state by its nickname or its postal code, but not a code that is a word", () => {
    expect(namingPlaces("the lone star state plant")).toBe("Texas plant");
    expect(namingPlaces("which county gets the amzn nc data centers")).toBe("which county gets the amzn North Carolina data centers");
    expect(namingPlaces("is it in or me")).toBe("is it in or me");
  });
});


import type { Article } from "../articles/article.js";
import { placeForms, placesAsked } from "./places.js";
import { processTerm, terms } from "./text.js";

/**
 * How much more an article counts when its title or key points name the sites a question names (regions,
 * states, cities): of two like stories, "when does the tsmc dresden plant start" is the Dresden fab's, not
 * the Arizona one's. A region counts by its cities ("saxony": Dresden).
 */
export const PLACE_FIT_WEIGHT = 0.1;

/** The last question's places, with the terms that name each: the fit is asked once per candidate article. */
let last: { text: string; places: Array<Set<string>> } = { text: "", places: [] };

function placesOf(text: string): Array<Set<string>> {
  if (last.text !== text) last = { text, places: placesAsked(terms(text)).map((place) => new Set([place, ...placeForms(place)])) };
  return last.places;
}

/** 1 + PLACE_FIT_WEIGHT times the share of the question's places (`text`: the question as searched) the article names. */
export function placeFit(article: Article, text: string): number {
  const places = placesOf(text);
  if (places.length === 0) return 1;
  const named = new Set<string>();
  for (const word of `${article.title} ${article.keyPoints.join(" ")}`.split(/[^\p{L}\p{N}]+/u)) {
    const term = word && processTerm(word);
    if (term) named.add(term);
  }
  const found = places.filter((forms) => [...forms].some((form) => named.has(form))).length;
  return 1 + (PLACE_FIT_WEIGHT * found) / places.length;
}

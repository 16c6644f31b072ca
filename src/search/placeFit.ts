import type { Article } from "../articles/article.js";
import { placeForms, placesAsked } from "./places.js";
import { processTerm, terms } from "./text.js";

/**
 * How much more an article counts when its title or key points name the sites a question names (regions,
 * states, cities): of two like stories, "when does the tsmc dresden plant start" is the Dresden fab's, not
 * the Arizona one's. A region counts by its cities ("saxony": Dresden).
 */
export const PLACE_FIT_WEIGHT = 0.2;

/** The sites a question (as searched) names, each with the terms that name it: worked out once per question. */
export function sitesAsked(text: string): Array<Set<string>> {
  return placesAsked(terms(text)).map((place) => new Set([place, ...placeForms(place)]));
}

/** 1 + PLACE_FIT_WEIGHT times the share of the question's sites (`sitesAsked`) the article names. */
export function placeFit(article: Article, sites: Array<Set<string>>): number {
  if (sites.length === 0) return 1;
  const named = new Set<string>();
  for (const word of `${article.title} ${article.keyPoints.join(" ")}`.split(/[^\p{L}\p{N}]+/u)) {
    const term = word && processTerm(word);
    if (term) named.add(term);
  }
  const found = sites.filter((forms) => [...forms].some((form) => named.has(form))).length;
  return 1 + (PLACE_FIT_WEIGHT * found) / sites.length;
}

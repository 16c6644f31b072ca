import type { Article, Deal } from "../articles/article.js";
import { namesOf } from "../extract/companies.js";
import { dealKindOf } from "../extract/deals.js";

/** A key point states the deal when it scores at least this: a sum and a party, or two parties and the deal's kind. */
const STATES_THE_DEAL = 3;

/** Every name of a company, lower case (kept: a /deal answer asks for the same parties again and again). */
const names = new Map<string, string[]>();
function lowerNamesOf(company: string): string[] {
  let found = names.get(company);
  if (!found) names.set(company, (found = [company.toLowerCase(), ...namesOf(company)]));
  return found;
}

/** How fully a key point states the deal: its parties, its sum (or any sum), its kind. Plain string tests: this runs for every line of an answer. */
function dealStatement(point: string, deal: Deal): number {
  const lower = point.toLowerCase();
  const parties = deal.parties.filter((party) => lowerNamesOf(party).some((name) => lower.includes(name))).length;
  const amount = deal.amount && point.includes(deal.amount.text) ? 2 : ANY_SUM.test(point) ? 1 : 0;
  if (parties + amount < STATES_THE_DEAL - 1) return parties + amount;
  return parties + amount + (dealKindOf(point) === deal.kind ? 1 : 0);
}

const ANY_SUM = /[$€£¥]\s?\d|\d\s?(billion|million|bn)\b/i;

/**
 * Key points for a line of a /deal answer: the one that states the deal (parties, sum, what changes
 * hands) first, then the others in the order given (best match of the question first).
 */
export function dealPointsFirst(article: Article, deal: Deal | null, keyPoints: string[]): string[] {
  if (!deal) return keyPoints;
  let best: { point: string; score: number } | null = null;
  for (const point of article.keyPoints) {
    const score = dealStatement(point, deal);
    if (!best || score > best.score) best = { point, score };
  }
  if (!best || best.score < STATES_THE_DEAL) return keyPoints;
  return [best.point, ...keyPoints.filter((point) => point !== best.point)];
}

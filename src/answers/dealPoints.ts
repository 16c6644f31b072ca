import type { Article, Deal } from "../articles/article.js";
import { findCompanies } from "../extract/companies.js";
import { dealKindOf } from "../extract/deals.js";
import { findMoney } from "../extract/money.js";

/** A key point states the deal when it scores at least this: a sum and a party, or two parties and the deal's kind. */
const STATES_THE_DEAL = 3;

/** How fully a key point states the deal: its parties, its sum (or any sum), its kind. */
function dealStatement(point: string, deal: Deal): number {
  const named = new Set(findCompanies(point).map((m) => m.name));
  const parties = deal.parties.filter((party) => named.has(party) || point.includes(party)).length;
  const sums = findMoney(point).filter((m) => m.explicit);
  const amount = deal.amount && sums.some((m) => m.value === deal.amount!.value && m.currency === deal.amount!.currency) ? 2 : sums.length > 0 ? 1 : 0;
  const kind = dealKindOf(point) === deal.kind ? 1 : 0;
  return parties + amount + kind;
}

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

import { UserFacingError } from "./answer.js";

/** Queries longer than this are cut: no question needs more, and scoring cost grows with length. */
export const MAX_QUERY_LENGTH = 300;

/** Trims and bounds a query; an empty one is the user's mistake, explained. */
export function cleanQuery(raw: string, what: string, example: string): string {
  const query = raw.replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH);
  if (!/[\p{L}\p{N}]/u.test(query)) throw new UserFacingError(`Please give ${what}, for example: ${example}`);
  return query;
}

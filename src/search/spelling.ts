import { companyAliases } from "../extract/companies.js";

/** Optimal string alignment distance (Levenshtein plus swapped neighbours: "Oracel" -> "Oracle" is 1). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

/** How many typos a word of this length may carry and still be recognised: none below 4 letters. */
export function allowedTypos(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/**
 * The company a misspelt word most likely names ("antropic" -> "anthropic", "nvidea" -> "nvidia",
 * "micosoft" -> "microsoft"), as the alias it resembles, or null when no name is close enough.
 */
export function correctCompanyWord(word: string): string | null {
  const lower = word.toLowerCase();
  if (companyAliases().has(lower)) return null;
  const budget = allowedTypos(lower.length);
  if (budget === 0) return null;
  let best: { alias: string; distance: number } | null = null;
  for (const alias of companyAliases().keys()) {
    if (alias.includes(" ") || alias.length < 4) continue;
    const distance = editDistance(lower, alias, budget);
    if (distance <= budget && (!best || distance < best.distance)) best = { alias, distance };
  }
  return best?.alias ?? null;
}

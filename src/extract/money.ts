import type { Money } from "../articles/article.js";

/** A sum of money found in a text, with where it stands. */
export interface MoneyMention extends Money {
  index: number;
  /** False for "160 million" with no currency: a count of shares or users as likely as money. */
  explicit: boolean;
}

/** Symbols, with the dollars of other countries by their prefixes: "A$124 billion" is Australian, not US, dollars. */
const SYMBOLS: Record<string, string> = {
  "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
  "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD", "s$": "SGD", "nz$": "NZD", "r$": "BRL", "nt$": "TWD",
};
const CODES: Record<string, string> = {
  usd: "USD", dollar: "USD", dollars: "USD", eur: "EUR", euro: "EUR", euros: "EUR", gbp: "GBP", pound: "GBP",
  pounds: "GBP", jpy: "JPY", yen: "JPY", cny: "CNY", yuan: "CNY", inr: "INR", rupees: "INR", won: "KRW", krw: "KRW",
  aud: "AUD", cad: "CAD", hkd: "HKD", sgd: "SGD", chf: "CHF", twd: "TWD",
};
const SCALES: Record<string, number> = {
  trillion: 1e12, tn: 1e12, t: 1e12, billion: 1e9, bn: 1e9, b: 1e9, bln: 1e9,
  million: 1e6, mn: 1e6, m: 1e6, mm: 1e6, mln: 1e6, thousand: 1e3, k: 1e3,
};

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
const SCALE = String.raw`(trillion|billion|million|thousand|bln|mln|bn|tn|mn|mm|[tbmk])`;
const CODE = String.raw`(usd|eur|gbp|jpy|cny|inr|krw|aud|cad|hkd|sgd|chf|twd)`;
// "15 trillion won" is Korean won; only after a sum is "won" a currency.
const WORD_CURRENCY = String.raw`(dollars?|euros?|pounds?|yen|yuan|rupees|won)`;

/** `$38 billion`, `US$38bn`, `€1.8B`, `USD 38 billion`, `38 billion dollars`, `38bn`, `$2.4 billion`. */
const MONEY = new RegExp(
  [
    // A "$" glued to letters is another country's dollar: known ones are read as theirs, unknown ones ("Z$") as no sum.
    String.raw`(?<![\p{L}\p{N}])(us\$|au?\$|ca?\$|hk\$|s\$|nz\$|r\$|nt\$|\$|€|£|¥|₹)\s?${NUMBER}(?:\s?-?${SCALE})?(?![\p{L}\p{N}])`,
    String.raw`${CODE}\s?${NUMBER}(?:\s?${SCALE})?(?![\p{L}\p{N}])`,
    String.raw`(?<![\p{L}\p{N}$€£¥.])${NUMBER}\s?${SCALE}(?:\s${WORD_CURRENCY}|\s?${CODE})?(?![\p{L}\p{N}])`,
  ].join("|"),
  "giu",
);

/** Every sum of money in `text`, in order. Bare numbers without a scale or currency are not money. */
const HAS_DIGIT = /\d/;

export function findMoney(text: string): MoneyMention[] {
  const found: MoneyMention[] = [];
  if (!HAS_DIGIT.test(text)) return found; // every sum has digits; most text has none
  for (const match of text.matchAll(MONEY)) {
    const [whole, symbol, n1, s1, code, n2, s2, n3, s3, word, code3] = match;
    const digits = n1 ?? n2 ?? n3;
    const scaleWord = (s1 ?? s2 ?? s3 ?? "").toLowerCase();
    const currency = symbol
      ? SYMBOLS[symbol.toLowerCase()]
      : code
        ? CODES[code.toLowerCase()]
        : word || code3
          ? CODES[(word ?? code3)!.toLowerCase()]
          : "USD";
    if (!digits || !currency) continue;
    // "38b" or "5m" alone are money only with a currency; "38bn", "38 billion" stand on their own.
    if (!symbol && !code && !word && !code3 && scaleWord.length === 1) continue;
    const value = Number(digits.replace(/,/g, "")) * (SCALES[scaleWord] ?? 1);
    if (!Number.isFinite(value) || value <= 0) continue;
    found.push({ value, currency, text: whole.trim(), index: match.index!, explicit: Boolean(symbol || code || word || code3) });
  }
  return found;
}

/**
 * The search token for an amount, the same however it was written: "$38 billion", "$38bn", "38 billion
 * dollars", "$38B" and "38bn" all become `38b`; "$350 million" becomes `350m`.
 */
export function moneyToken(value: number): string {
  const units: Array<[number, string]> = [[1e12, "t"], [1e9, "b"], [1e6, "m"], [1e3, "k"]];
  for (const [size, suffix] of units) {
    if (value >= size) return `${Number((value / size).toFixed(3))}${suffix}`;
  }
  return String(Number(value.toFixed(2)));
}

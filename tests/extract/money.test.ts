import { describe, expect, it } from "vitest";
import { findMoney, moneyToken } from "../../src/extract/money.js";

describe("sums of money in text", () => {
  it("reads each currency by symbol, code or word, with where it stands and whether the currency was said", () => {
    expect(findMoney("paid $5 million, then €2bn and £3 billion")).toEqual([
      { value: 5e6, currency: "USD", text: "$5 million", index: 5, explicit: true },
      { value: 2e9, currency: "EUR", text: "€2bn", index: 22, explicit: true },
      { value: 3e9, currency: "GBP", text: "£3 billion", index: 31, explicit: true },
    ]);
    expect(findMoney("¥500 billion, ₹10 billion, US$7 billion").map((m) => [m.currency, m.value])).toEqual([["JPY", 5e11], ["INR", 1e10], ["USD", 7e9]]);
    expect(findMoney("EUR 4 billion and JPY 3 trillion").map((m) => [m.currency, m.value, m.explicit])).toEqual([["EUR", 4e9, true], ["JPY", 3e12, true]]);
    expect(findMoney("9 billion euros, 8 billion yen, 7 billion yuan, 6 billion rupees, 5 billion pounds, 4 billion dollars").map((m) => m.currency))
      .toEqual(["EUR", "JPY", "CNY", "INR", "GBP", "USD"]);
    expect(findMoney("2 billion EUR and 3bn GBP").map((m) => [m.currency, m.value])).toEqual([["EUR", 2e9], ["GBP", 3e9]]);
  });

  it("takes a scale with no currency as dollars said implicitly, and a one-letter scale only with a currency", () => {
    expect(findMoney("a 160 million user base")).toEqual([{ value: 160e6, currency: "USD", text: "160 million", index: 2, explicit: false }]);
    expect(findMoney("a 70B model and 5m users")).toEqual([]);
    expect(findMoney("$70B and $5m").map((m) => m.value)).toEqual([70e9, 5e6]);
  });

  it("reads thousands separators, decimals, every scale word, and plain sums with a symbol", () => {
    expect(findMoney("$1,500,000 and $2.75 billion and $3 trillion and $4 thousand and $5k and $12").map((m) => m.value))
      .toEqual([1_500_000, 2.75e9, 3e12, 4e3, 5e3, 12]);
    expect(findMoney("$1 tn, $1 bln, $1 mln, $1 mn, $1 mm").map((m) => m.value)).toEqual([1e12, 1e9, 1e6, 1e6, 1e6]);
  });

  it("ignores zero sums, words glued to a number, and numbers without a scale or currency", () => {
    expect(findMoney("$0 and $0.0 billion")).toEqual([]);
    expect(findMoney("model5billion and 2024 and 38 percent")).toEqual([]);
  });
});

describe("the search token for an amount", () => {
  it("is the same however the amount was written, to three decimals", () => {
    expect(moneyToken(38e9)).toBe("38b");
    expect(moneyToken(1.8e9)).toBe("1.8b");
    expect(moneyToken(2.5e12)).toBe("2.5t");
    expect(moneyToken(350e6)).toBe("350m");
    expect(moneyToken(4e3)).toBe("4k");
    expect(moneyToken(1e12)).toBe("1t");
    expect(moneyToken(1e9)).toBe("1b");
    expect(moneyToken(1e6)).toBe("1m");
    expect(moneyToken(1e3)).toBe("1k");
    expect(moneyToken(999.999)).toBe("1000");
    expect(moneyToken(12.345)).toBe("12.35");
    expect(moneyToken(1234567)).toBe("1.235m");
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMPANY_TABLE } from "../../src/extract/companyTable.js";
import { companyAliases, findCompanies } from "../../src/extract/companies.js";

/** The simple model: one regular expression of every name, tried at every position (what findCompanies replaced). */
function findCompaniesByRegex(text: string) {
  const caseSensitive = new Map(COMPANY_TABLE.flatMap((entry) => (entry.caseSensitive ?? []).map((alias) => [alias, entry.name] as const)));
  const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const alternation = (names: Iterable<string>) => [...names].sort((a, b) => b.length - a.length).map(escape).join("|");
  const aliases = new RegExp(`(?<![\\p{L}\\p{N}])(${alternation(companyAliases().keys())})(?![\\p{L}\\p{N}]|\\.[\\p{L}\\p{N}])`, "giu");
  const asWritten = new RegExp(`(?<![\\p{L}\\p{N}])(${alternation(caseSensitive.keys())})(?![\\p{L}\\p{N}]|[.-][\\p{L}\\p{N}])`, "gu");
  const mentions: Array<{ name: string; index: number; text: string }> = [];
  for (const match of text.matchAll(aliases)) mentions.push({ name: companyAliases().get(match[1]!.toLowerCase())!, index: match.index!, text: match[1]! });
  for (const match of text.matchAll(asWritten)) {
    const covered = mentions.some((m) => match.index! >= m.index && match.index! < m.index + m.text.length);
    if (!covered) mentions.push({ name: caseSensitive.get(match[1]!)!, index: match.index!, text: match[1]! });
  }
  return mentions.sort((a, b) => a.index - b.index);
}

const names = [...companyAliases().keys(), ...COMPANY_TABLE.flatMap((entry) => entry.caseSensitive ?? [])];
const piece = fc.oneof(
  fc.constantFrom(...names),
  fc.constantFrom(...names).map((name) => name.toUpperCase()),
  fc.constantFrom(...names).map((name) => name.replace(/^./, (c) => c.toUpperCase())),
  fc.constantFrom(" ", "  ", ".", "-", "'s", "s", ",", "\n", "é", "x", "2", "é", "(", "Ai"),
  fc.string({ maxLength: 4 }),
);

describe("findCompanies", () => {
  it("finds every company name, alias and name matched as written", () => {
    const found = findCompanies("AWS and Amazon Web Services, OpenAI's chips from NVDA; X-rays are not X, nor is x.ai's rival X.");
    expect(found.map((m) => [m.name, m.text])).toEqual([
      ["Amazon", "AWS"],
      ["Amazon", "Amazon Web Services"],
      ["OpenAI", "OpenAI"],
      ["Nvidia", "NVDA"],
      ["X", "X"],
      ["xAI", "x.ai"],
      ["X", "X"],
    ]);
  });

  it("does not find a name inside a longer word", () => {
    expect(findCompanies("OpenAIs Nvidiaesque Intelligence")).toEqual([]);
  });

  it("finds what one regular expression of every name finds, on any text", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        expect(findCompanies(text)).toEqual(findCompaniesByRegex(text));
      }),
      { numRuns: 2000 },
    );
  });
});

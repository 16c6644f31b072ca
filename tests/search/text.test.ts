import { describe, expect, it } from "vitest";
import { findMoney, moneyToken } from "../../src/extract/money.js";
import { canonicalCompany, findCompanies } from "../../src/extract/companies.js";
import { terms } from "../../src/search/text.js";
import { correctCompanyWord, editDistance, nearestSpelling, writtenForm } from "../../src/search/spelling.js";

describe("money", () => {
  it.each(["$38 billion", "$38bn", "38 billion dollars", "$38B", "38bn", "US$38 billion", "USD 38 billion"])("reads %s as 38 billion dollars", (text) => {
    const [money] = findMoney(text);
    expect(money).toMatchObject({ value: 38e9, currency: "USD" });
    expect(moneyToken(money!.value)).toBe("38b");
  });

  it("keeps decimals, other currencies and smaller scales", () => {
    expect(findMoney("a €1.8 billion fine and a $350 million stake").map((m) => [m.currency, moneyToken(m.value)])).toEqual([["EUR", "1.8b"], ["USD", "350m"]]);
  });

  it("reads other countries' dollars and Korean won as theirs, not as US dollars", () => {
    expect(findMoney("roughly A$124 billion, C$5 billion, HK$10 billion and US$3bn").map((m) => [m.currency, m.text])).toEqual([["AUD", "A$124 billion"], ["CAD", "C$5 billion"], ["HKD", "HK$10 billion"], ["USD", "US$3bn"]]);
    expect(findMoney("lost about 15 trillion won in 2023")).toMatchObject([{ currency: "KRW", value: 15e12 }]);
    expect(findMoney("Z$5 billion")).toEqual([]); // a dollar we do not know is not taken for a US one
  });

  it("does not read percentages, counts or model sizes as money", () => {
    expect(findMoney("a 10% stake in a 70B model, 6 gigawatts")).toEqual([]);
  });

  it("makes every form of an amount the same search term", () => {
    const forms = ["$38 billion", "$38bn", "38 billion dollars", "$38B", "38bn"].map((form) => terms(`the ${form} deal`));
    for (const form of forms) expect(form).toEqual(forms[0]);
  });
});

describe("company names", () => {
  it("resolves aliases to one canonical name", () => {
    expect(canonicalCompany("AWS")).toBe("Amazon");
    expect(canonicalCompany("Amazon Web Services")).toBe("Amazon");
    expect(canonicalCompany("alphabet")).toBe("Google");
    expect(canonicalCompany("Facebook")).toBe("Meta");
    expect(findCompanies("Meta Platforms and Alphabet's Google Cloud").map((m) => m.name)).toEqual(["Meta", "Google", "Google"]);
  });

  it("matches ordinary words only as written: Arm the chip designer, not the arms race", () => {
    expect(findCompanies("Arm licenses designs; an arms race in the arm of a company").map((m) => m.text)).toEqual(["Arm"]);
  });

  it("searches an alias and its company as the same term", () => {
    expect(terms("AWS")).toContain(terms("Amazon")[0]);
    expect(terms("Alphabet")).toContain(terms("Google")[0]);
  });

  it("recognises misspelt company names", () => {
    expect(correctCompanyWord("Antropic")).toBe("anthropic");
    expect(correctCompanyWord("Nvidea")).toBe("nvidia");
    expect(correctCompanyWord("Brodcom")).toBe("broadcom");
    expect(correctCompanyWord("Oracel")).toBe("oracle");
    expect(correctCompanyWord("banana")).toBeNull();
    expect(editDistance("oracel", "oracle")).toBe(1);
  });

  it("does not read an English word as a company's typo", () => {
    expect(correctCompanyWord("metal")).toBeNull(); // one letter from "meta"
    expect(correctCompanyWord("apply")).toBeNull(); // one from "apple"
  });
});

describe("the spelling a typo meant", () => {
  const frequency = (counts: Record<string, number>) => (term: string) => counts[term] ?? 0;

  it("is the nearest term within the word's typo budget, swapped neighbours one typo", () => {
    expect(nearestSpelling("marh", ["march", "mark", "math"], frequency({ march: 1, mark: 9, math: 9 }))).toBe("mark"); // all one away: the most frequent
    expect(nearestSpelling("graphci", ["graphic", "graph"], frequency({ graphic: 1, graph: 5 }))).toBe("graphic");
    expect(nearestSpelling("chek", ["check", "cheek", "chekov"], frequency({}))).toBe("check");
    expect(nearestSpelling("divst", ["divest", "direct"], frequency({ direct: 50, divest: 1 }))).toBe("divest");
  });

  it("is none beyond the budget: one typo below eight letters, two from eight", () => {
    expect(nearestSpelling("mrch", ["munich", "merchant"], frequency({}))).toBeNull();
    expect(nearestSpelling("abcd", ["wxyz"], frequency({}))).toBeNull();
    expect(nearestSpelling("acquistn", ["acquisition"], frequency({}))).toBeNull();
    expect(nearestSpelling("acqiusition", ["acquisition"], frequency({}))).toBe("acquisition");
  });

  it("is written as the English word nearest to what was typed, when the term is a stem", () => {
    expect(writtenForm("start", "startted", terms1)).toBe("started");
    expect(writtenForm("graphic", "graphcis", terms1)).toBe("graphics");
    expect(writtenForm("compani", "compnies", terms1)).toBe("companies");
    expect(writtenForm("zzyzx", "zzyxz", terms1)).toBeNull();
  });
});

const terms1 = (word: string) => terms(word)[0] ?? null;

describe("terms", () => {
  it("drops stop words and stems, so a question and an article meet", () => {
    expect(terms("Who is investing in the chips?")).toEqual(terms("invests chip"));
  });

  it("reads a write-down or write-off as a charge, and stepping down as resigning", () => {
    expect(terms("the write-down Nvidia warned of")).toContain(terms("charge")[0]);
    expect(terms("two write-offs")).toContain(terms("charge")[0]);
    expect(terms("the CEO stepped down")).toContain(terms("resign")[0]);
    expect(terms("write down the number")).toContain(terms("charge")[0]); // a verb too: news writes it of assets
    expect(terms("shares fell down")).not.toContain(terms("charge")[0]);
  });

  it("reads the AI Act as one term beside its words, not any act", () => {
    expect(terms("The EU AI Act entered into force")).toContain("aiact");
    expect(terms("the Digital Markets Act")).not.toContain("aiact");
  });

  it("reads a number joined to a unit's abbreviation as the number and the unit's word", () => {
    expect(terms("3nm wafers")).toEqual(terms("3-nanometer wafers"));
    expect(terms("a 2.2GW campus")).toEqual(terms("a 2.2 gigawatt campus"));
    expect(terms("5g phones")).toEqual(["5g", "phone"]);
  });
});

describe("titles as news writes them", () => {
  it("reads a model's name in the plural as the model, and leaves decades alone", () => {
    expect(terms("4,000 B200s and MI325Xs")).toEqual([...terms("4,000"), "b200", "mi325x"]);
    expect(terms("the 1990s")).toEqual(["1990s"]);
  });

  it("reads stepping down as resigning, and no other step", () => {
    expect(terms("she stepped down as chair")).toContain(terms("resigned")[0]);
    expect(terms("it stepped up spending, then walked down the steps")).not.toContain(terms("resigned")[0]);
  });

  it("reads an initial public offering as an IPO, and 'up to' a sum as its maximum", () => {
    expect(terms("its initial public offering")).toContain("ipo");
    expect(terms("payments of up to $51")).toContain(terms("maximum")[0]);
    expect(terms("shares went up today")).not.toContain(terms("maximum")[0]);
  });

  it("reads a chief executive as the CEO, and no other executive", () => {
    expect(terms("led by chief executive Ana Ruiz")).toContain(terms("ceo")[0]);
    expect(terms("Chief Executive Officer Ana Ruiz")).toContain(terms("ceo")[0]);
    expect(terms("the executive vice president")).not.toContain(terms("ceo")[0]);
  });
});

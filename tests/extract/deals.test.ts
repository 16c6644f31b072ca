import { describe, expect, it } from "vitest";
import { extractCompanies } from "../../src/extract/companies.js";
import { dealKindOf, extractDeals } from "../../src/extract/deals.js";

const article = (title: string, summary = "", keyPoints: string[] = []) => ({ title, summary, keyPoints });

describe("the kind of deal a sentence describes", () => {
  it.each([
    ["Oracle acquires Cerner for $28 billion", "acquisition"],
    ["Microsoft takes a 49% stake in the startup", "investment"],
    ["Nvidia buys a minority stake worth $5 billion", "investment"],
    ["Anthropic raises $13 billion in a Series F round", "investment"],
    ["OpenAI signs a $38 billion cloud compute deal with Amazon", "compute"],
    ["Meta agrees to buy $10 billion of chips from AMD", "supply"],
    ["Apple and Google partner on Gemini for Siri", "partnership"],
    ["Intel and TSMC form a joint venture", "partnership"],
    ["OpenAI taps Oracle Cloud to extend Microsoft Azure for more compute", "compute"],
    ["Crusoe selects AMD for its next GPU cloud", "compute"],
  ])("%s: %s", (sentence, kind) => {
    expect(dealKindOf(sentence)).toBe(kind);
  });

  it("needs an agreement word for compute and supply, and finds no deal in other news", () => {
    expect(dealKindOf("Cloud revenue grew 30%")).toBeNull();
    expect(dealKindOf("Chips are scarce this year")).toBeNull();
    expect(dealKindOf("The weather was fine")).toBeNull();
  });

  it("reads buying capacity as compute rather than an acquisition, but buying a chip designer as an acquisition", () => {
    expect(dealKindOf("OpenAI will buy $30 billion of Azure compute capacity")).toBe("compute");
    expect(dealKindOf("AMD agrees to buy chip designer ZT Systems")).toBe("acquisition");
    expect(dealKindOf("SoftBank agrees to acquire Ampere, which makes server chips")).toBe("acquisition");
  });

  it("reads buying a share of a company as an investment, even said with an acquisition word", () => {
    expect(dealKindOf("Nvidia buys a 10% share of Intel")).toBe("investment");
  });

  it("takes the kind whose word comes first in the sentence", () => {
    expect(dealKindOf("Google invests in Anthropic and signs a cloud deal")).toBe("investment");
    expect(dealKindOf("Amazon signs a cloud deal and invests in Anthropic")).toBe("compute");
  });
});

describe("the deals an article reports", () => {
  it("takes the parties from the headline and the amount from the headline first", () => {
    expect(extractDeals(article("Oracle Acquires Cerner for $28 Billion", "Oracle agreed to buy Cerner. It pays $30 billion."), ["Oracle", "Cerner"]))
      .toEqual([{ parties: ["Oracle", "Cerner"], amount: { value: 28e9, currency: "USD", text: "$28 Billion" }, kind: "acquisition" }]);
  });

  it("takes the amount from the summary, then the key points, when the headline has none, ignoring small sums", () => {
    const fromSummary = extractDeals(article("Oracle Acquires Cerner", "The price is $28 billion, or $95 a share."), ["Oracle", "Cerner"]);
    expect(fromSummary[0]?.amount?.value).toBe(28e9);
    const fromPoints = extractDeals(article("Oracle Acquires Cerner", "A big hospital software deal.", ["Shares rose $5.", "The price is €10 billion."]), ["Oracle", "Cerner"]);
    expect(fromPoints[0]?.amount).toEqual({ value: 10e9, currency: "EUR", text: "€10 billion" });
    expect(extractDeals(article("Oracle Acquires Cerner", "It pays $900,000 in fees."), ["Oracle", "Cerner"])[0]?.amount).toBeNull();
  });

  it("reads a headline naming a sum and two companies as a deal, whatever its verb, from its lead", () => {
    const kenya = article("Microsoft and G42 Unveil a $1 Billion Package for a Data Center in Kenya", "Microsoft and G42 will invest $1 billion in Kenya.");
    expect(extractDeals(kenya, ["Microsoft", "G42"])[0]).toMatchObject({ kind: "investment", parties: ["Microsoft", "G42"] });
    expect(extractDeals(article("Microsoft Unveils Its New Surface Laptop", "Microsoft will invest in new laptops."), ["Microsoft"])).toEqual([]);
  });

  it("reads money paid to settle a lawsuit as a settlement, unless the headline names another deal", () => {
    const siri = article("Apple Agrees to Pay $95 Million to Settle Siri Eavesdropping Lawsuit", "Apple will pay $95 million.");
    expect(extractDeals(siri, ["Apple"])[0]).toMatchObject({ kind: "settlement", amount: { value: 95_000_000 } });
    const merger = article("HPE Completes $14 Billion Juniper Acquisition After DOJ Settlement", "");
    expect(extractDeals(merger, ["HPE", "Juniper Networks"])[0]?.kind).toBe("acquisition");
    expect(extractDeals(article("Judge Approves Settlement in Chip Patent Case", "The terms were not disclosed."), ["Intel"])).toEqual([]);
  });

  it("gives a listing no other party than the company selling its shares, whoever else the article names", () => {
    const ipo = article("CoreWeave Prices a Downsized IPO at $40 a Share, Raising $1.5 Billion", "The AI cloud provider CoreWeave went public.");
    expect(extractDeals(ipo, ["CoreWeave", "Microsoft"])[0]?.parties).toEqual(["CoreWeave"]);
    expect(extractDeals(article("Thrive Leads OpenAI's $6.6 Billion Round", ""), ["OpenAI", "Thrive Capital"])[0]?.parties).toEqual(["OpenAI", "Thrive Capital"]);
  });

  it("names the private equity buyer of a unit among the parties, beside the seller and the unit", () => {
    const sale = article("AMD Sells 40% of Altera to KKR for $2 Billion", "The buyout firm takes a minority stake.");
    expect(extractDeals(sale, extractCompanies({ ...sale, tags: [] }))[0]?.parties).toEqual(["AMD", "Altera", "KKR"]);
    const other = article("Cisco Sells Its Routers Unit to Silver Lake for $3 Billion", "Silver Lake buys the unit.");
    expect(extractDeals(other, extractCompanies({ ...other, tags: [] }))[0]?.parties).toEqual(["Cisco", "Silver Lake"]);
  });

  it("tops the parties up to two from the article's companies, and leaves out regulators", () => {
    expect(extractDeals(article("Nvidia Invests $5 Billion", "Nvidia takes a stake in Intel."), ["Nvidia", "Intel", "AMD"])[0]?.parties).toEqual(["Nvidia", "Intel"]);
    expect(extractDeals(article("FTC Clears Microsoft Acquisition of Zentrica"), ["FTC", "Microsoft", "Zentrica"])[0]?.parties).toEqual(["Microsoft", "Zentrica"]);
    expect(extractDeals(article("CMA Clears Microsoft Acquisition of Zentrica"), ["CMA", "Microsoft", "Zentrica"])[0]?.parties).toEqual(["Microsoft", "Zentrica"]);
  });

  it("gives two deals for a headline that joins two, each with its own parties, amount and kind", () => {
    const deals = extractDeals(article("Microsoft and Nvidia Invest $15 Billion in Anthropic as Anthropic Commits $30 Billion to Azure Compute"), ["Microsoft", "Nvidia", "Anthropic"]);
    expect(deals.map((d) => [d.kind, d.amount?.value])).toEqual([["investment", 15e9], ["compute", 30e9]]);
    expect(deals[0]?.parties).toEqual(["Microsoft", "Nvidia", "Anthropic"]);
    expect(deals[1]?.parties).toContain("Anthropic");
  });

  it("finds no deal in rulings, layoffs and launches, and a deal in a launch that names a sum and two companies", () => {
    expect(extractDeals(article("Judge Rules Google Monopolized Search", "Google acquired rivals over the years."), ["Google"])).toEqual([]);
    expect(extractDeals(article("Intel Announces 15,000 Layoffs"), ["Intel"])).toEqual([]);
    expect(extractDeals(article("OpenAI Launches GPT-5", "OpenAI partners with Microsoft on the launch."), ["OpenAI", "Microsoft"])).toEqual([]);
    expect(extractDeals(article("Synopsys Completes $35 Billion Ansys Deal"), ["Synopsys", "Ansys"])).toEqual([{ parties: ["Synopsys", "Ansys"], amount: { value: 35e9, currency: "USD", text: "$35 Billion" }, kind: "partnership" }]);
  });

  it("reads the first sentence of the summary when the headline names no kind", () => {
    expect(extractDeals(article("Big News From Nvidia And Intel", "Nvidia agreed to invest $5 billion in Intel. Later it bought chips."), ["Nvidia", "Intel"])[0]?.kind).toBe("investment");
    expect(extractDeals(article("Big News From Nvidia And Intel", "A quiet week. Nvidia agreed to invest $5 billion in Intel."), ["Nvidia", "Intel"])).toEqual([]);
  });

  it("splits a headline joining deals at ';', ':', dashes and ' - ', up to three", () => {
    const companies = ["Nvidia", "Intel", "Microsoft"];
    for (const joiner of ["; ", ": ", " – ", " - "]) {
      const deals = extractDeals(article(`Nvidia Invests $5 Billion in Intel${joiner}Microsoft Commits $2 Billion to Intel Chips`), companies);
      expect(deals.map((d) => d.amount?.value), joiner).toEqual([5e9, 2e9]);
    }
    const four = extractDeals(article("Nvidia Invests $1 Billion in Intel; AMD Invests $2 Billion in Intel; Google Invests $3 Billion in Intel; Amazon Invests $4 Billion in Intel"), companies);
    expect(four.map((d) => d.amount?.value)).toEqual([1e9, 2e9, 3e9]);
  });

  it("reads contracts awarded, a sum committed to another company and a cloud two companies build as deals", () => {
    expect(extractDeals(article("Pentagon Awards Nvidia and Oracle Contracts Worth $90 Million"), ["Pentagon", "Nvidia", "Oracle"])[0]).toMatchObject({ parties: ["Pentagon", "Nvidia", "Oracle"], amount: { value: 9e7 } });
    expect(extractDeals(article("SAP and Nokia Build a $700 Million Sovereign Cloud in Finland"), ["SAP", "Nokia"])[0]).toMatchObject({ kind: "compute", parties: ["SAP", "Nokia"] });
    expect(extractDeals(article("Apple Commits $900 Million to Make Screens at Corning's Plant"), ["Apple", "Corning"])[0]).toMatchObject({ parties: ["Apple", "Corning"], amount: { value: 9e8 } });
    expect(extractDeals(article("Zeta Commits $900 Million to Make Screens in Ohio"), ["Zeta"])).toEqual([]);
  });

  it("needs a deal word, a sum and two companies in a headline that names no kind", () => {
    expect(extractDeals(article("Nvidia Completes $4.9 Billion Deal"), ["Nvidia"])).toEqual([]);
    expect(extractDeals(article("Nvidia and Intel Complete Deal"), ["Nvidia", "Intel"])).toEqual([]);
  });

  it("keeps an acquisition or investment headline that also names a court or a share move, but not a blocked stake sale", () => {
    expect(extractDeals(article("Court Clears Microsoft Acquisition of Zentrica"), ["Microsoft", "Zentrica"])[0]?.kind).toBe("acquisition");
    expect(extractDeals(article("Intel Shares Jump as Nvidia Invests $5 Billion"), ["Intel", "Nvidia"])[0]?.kind).toBe("investment");
    expect(extractDeals(article("Judge Blocks Sale of Stake in Zentrica"), ["Zentrica"])).toEqual([]);
    expect(extractDeals(article("Nvidia Shares Rise on Chip Supply Deal With Microsoft"), ["Nvidia", "Microsoft"])).toEqual([]);
  });

  it("reads a launch headline as a deal only with a sum and two companies", () => {
    expect(extractDeals(article("Nvidia Unveils $2 Billion Chip Supply Deal With Microsoft"), ["Nvidia", "Microsoft"])[0]).toMatchObject({ kind: "supply", parties: ["Nvidia", "Microsoft"] });
    expect(extractDeals(article("Nvidia Unveils Chip Supply Deal With Microsoft"), ["Nvidia", "Microsoft"])).toEqual([]);
    expect(extractDeals(article("Nvidia Unveils $2 Billion Chip Supply Deal"), ["Nvidia"])).toEqual([]);
  });

  it("does not take the letter of a round for a party", () => {
    const companies = extractCompanies({ title: "Zentrica Lands $2 Billion Series K", summary: "The startup Zentrica raised a Series K, its eleventh round.", keyPoints: [], tags: [] });
    expect(companies).toEqual(["Zentrica"]);
  });

  it("lists the headline's parties in the order it names them, spelled as the article's companies, at most five", () => {
    expect(extractDeals(article("Oxide Bought By Zentrica for $1 Million"), ["Zentrica", "Oxide"])[0]).toMatchObject({ parties: ["Oxide", "Zentrica"], amount: { value: 1e6 } });
    expect(extractDeals(article("Zentrica Acquires Oxide"), ["X", "Oxide", "Zentrica"])[0]?.parties).toEqual(["Zentrica", "Oxide"]); // not the letter x
    const many = extractDeals(article("Microsoft, Nvidia, AMD, Intel, Google and Amazon Invest $10 Billion in Anthropic"), []);
    expect(many[0]?.parties).toEqual(["Microsoft", "Nvidia", "AMD", "Intel", "Google"]);
  });
});

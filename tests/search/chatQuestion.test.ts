import { HELD_OUT_SETS, loadQuestions } from "../quality/evaluate.js";
import { namingCompanies } from "../../src/extract/nicknames.js";
import { describe, expect, it } from "vitest";
import { COMPANY_TABLE } from "../../src/extract/companyTable.js";
import { canonicalCompany, findCompanies } from "../../src/extract/companies.js";
import { readQuestion } from "../../src/search/chatQuestion.js";
import { numbersAsDigits } from "../../src/search/numberWords.js";
import { terms } from "../../src/search/text.js";

const companiesIn = (question: string) => findCompanies(readQuestion(question)).map((m) => m.name);
/** That the question, as searched, also searches the words news writes. */
const searches = (question: string, words: string) => expect(terms(readQuestion(question)), question).toEqual(expect.arrayContaining(terms(words)));

/** The question sets tuned on (the sealed set stays unread). */
const HELD_OUT_DIRS = Object.values(HELD_OUT_SETS).filter((set) => !("sealed" in set)).map((set) => set.dir);

describe("companies as chat names them", () => {
  it("knows every listed ticker, lower case unless the ticker is an ordinary word", () => {
    for (const entry of COMPANY_TABLE) {
      for (const ticker of entry.tickers ?? []) {
        expect(canonicalCompany(ticker), ticker).toBe(entry.name);
        if (!entry.caseSensitive?.includes(ticker)) expect(canonicalCompany(ticker.toLowerCase()), ticker).toBe(entry.name);
      }
    }
    expect(companiesIn("goog amzn oai orcl intc")).toEqual(["Google", "Amazon", "OpenAI", "Oracle", "Intel"]);
    expect(companiesIn("let it snow, mu")).toEqual([]);
    expect(companiesIn("msft inflection deal")).toEqual(["Microsoft", "Inflection AI"]);
    expect(companiesIn("SNOW and MU")).toEqual(["Snowflake", "Micron"]);
  });

  it("reads nicknames and descriptions as the company, without their words finding another one", () => {
    expect(companiesIn("how much is big blue paying")).toEqual(["IBM"]);
    expect(readQuestion("how much is big blue paying")).not.toMatch(/blue/i);
    expect(companiesIn("what did the windows maker buy")).toEqual(["Microsoft"]);
    expect(companiesIn("the gpu giants stake in intel")).toEqual(["Nvidia", "Intel"]);
    expect(companiesIn("what did the llama developer pay")).toEqual(["Meta"]);
  });

  it("adds the company a boss runs, keeping the name: articles quote them", () => {
    expect(readQuestion("nadellas company and openai")).toMatch(/^nadellas company and openai .*Microsoft/);
    expect(companiesIn("what did jensen huang say")).toEqual(["Nvidia"]);
    expect(companiesIn("lisa su on openai")).toEqual(["OpenAI", "AMD"]);
    expect(companiesIn("what is pony ma buying")).toEqual(["Tencent"]);
    expect(companiesIn("masa son new bet")).toEqual(["SoftBank"]);
  });

  it("reads a government by its capital or nickname, or by who leads it", () => {
    expect(companiesIn("what did washington get from intel")).toContain("US government");
    expect(companiesIn("what did president trump get out of the chip deal")).toContain("US government");
    expect(companiesIn("von der leyen chips plan")).toContain("European Commission");
    expect(companiesIn("uncle sam intel stake")).toContain("US government");
  });

  it("reads the descriptions companies are known by, for companies beyond the biggest", () => {
    expect(companiesIn("what did the british chip designer raise")).toEqual(["Arm"]);
    expect(companiesIn("the lithography giant and mistral")).toEqual(["ASML", "Mistral AI"]);
    expect(companiesIn("the forum site licensing its posts")).toEqual(["Reddit"]);
    expect(companiesIn("the snapdragon maker sues")).toEqual(["Qualcomm"]);
    expect(companiesIn("how much for the fpga maker")).toEqual(["Altera"]);
    expect(companiesIn("the wechat owner and the chinese search giant")).toEqual(["Tencent", "Baidu"]);
    expect(companiesIn("did the search giant sue")).toEqual(["Google"]);
  });

  it("reads a product's maker as the company, without the product's words finding articles that only name the maker", () => {
    expect(readQuestion("what did the chatgpt maker pay")).toMatch(/OpenAI/);
    expect(terms(readQuestion("how much did the claude maker settle for"))).not.toContain(terms("maker")[0]);
  });

  it("reads a possessive nickname typed without its possessive", () => {
    expect(companiesIn("how big is the musk ai company now")).toEqual(["xAI"]);
    expect(companiesIn("apple assembler india plant")).toEqual(["Foxconn"]);
  });

  it("reads a ruler as the state fund that acts for them", () => {
    expect(companiesIn("mbs backed chip buyer")).toContain("Public Investment Fund");
    expect(companiesIn("what does the saudi wealth fund own")).toEqual(["Public Investment Fund"]);
  });

  it("meets a company's name written out when asked by an abbreviation sharing none of its words", () => {
    expect(terms(readQuestion("who bought wandb"))).toEqual(expect.arrayContaining(terms("Weights & Biases")));
    expect(terms(readQuestion("pif stake"))).toEqual(expect.arrayContaining(terms("Public Investment Fund")));
    expect(terms("Mistral shares")).not.toContain("ai");
  });

  it("reads every description and boss the table lists as its company, whatever chat words rewrite first", () => {
    for (const entry of COMPANY_TABLE) {
      for (const name of [...(entry.nicknames ?? []), ...(entry.people ?? [])]) expect(companiesIn(`what about ${name} now`), name).toContain(entry.name);
    }
  });

  it("reads a description with a hyphen typed as a space, and a space typed as a hyphen", () => {
    expect(companiesIn("when does the softbank owned chip designer close the deal")).toEqual(["Arm"]);
    expect(companiesIn("what did big-blue buy")).toEqual(["IBM"]);
    expect(companiesIn("worst day for the dutch lithography maker")).toEqual(["ASML"]);
  });

  it("finds the names a question holds by their words as one pattern of every name finds them", () => {
    const names = COMPANY_TABLE.flatMap((entry) => [...(entry.nicknames ?? []), ...(entry.people ?? [])]);
    const frames = [(name: string) => `what about ${name} now`, (name: string) => `${name}'s deal?`, (name: string) => `did ${name.replace(/ /g, "-")}s stake grow.`, (name: string) => `${name.toUpperCase()}`];
    // And every question of the tuning sets, as people typed them.
    const typed = [...HELD_OUT_DIRS.map((dir) => loadQuestions(dir)), loadQuestions()].flat().map((question) => question.q);
    const questions = [...names.flatMap((name) => frames.map((frame) => frame(name))), ...typed, "the iphone manufacturer and the wechat developer", "the graphics chip-maker", "nadellas company and openai", "who is big blue buying", "nothing named here"];
    for (const question of questions) expect(namingCompanies(question), question).toBe(namingCompanies(question, true));
  });

  it("reads a description with its last word swapped for a like one, and compounds written apart or together", () => {
    expect(companiesIn("what did the grok creator ship")).toEqual(["xAI"]);
    expect(companiesIn("what is musks ai outfit worth")).toEqual(["xAI"]);
    expect(companiesIn("the iphone manufacturer and the wechat developer")).toEqual(["Apple", "Tencent"]);
    expect(companiesIn("the taiwanese chip maker")).toEqual(["TSMC"]);
    expect(companiesIn("the graphics chipmaker")).toEqual(["Nvidia"]);
    expect(companiesIn("the snapdragon company and the windows lab")).toEqual(["Qualcomm"]);
    expect(companiesIn("the whatsapp parent and the youtube parent")).toEqual(["Meta", "Google"]);
  });

  it("knows the companies of the chip, cloud and AI industry beyond the biggest, with tickers, bosses and descriptions", () => {
    expect(companiesIn("what did the gorilla glass maker sign")).toEqual(["Corning"]);
    expect(companiesIn("glw and mrvl and amat")).toEqual(["Corning", "Marvell", "Applied Materials"]);
    expect(companiesIn("what is the dod buying")).toEqual(["Pentagon"]);
    expect(companiesIn("the armed forces and palmer luckey")).toEqual(["Pentagon", "Anduril"]);
    expect(companiesIn("mary barra plant")).toEqual(["General Motors"]);
    expect(companiesIn("jayshree ullal on switches")).toEqual(["Arista"]);
    expect(companiesIn("the cadence of releases")).toEqual([]);
    expect(companiesIn("did the uk competition watchdog clear it")).toEqual(["CMA"]);
    expect(companiesIn("what did the securities regulator say")).toEqual(["SEC"]);
  });

  it("reads possessives typed without the apostrophe", () => {
    expect(companiesIn("nvidias deal with intel")).toEqual(["Nvidia", "Intel"]);
  });
});

describe("places as chat names them", () => {
  it("reads a state by its nickname", () => {
    expect(readQuestion("how big is the campus in the buckeye state")).toMatch(/campus in Ohio$/);
    expect(terms(readQuestion("the peach state data center"))).toContain(terms("georgia")[0]);
  });
});

describe("numbers as chat writes them", () => {
  it.each([
    ["three trillion", "3 trillion"],
    ["a fifth of the company", "20% of the company"],
    ["half of its stake", "50% of its stake"],
    ["a quarter of staff", "25% of staff"],
    ["a dozen chips", "12 chips"],
    ["roughly forty million users", "roughly 40 million users"],
    ["half a trillion", "0.5 trillion"],
    ["ten gigawatts", "10 gigawatts"],
  ])("reads %s as %s", (words, digits) => expect(numbersAsDigits(words)).toBe(digits));

  it("leaves small numbers, periods and ordinary words as written", () => {
    for (const text of ["six-year contract", "first half of 2027", "fourth quarter", "one of the deals", "a deal"]) expect(numbersAsDigits(text)).toBe(text);
  });

  it("makes a sum in words the same search term as the sum in digits", () => {
    expect(terms(readQuestion("three trillion"))).toEqual(terms("$3 trillion"));
    expect(terms("14,000 jobs")).toEqual(terms("14k jobs"));
  });
});

describe("domain synonyms", () => {
  it("searches the words news uses for the same thing as one term", () => {
    for (const [a, b] of [["roles", "jobs"], ["headcount", "employees"], ["gpus", "accelerators"], ["equity", "stake"], ["sued", "lawsuit"], ["plunged", "slump"], ["clients", "customers"], ["retained", "kept"], ["owner", "owns"], ["earnings", "profit"], ["quit", "resigned"], ["retirement", "quits"], ["gw", "gigawatts"], ["mw", "megawatt"], ["quicker", "speed"], ["centres", "centers"], ["valuation", "valued"], ["insolvency", "bankrupt"], ["soared", "jumped"], ["pact", "agreement"], ["contract", "agreement"], ["verdict", "ruled"], ["judgment", "ruling"], ["completed", "finalized"], ["additional", "incremental"], ["outlook", "forecast"], ["guidance", "outlook"], ["yearly", "annual"], ["factories", "fabs"], ["plant", "factory"], ["postponed", "delayed"], ["released", "launched"], ["unveils", "debuted"], ["electricity", "power"], ["levies", "tariffs"], ["earlier", "early"], ["cheapest", "cheap"], ["scrapped", "cancelled"], ["shelved", "abandoned"], ["boss", "chief"], ["headquartered", "based"], ["budgeted", "cost"], ["hydroelectric", "hydropower"], ["wiped", "deleted"], ["unit", "division"], ["segments", "units"], ["sold", "sellers"]] as const) {
      expect(terms(a), `${a} / ${b}`).toEqual(terms(b));
    }
  });
});

describe("words chat uses where news writes others", () => {
  it("also searches a decade as ten years, a price tag as the cost, and those who work at a company as its employees", () => {
    expect(terms("over a decade")).toContain(terms("over the next ten years").at(-1));
    expect(terms("over the next 10 years")).toContain(terms("decade")[0]);
    expect(terms("ten people")).not.toContain(terms("decade")[0]);
    expect(terms(readQuestion("the original price tag"))).toContain(terms("budgeted")[0]);
    expect(terms(readQuestion("google water power deal"))).toContain(terms("hydropower")[0]);
    expect(terms(readQuestion("how many people work at dell now"))).toContain(terms("employees")[0]);
    expect(terms(readQuestion("how many people work on the model"))).not.toContain(terms("employees")[0]);
    expect(terms(readQuestion("how much does the pension fund look after"))).toContain(terms("manages")[0]);
    expect(terms(readQuestion("worst day for the stock since when"))).toEqual(expect.arrayContaining(terms("steepest one-day drop")));
    expect(terms(readQuestion("samsung new chip boss"))).toContain(terms("appointed")[0]);
    expect(terms(readQuestion("when is mi355x coming"))).toContain(terms("scheduled")[0]);
    expect(terms(readQuestion("when does the phone come out"))).toContain(terms("launch")[0]);
    expect(terms(readQuestion("jobs coming to ohio"))).not.toContain(terms("launch")[0]);
    expect(terms(readQuestion("what did coreweave do before renting out gpus"))).toContain(terms("started")[0]);
    expect(terms(readQuestion("what was crusoe originally"))).toContain(terms("started")[0]);
    expect(terms(readQuestion("who originally complained to the eu"))).not.toContain(terms("started")[0]);
  });

  it("also searches those who pay for or use a product as its customers", () => {
    expect(terms(readQuestion("how many banks use the model"))).toContain(terms("customers")[0]);
    expect(terms(readQuestion("businesses paying for copilot"))).toContain(terms("customers")[0]);
    expect(terms(readQuestion("how much did the banks pay"))).not.toContain(terms("customers")[0]);
    expect(terms(readQuestion("what did the buyout firm pay for the unit"))).not.toContain(terms("customers")[0]);
  });

  it("also searches who runs a company as its chief executive", () => {
    expect(terms(readQuestion("who is running the chipmaker now"))).toContain(terms("ceo")[0]);
    expect(terms(readQuestion("whos in charge of the bank"))).toContain(terms("ceo")[0]);
    expect(terms(readQuestion("the plant runs on gas"))).not.toContain(terms("ceo")[0]);
  });

  it("also searches a company's stock as its shares, not a stock split or the stock market", () => {
    expect(terms(readQuestion("how did zeta stock do"))).toContain(terms("shares")[0]);
    expect(terms(readQuestion("the stock split"))).not.toContain(terms("shares")[0]);
    expect(terms(readQuestion("the stock market"))).not.toContain(terms("shares")[0]);
  });

  it("also searches the words news writes for chat's paraphrases", () => {
    searches("who is zeta teaming up with", "partners");
    searches("why did zeta drop its ohio plans", "cancelled");
    searches("oxide called off the merger", "cancelled");
    expect(terms(readQuestion("how far did shares drop"))).not.toContain(terms("cancelled")[0]);
    searches("the boss used to run what firm", "previously");
    searches("how many users get cash back", "refunds");
    searches("how long a prompt can the model read", "context window tokens");
    searches("how many plants was it hoping to open by 2026", "planned aiming");
    searches("max fine per violation", "maximum");
    expect(terms("payments of up to $51")).toContain(terms(readQuestion("max"))[1]);
  });

  it("also searches the words news writes for chat's abbreviations", () => {
    searches("zeta q3 numbers", "third quarter");
    searches("h2 outlook", "second half");
    searches("when did zeta go public", "ipo");
    searches("best open weights llm", "open source language model");
    searches("zeta mkt cap", "market value");
    searches("oxide chapter 11", "bankruptcy");
    searches("where is the hq", "headquarters");
    searches("ev sales", "electric vehicle");
    expect(companiesIn("the ev maker")).toEqual(["Tesla"]);
    expect(terms(readQuestion("the h100 order"))).not.toContain(terms("half")[0]);
    searches("zeta capex 2026", "capital spending");
    searches("oxide rpo", "remaining performance obligations");
    searches("who is the new cto", "chief technology officer");
    searches("big m&a in chips", "mergers acquisitions");
    searches("deals since sept 2024", "september");
    expect(terms(readQuestion("the jan team"))).not.toContain(terms("january")[0]);
    expect(readQuestion("the sparrow tower")).toBe("the sparrow tower");
  });

  it("does not search the words that only make the question", () => {
    expect(terms(readQuestion("how many engineers moved"))).toEqual(terms("engineers moved"));
    expect(terms(readQuestion("how far did the shares fall"))).toEqual(terms("shares fall"));
    expect(terms(readQuestion("how big was the charge"))).toEqual(terms("charge"));
    expect(terms(readQuestion("many engineers moved"))).toEqual(terms("many engineers moved"));
  });

  it("also searches a plant coming back online as restarting", () => {
    expect(terms(readQuestion("when is the reactor coming back online"))).toContain(terms("restart")[0]);
  });

  it("also searches money put, poured or pumped into a company as invested", () => {
    for (const question of ["how much is the bank putting into the lab", "cash pumped into the startup", "what did they pour into it"]) {
      expect(terms(readQuestion(question)), question).toContain(terms("invest")[0]);
    }
    expect(terms(readQuestion("put the chips on the table"))).not.toContain(terms("invest")[0]);
  });

  it("also searches staff let go, laid off or axed as job cuts and layoffs", () => {
    for (const question of ["how many did the bank let go", "staff laid off at the studio", "how many roles were axed"]) {
      expect(terms(readQuestion(question)), question).toEqual(expect.arrayContaining(terms("layoffs job cuts")));
    }
    expect(terms(readQuestion("let the deal go ahead"))).not.toContain(terms("layoffs")[0]);
  });

  it("also searches layoffs as job cuts, and a deal wrapped up or sealed as completed and closed", () => {
    expect(terms(readQuestion("meta ai layoffs how many"))).toEqual(expect.arrayContaining(terms("job cuts")));
    expect(terms(readQuestion("when did big blue wrap up the apptio purchase"))).toEqual(expect.arrayContaining(terms("completed closed")));
    expect(terms(readQuestion("when was the deal sealed"))).toEqual(expect.arrayContaining(terms("completed closed")));
  });

  it("also searches plans pushed back as delayed, the EU's AI law as the AI Act, a help desk as customer support", () => {
    expect(terms(readQuestion("did intel push back the europe factories"))).toContain(terms("delayed")[0]);
    expect(terms(readQuestion("max fine under the eu ai law"))).toEqual(expect.arrayContaining(terms("AI Act")));
    expect(terms(readQuestion("how big is the helpdesk team"))).toEqual(expect.arrayContaining(terms("customer support")));
    expect(terms(readQuestion("how much cash did musk put into openai"))).toContain(terms("contributed")[0]);
    expect(terms(readQuestion("what did microsoft have to give up"))).toEqual(expect.arrayContaining(terms("sold handed")));
    expect(terms(readQuestion("why did the gpu cloud lower its forecast"))).toContain(terms("cut")[0]);
    expect(terms(readQuestion("the bond yields were lower"))).not.toContain(terms("cut")[0]);
    expect(terms(readQuestion("how much money per year"))).toContain(terms("annual")[0]);
    expect(terms(readQuestion("which publishers are taking perplexity to court"))).toContain(terms("sue")[0]);
    expect(terms(readQuestion("what knocked chatgpt offline"))).toContain(terms("outage")[0]);
    expect(terms(readQuestion("when did azure go down"))).toContain(terms("outage")[0]);
    expect(terms(readQuestion("why were sales down"))).not.toContain(terms("outage")[0]);
    expect(terms(readQuestion("shares were down 5%"))).not.toContain(terms("outage")[0]);
  });

  it("also searches a unit spun off as a unit or stake sold", () => {
    expect(terms(readQuestion("the chip unit amd spun out"))).toEqual(expect.arrayContaining(terms("sold stake")));
    expect(terms(readQuestion("the spin-off of the cloud arm"))).toEqual(expect.arrayContaining(terms("sold stake")));
  });

  it("also searches server sites as data centers, a new name as the name, what was held on to as kept", () => {
    expect(terms(readQuestion("how many server farms in texas"))).toEqual(expect.arrayContaining(terms("data centers")));
    expect(terms(readQuestion("what did the startup rebrand as"))).toContain(terms("named")[0]);
    expect(terms(readQuestion("which shares did the founder hang on to"))).toContain(terms("kept")[0]);
  });

  it("also searches what a company pockets as received, breaking even as recouping, what it wanted by a date as planned", () => {
    expect(terms(readQuestion("how much does the lender pocket per sale"))).toContain(terms("receive")[0]);
    expect(terms(readQuestion("when does the fund break even"))).toContain(terms("recoup")[0]);
    expect(terms(readQuestion("how many stores did it want open by 2027"))).toContain(terms("planned")[0]);
    expect(terms(readQuestion("what does the regulator want"))).not.toContain(terms("planned")[0]);
  });

  it("also searches a compound typed apart as news writes it", () => {
    expect(terms(readQuestion("the stock buy back"))).toContain(terms("buyback")[0]);
    expect(terms(readQuestion("how much was paid up front"))).toContain(terms("upfront")[0]);
    expect(terms(readQuestion("a bigger pay-out"))).toContain(terms("payout")[0]);
    expect(terms(readQuestion("who will take over as ceo"))).not.toContain(terms("takeover")[0]);
  });
});

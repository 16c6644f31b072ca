import { describe, expect, it } from "vitest";
import { holdsAnswer, isSpecific } from "../../src/search/answerInText.js";
import { answerTypeOf } from "../../src/search/answerType.js";
import { terms } from "../../src/search/text.js";

describe("what a question asks for", () => {
  it("reads the kind of fact, and what a count counts", () => {
    expect(answerTypeOf("how many people joined openai")).toEqual({ kind: "count", unit: terms("people")[0] });
    expect(answerTypeOf("anthropic google tpus how many")).toEqual({ kind: "count", unit: terms("tpus")[0] });
    expect(answerTypeOf("how big a stake did nvidia take")).toEqual({ kind: "share" });
    expect(answerTypeOf("whens the deal closing")).toEqual({ kind: "date", ahead: true });
    expect(answerTypeOf("when did it close")).toEqual({ kind: "date", ahead: false });
    expect(answerTypeOf("what did Intel get from the US government?")).toEqual({ kind: "money" });
    expect(answerTypeOf("who runs splunk now")).toEqual({ kind: "name", role: "leader" });
    expect(answerTypeOf("who said that")).toEqual({ kind: "name", role: null });
    expect(answerTypeOf("why did softbank sell")).toEqual({ kind: "reason" });
    expect(answerTypeOf("what is the zeta loan for")).toEqual({ kind: "reason" });
    expect(answerTypeOf("which countries did zeta pick")).toEqual({ kind: "place", scope: "country" });
    expect(answerTypeOf("what was zeta worth when oxide sold out")).toEqual({ kind: "money" });
    expect(answerTypeOf("so when did zeta sell")).toEqual({ kind: "date", ahead: false });
  });

  it("finds that fact in a key point", () => {
    const people = answerTypeOf("how many people moved over");
    expect(holdsAnswer(people, "about 55 engineers, scientists and designers moved over")).toBe(true);
    expect(holdsAnswer(people, "cut 14,000 corporate roles")).toBe(true);
    expect(holdsAnswer(people, "a $5 billion deal in 2024")).toBe(false);
    const ahead = answerTypeOf("when will the chips be fully deployed");
    expect(holdsAnswer(ahead, "with the full rollout finished by the end of 2029")).toBe(true);
    expect(holdsAnswer(ahead, "The companies said on October 13, 2025 that they had signed")).toBe(false);
  });

  it("takes a target or an aim as a date ahead, and a rate per month as no date", () => {
    const opening = answerTypeOf("when does the new campus open its doors");
    expect(opening).toEqual({ kind: "date", ahead: true });
    expect(holdsAnswer(opening, "First operations are slated for mid-2028.")).toBe(true);
    expect(holdsAnswer(opening, "Output is aimed at the second half of 2026.")).toBe(true);
    expect(holdsAnswer(answerTypeOf("when was it founded"), "It plans to ship 5,000 servers per month.")).toBe(false);
    expect(holdsAnswer(answerTypeOf("when was it founded"), "It was founded three months ago.")).toBe(true);
  });

  it("reads what slice or cut of something, and how much of it someone still has, as a share", () => {
    expect(answerTypeOf("what cut of the fees does the app store keep")).toEqual({ kind: "share" });
    expect(answerTypeOf("how much of the chip unit does samsung still hold")).toEqual({ kind: "share" });
  });

  it("finds who bought a business in the key point selling it to them", () => {
    const buyer = answerTypeOf("who bought the printer division");
    expect(buyer).toEqual({ kind: "name", role: "backer" });
    expect(holdsAnswer(buyer, "Zeta agreed to sell its printer division to buyout group Norcap for $2 billion.")).toBe(true);
    expect(holdsAnswer(buyer, "The printer division makes office laser printers under the Inkwell brand.")).toBe(false);
  });

  it("reads when something comes back or reopens as a date ahead", () => {
    expect(answerTypeOf("when does the old mill come back online")).toEqual({ kind: "date", ahead: true });
    expect(answerTypeOf("when is the store reopening")).toEqual({ kind: "date", ahead: true });
  });

  it("reads who won a case as how it went, found in a verdict", () => {
    const won = answerTypeOf("who won the patent fight");
    expect(won).toEqual({ kind: "outcome" });
    expect(holdsAnswer(won, "A jury found Zeta liable for infringing two patents.")).toBe(true);
    expect(holdsAnswer(won, "A jury found on May 2, 2024 that Zeta did not breach its licence.")).toBe(true);
    const cleared = answerTypeOf("did the regulator block the zeta deal");
    expect(cleared).toEqual({ kind: "outcome" });
    expect(holdsAnswer(cleared, "The watchdog cleared the purchase in May.")).toBe(true);
    expect(holdsAnswer(cleared, "Zeta bought the unit in May.")).toBe(false);
    expect(holdsAnswer(won, "The trial opened in Delaware in March.")).toBe(false);
  });

  it("reads who owns something as its owner, named with its holding", () => {
    const owner = answerTypeOf("who is the real owner of the chip venture");
    expect(owner).toEqual({ kind: "name", role: "owner" });
    expect(answerTypeOf("whos the parent of that lab")).toEqual({ kind: "name", role: "owner" });
    expect(holdsAnswer(owner, "The venture is majority owned by Qatar's sovereign fund.")).toBe(true);
    expect(holdsAnswer(owner, "The venture was announced by Jensen Huang in Riyadh.")).toBe(false);
  });

  it("reads how a stock reacted, dropped or climbed as a price move, found where a share or a sum moved", () => {
    for (const question of ["how did zetas stock react to the recall", "how far did the shares slide after the ruling", "how much had the chipmaker climbed by march", "what happened to oxide stock"]) {
      expect(answerTypeOf(question), question).toEqual({ kind: "move" });
    }
    expect(answerTypeOf("how much did zeta pay")).toEqual({ kind: "money" });
    const move = answerTypeOf("how did the stock react");
    expect(holdsAnswer(move, "Zeta shares slid roughly 9% in late trading.")).toBe(true);
    expect(holdsAnswer(move, "The rally erased $40 billion of market value.")).toBe(true);
    expect(holdsAnswer(move, "Zeta will charge $20 a month for the plan.")).toBe(false);
    expect(holdsAnswer(move, "Revenue rose in the quarter.")).toBe(false);
  });

  it("reads how much quicker or how many times cheaper as a comparison, found where one is made", () => {
    for (const question of ["how much quicker is the new zeta chip", "how many times cheaper is the plan", "how much more efficient is it"]) {
      expect(answerTypeOf(question), question).toEqual({ kind: "ratio" });
    }
    expect(answerTypeOf("how much money did it raise")).toEqual({ kind: "money" });
    expect(answerTypeOf("how many times did it fail")).toMatchObject({ kind: "count" });
    const ratio = answerTypeOf("how much faster is it");
    for (const point of ["It runs at twice the speed of its predecessor.", "Inference is 4x cheaper.", "The chip is 30% faster than the last one."]) {
      expect(holdsAnswer(ratio, point), point).toBe(true);
    }
    expect(holdsAnswer(ratio, "It costs $3 per million tokens.")).toBe(false);
  });

  it("takes a sum kept quiet as the answer to how much", () => {
    const money = answerTypeOf("ft openai deal value how much");
    for (const text of ["Neither side disclosed the value of the deal.", "Terms were not disclosed.", "The companies did not disclose the price.", "an undisclosed sum"]) expect(holdsAnswer(money, text), text).toBe(true);
    expect(holdsAnswer(money, "The company disclosed the breach in May.")).toBe(false);
  });

  it("reads a refund, a payout or a sum per person as money", () => {
    expect(answerTypeOf("max refund per person")).toEqual({ kind: "money" });
    expect(answerTypeOf("biggest payout in the settlement")).toEqual({ kind: "money" });
  });

  it("counts shoppers and subscribers as people, and data centres as sites", () => {
    expect(holdsAnswer(answerTypeOf("how many shoppers got refunds"), "refunds for about 2 million affected customers")).toBe(true);
    expect(holdsAnswer(answerTypeOf("how many sites will it run"), "aiming for 12 data centres in operation")).toBe(true);
    expect(holdsAnswer(answerTypeOf("how many sites will it run"), "about 900 engineers work there")).toBe(false);
  });

  it("reads what something was renamed as the name it took", () => {
    const renamed = answerTypeOf("what did the bank rebrand to");
    expect(renamed).toEqual({ kind: "name", role: "title" });
    expect(holdsAnswer(renamed, "The lender now trades as a separate group, later named Corvid Capital.")).toBe(true);
  });
});

describe("who and which", () => {
  it("reads who as a name even when the question's topic is a sum", () => {
    expect(answerTypeOf("the $300 billion valuation - who bought in")).toEqual({ kind: "name", role: "backer" });
    expect(answerTypeOf("how much did the buyers pay, and who were they")).toEqual({ kind: "money" });
  });

  it("wants a name other than the question's subject", () => {
    const asked = new Set(terms("who leads Acme after Smith left"));
    const leader = answerTypeOf("who leads Acme after Smith left");
    expect(leader).toEqual({ kind: "name", role: "leader" });
    expect(holdsAnswer(leader, "Smith had led Acme as CEO since 2010.", asked)).toBe(false);
    expect(holdsAnswer(leader, "Finance chief Jane Doe was named interim CEO.", asked)).toBe(true);
  });

  it("reads which organisation, which person and who reported it", () => {
    const insurer = answerTypeOf("which insurer covers the ohio plant");
    expect(insurer).toEqual({ kind: "name", role: "organisation" });
    const asked = new Set(terms("which insurer covers the ohio plant"));
    expect(holdsAnswer(insurer, "The plant is insured by Allianz.", asked)).toBe(true);
    expect(holdsAnswer(insurer, "The plant in Ohio opened in May.", asked)).toBe(false);
    expect(holdsAnswer(insurer, "T-Mobile plans to test the gear.", asked)).toBe(true);

    const analyst = answerTypeOf("which analyst downgraded the stock");
    expect(analyst).toEqual({ kind: "name", role: "person" });
    expect(holdsAnswer(analyst, "Bernstein analyst Stacy Rasgon cut his rating.")).toBe(true);
    expect(holdsAnswer(analyst, "The rating was cut after the Justice Department sued.")).toBe(false);

    const reporter = answerTypeOf("who broke the story about the merger");
    expect(reporter).toEqual({ kind: "name", role: "reporter" });
    expect(holdsAnswer(reporter, "The Financial Times first reported the talks.", new Set(terms("merger")))).toBe(true);
    expect(holdsAnswer(reporter, "The merger was announced on Monday.", new Set(terms("merger")))).toBe(false);
  });
});

describe("sizes, sources, outcomes and reasons", () => {
  it("reads how much of a thing that is not money as a size with its measure", () => {
    const size = answerTypeOf("how much data can the new drive hold");
    expect(size).toEqual({ kind: "size" });
    expect(holdsAnswer(size, "The drive stores up to 30 terabytes.")).toBe(true);
    expect(holdsAnswer(size, "It supports a 1-million-token context window.")).toBe(true);
    expect(holdsAnswer(size, "The drive costs $500.")).toBe(false);
  });

  it("reads where the money comes from as what pays for it", () => {
    const source = answerTypeOf("where does the money for the new fab come from");
    expect(source).toEqual({ kind: "source" });
    expect(holdsAnswer(source, "The fab is paid for with $2 billion of bonds and a state grant.")).toBe(true);
    expect(holdsAnswer(source, "The fab will cost $10 billion.")).toBe(false);
    expect(answerTypeOf("how will the expansion be financed")).toEqual({ kind: "source" });
  });

  it("reads what a party won or lost as the outcome of a ruling", () => {
    const outcome = answerTypeOf("what did the chipmaker win in court");
    expect(outcome).toEqual({ kind: "outcome" });
    expect(holdsAnswer(outcome, "The court dismissed two of the three claims.")).toBe(true);
    expect(holdsAnswer(outcome, "The trial began in May.")).toBe(false);
    expect(answerTypeOf("which part of the case did the chipmaker lose")).toEqual({ kind: "outcome" });
    expect(answerTypeOf("which company won the contract")).toEqual({ kind: "name", role: "organisation" });
  });

  it("reads what a party wants as what it asks for", () => {
    const demand = answerTypeOf("what does the union want from the carmaker");
    expect(demand).toEqual({ kind: "demand" });
    expect(holdsAnswer(demand, "The union is seeking a 40% raise over four years.")).toBe(true);
    expect(holdsAnswer(demand, "The carmaker made $3 billion last quarter.")).toBe(false);
  });

  it("finds a cause or a purpose for why", () => {
    const why = answerTypeOf("why did the fund sell its shares");
    expect(holdsAnswer(why, "The proceeds will help fund a new data center.")).toBe(true);
    expect(holdsAnswer(why, "The bank was penalized for misleading customers.")).toBe(true);
    expect(holdsAnswer(why, "The fund sold 2 million shares.")).toBe(false);
  });

  it("answers which country or state with a key point naming one, even without the question's words", () => {
    const country = answerTypeOf("which country gets reuters answers in meta ai");
    expect(country).toEqual({ kind: "place", scope: "country" });
    expect(isSpecific(country)).toBe(true);
    expect(holdsAnswer(country, "The arrangement initially covers users in the United States.")).toBe(true);
    expect(holdsAnswer(country, "It first launches in the UK.")).toBe(true);
    expect(holdsAnswer(country, "Meta AI will draw on Reuters reporting to answer user questions.")).toBe(false);
    expect(holdsAnswer(country, "Ask us anything.")).toBe(false); // "us" is a country in capitals only
    const state = answerTypeOf("what state is the new campus in");
    expect(state).toEqual({ kind: "place", scope: "state" });
    expect(holdsAnswer(state, "The campus is in Richmond County, North Carolina.")).toBe(true);
    expect(holdsAnswer(state, "The campus opens in 2026.")).toBe(false);
    expect(isSpecific(answerTypeOf("where is the campus"))).toBe(false);
  });

  it("reads a sum news gives without its figure as a sum", () => {
    expect(holdsAnswer({ kind: "money" }, "The suit asks for billions of dollars in damages.")).toBe(true);
    expect(holdsAnswer({ kind: "money" }, "The suit asks for damages.")).toBe(false);
  });

  it("counts entities as organisations, what is counted read past the words before it", () => {
    expect(answerTypeOf("how many chinese firms got blacklisted")).toEqual({ kind: "count", unit: terms("firms")[0] });
    expect(answerTypeOf("how many more monthly users")).toEqual({ kind: "count", unit: terms("users")[0] });
    expect(answerTypeOf("how many us jobs")).toEqual({ kind: "count", unit: terms("jobs")[0] });
    expect(holdsAnswer(answerTypeOf("how many chinese firms got blacklisted"), "About 140 entities were added to the Entity List.")).toBe(true);
  });

  it("reads a cause asked for as a reason, and what the cash is for as a purpose", () => {
    const cause = answerTypeOf("aws outage oct 2025 root cause");
    expect(cause).toEqual({ kind: "reason" });
    expect(answerTypeOf("what caused the outage")).toEqual({ kind: "reason" });
    expect(answerTypeOf("what will the seller do with the cash from the sale")).toEqual({ kind: "reason" });
    expect(answerTypeOf("what broke google cloud in june")).toEqual({ kind: "reason" });
    expect(answerTypeOf("what knocked chatgpt offline in december")).toEqual({ kind: "reason" });
    expect(answerTypeOf("when does the power agreement end")).toEqual({ kind: "date", ahead: true });
    expect(answerTypeOf("azure outage which airline")).toEqual({ kind: "name", role: "organisation" });
    expect(holdsAnswer(cause, "Amazon traced the trouble to DNS failures in one database service.")).toBe(true);
    expect(holdsAnswer(cause, "The company blamed a race condition in its automation.")).toBe(true);
    expect(holdsAnswer(cause, "The outage began early on Monday in one region.")).toBe(false);
  });

  it("counts organisations as customers, clients or firms, and a count joined to its word", () => {
    const firms = answerTypeOf("how many firms use the software");
    expect(holdsAnswer(firms, "It is used by more than 5,000 enterprise clients.")).toBe(true);
    expect(holdsAnswer(firms, "It has 5,000 engineers.")).toBe(false);
    expect(holdsAnswer(answerTypeOf("how many tokens can it read"), "It reads a 400,000-token context window.")).toBe(true);
  });
});

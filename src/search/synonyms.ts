import { stemmer } from "stemmer";

/**
 * Words that news and chat use for the same thing in this domain. Each group is indexed and searched as
 * one term (like a stem), so "how many roles" finds "about 9,000 jobs" and "gpus" finds "accelerators"
 * at full weight, without extra query words. A small table of our own rather than a thesaurus: WordNet
 * groups "stake" with "post" and "bet", "cut" with "gash" and "snub"; here only the senses the news uses
 * (measured against WordNet on the question sets: see the README). Buy / acquire / takeover are not one
 * group: merged, they ranked every acquisition key point alike; acquisition articles are found by those
 * words through their deal kind (newsIndex.ts, DEAL_WORDS).
 */
const GROUPS = [
  "jobs job roles role positions position headcount staff staffers employees employee workers worker workforce personnel",
  "chips chip gpus gpu accelerators accelerator processors processor semiconductors semiconductor silicon tpus tpu",
  "stake stakes equity slice",
  // Irregular forms the stemmer leaves apart.
  "buy buys buying bought buyer buyers",
  // Not "sale", "sales": those are also revenue.
  "sell sells selling sold seller sellers",
  "slump slumped plunge plunged tumble tumbled slide slid crash crashed sink sank rout selloff",
  "sue sues sued suing lawsuit lawsuits suit suits litigation",
  "layoffs layoff fire fired firing sack sacked redundancies",
  "fine fined fines penalty penalties penalize penalized penalizes penalise penalised penalises",
  // A company's or a division's head, as chat and headlines call them: "samsung new chip boss", "its chip chief".
  "boss bosses ceo chief chiefs",
  "startup startups",
  "customers customer clients client",
  "keep keeps kept keeping retain retains retained retaining",
  "owner owners own owns owned ownership",
  "profit profits earnings",
  "resign resigns resigned resignation quit quits retire retires retired retirement",
  "speed speeds speedier fast faster fastest quick quicker quickest",
  "valuation valuations valued",
  "ipo ipos flotation",
  "bankrupt bankruptcy bankruptcies insolvency insolvent",
  "surge surged surging soar soared soaring jump jumped jumping rally rallied spike spiked",
  "pact pacts accord accords agreement agreements contract contracts",
  // A court's decision, whatever news or chat calls it: "the verdict" meets "the judge ruled".
  "rule ruled ruling rulings verdict verdicts judgment judgments judgement judgements",
  // A deal done: "when did the purchase complete" meets "the acquisition closed", "was finalized".
  "complete completes completed completing completion finalize finalizes finalized finalise finalised",
  "watchdog watchdogs regulator regulators",
  // Where a company is based is its headquarters: "where is it headquartered" meets "based in New Jersey".
  "headquarters headquartered based",
  // What a thing costs, however news words it: "the original price tag" meets "budgeted at $20 billion".
  "cost costs costing budget budgets budgeted",
  "hydropower hydroelectric hydro",
  "delete deletes deleted deleting wipe wipes wiped wiping erase erased",
  // Part of a company, whatever the news calls it: "samsung's semiconductor unit" meets "its chip division".
  "unit units division divisions segment segments",
  "cancel cancels cancelled canceled cancelling canceling scrap scraps scrapped scrapping shelve shelves shelved abandon abandons abandoned ditch ditched",
  "tariff tariffs levy levies",
  // Where chips are made: "the europe factories" meets "its planned fabs in Germany".
  "factory factories fab fabs plant plants",
  // In this news, power is electricity: "how much electricity" meets "3.8 gigawatts of power capacity".
  "power electricity",
  "additional incremental extra",
  // What a company expects to earn: "the outlook" meets "its forecast", "guidance".
  "forecast forecasts forecasted outlook outlooks guidance",
  "annual annually yearly",
  "delay delays delayed delaying postpone postpones postponed postponing",
  // A product brought out, whatever the news calls it: "release date" meets "launched on".
  "launch launches launched launching release releases released releasing unveil unveils unveiled unveiling debut debuts debuted",
  // Comparatives the stemmer leaves apart from their adjective: "why so early" meets "earlier than planned".
  "early earlier earliest",
  "high higher highest",
  "low lower lowest",
  "big bigger biggest",
  "large larger largest",
  "small smaller smallest",
  "cheap cheaper cheapest",
  "strong stronger strongest",
  "weak weaker weakest",
  // British and American spellings the stemmer leaves apart: "data centres", "data centers".
  "center centers centre centres",
  // Units as chat abbreviates them: "how many gw" meets "6 gigawatts".
  "gigawatt gigawatts gw",
  "megawatt megawatts mw",
];

const canonical = new Map<string, string>();
for (const group of GROUPS) {
  const words = group.split(" ");
  const head = stemmer(words[0]!);
  for (const word of words) canonical.set(stemmer(word), head);
}

/**
 * The words of the groups by their own stems ("agreement" -> "agreement", "postponed" -> "postponed"): a
 * group's words are indexed as its first, so a typo of one of them ("agreeemnt") is looked for among these.
 */
const writtenByStem = new Map<string, string[]>();
for (const group of GROUPS) for (const word of group.split(" ")) writtenByStem.set(stemmer(word), [...(writtenByStem.get(stemmer(word)) ?? []), word]);

/** Each word of a synonym group by its own stem, with its forms as written in the groups ("postpon": postpone, postponed). */
export function synonymSpellings(): ReadonlyMap<string, readonly string[]> {
  return writtenByStem;
}

/** The stems of the groups' words by their first letter: a typo is looked for among the few it may be of. */
const stemsByInitial = new Map<string, string[]>();
for (const stem of writtenByStem.keys()) stemsByInitial.set(stem[0]!, [...(stemsByInitial.get(stem[0]!) ?? []), stem]);

/**
 * The stems of the groups' words a typo may be of: those starting with its letter, of a length within
 * `typos` of its own (a typo in a word's first letter is rare, and this runs for every unknown word).
 */
export function synonymStemsNear(term: string, typos: number): string[] {
  return (stemsByInitial.get(term[0] ?? "") ?? []).filter((stem) => Math.abs(stem.length - term.length) <= typos);
}

/** The term a stemmed word is indexed and searched as: its group's term, or itself. */
export function synonymTerm(stem: string): string {
  return canonical.get(stem) ?? stem;
}

import { canonicalCompany } from "../extract/companies.js";
import { findMoney } from "../extract/money.js";
import type { AnswerType } from "./answerType.js";
import { namesCountry, namesState } from "./places.js";
import { processTerm, terms } from "./text.js";

const MONTH = "january|february|march|april|may|june|july|august|september|october|november|december";
const DATE_IN_TEXT = new RegExp(
  `\\b(19|20)\\d{2}\\b|\\b(${MONTH}|q[1-4]|quarter|half of|next year|this year|by the end|end of|within (a|\\d+|two|three|four|five) (years?|months?|weeks?)|(?<!\\b(?:per|a|an|each|every) )(?:weeks?|months?)|years? (later|after|from))\\b`,
  "i",
);
const PERCENT = /\d\s?(%|percent\b)|\b(half|majority|minority|third|quarter) (of|stake)\b/i;
/** A number that counts something: digits (not a year) or a scale, then up to four words to what it counts ("200,000-token window" too). */
const COUNTED = /(?<![\d.,$€£])(\d[\d,.]*\s?(?:k|thousand|million|billion)?|\b(?:dozens|hundreds|thousands|millions) of|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a|several)(?: (?:hundred|thousand|million|billion))?)((?:(?:\s+|-)\p{L}[\p{L}-]*){1,4})/giu;
/** A capitalised word or run of them inside a sentence (the first word of a sentence is capitalised anyway). */
const NAME_IN_TEXT = /(?<=[\p{Ll}\p{N},;:] )\p{Lu}[\p{L}\p{N}&.-]*(?: (?:\p{Lu}[\p{L}\p{N}&.-]*|of|de|von))*/gu;
/** Capitalised words that are not names. */
const NOT_NAMES = new Set([
  ...MONTH.split("|"),
  ..."monday tuesday wednesday thursday friday saturday sunday i ceo ceos cfo coo cto chief ai gpu gpus cpu ipo ipos".split(" "),
]);
const LEADER_IN_TEXT = /\b(CEO|chief executive|interim|president|chair\w*|head of|leads?|led by|taking over|took over|succeed\w*|appointed|named)\b/;
const FOUNDER_IN_TEXT = /\b(found(ed|er|ers)|co-?found\w*|started by|created by)\b/i;
/** A future date or a deadline: "by the end of 2029", "begin in the third quarter of 2026", "expected in". */
const AHEAD_IN_TEXT = /\b(by|will|expected|expects|planned|plans?|scheduled|due|begin\w*|start\w*|until|through|from|over the next|within|target\w*|aim\w*|slated|set to|on track)\b/i;
/** Who bought or backed it: the buyers and investors, or the buyer a business is sold to ("sell the unit to KKR"). */
const BACKER_IN_TEXT = /\b(buyers?|investors?|included|including|led by|(co-)?led the|backed by|particip\w*|joined by|alongside|acquir\w*|bought by|(sell|sells|selling|sold)\b[^.;]{0,80}\bto)\b/i;
const REPORTER_IN_TEXT = /\b(reported|reports?|according to|citing|first published|broke the news|revealed)\b/i;
/** Who owns it: "owned by", "its parent", "holds 70%", "a unit of". */
const OWNER_IN_TEXT = /\b(own(s|ed|er|ers|ership)?|parent|subsidiary|unit of|majority|controll?(ed|ing|s)?|holds?|kept|stake)\b/i;
const TITLE_IN_TEXT = /\b(named|called|dubbed|branded|known as)\b/i;
const DURATION_IN_TEXT = /\b(\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|a|several)[\s-]+(hours?|days?|weeks?|months?|years?|decades?)\b|\b(multi-?year|year-long|\d+-(year|month|day))\b/i;
const REASON_IN_TEXT = new RegExp(
  [
    String.raw`\b(because|due to|so that|in order to|to (help|fund|pay|finance|raise|free|avoid|meet|comply)|help(s|ed)? (to )?(pay|fund|finance|cover)|pay(s|ing)? for|proceeds`,
    String.raw`for (abusing|violating|breaching|failing|breaking)|(fined|penali[sz]ed|punished|sanctioned|sued|charged|critici[sz]ed|blamed) (for|over)`,
    String.raw`in response to|as a result of|driven by|found that|accus\w*|alleg\w*|citing|aimed at|amid|reason|traced|blamed|caused by|stemm(ed|ing) from|triggered by|root cause)\b`,
  ].join("|"),
  "i",
);
/** What pays for it: "funded by converting $5.7 billion in grants", "the proceeds of", "financed with debt". */
const SOURCE_IN_TEXT = /\b(fund(ed|ing)|financ(ed|ing)|paid for|pay for|comes? from|coming from|convert\w*|drawn from|sourced from|proceeds|raised from|backed by|loans?|debt|grants?)\b/i;
/** A quantity with its measure: "a 200,000-token context window", "1.4 gigawatts", "500 MW". */
const SIZE_IN_TEXT = /\d[\d,.]*\s?(k|thousand|million|billion)?[\s-]*(tokens?|words?|pages?|characters?|lines?|gigawatts?|megawatts?|kilowatts?|GW|MW|kW|terawatt-hours|TWh|terabytes?|gigabytes?|petabytes?|TB|GB|PB|parameters?|petaflops|exaflops)\b|\bcontext window\b/i;
/** How a ruling or contest went: "rejected the claim", "sided with", "dismissed", "found on May 2 that", "did not breach". */
const OUTCOME_IN_TEXT = /\b(rejected|rejects|dismissed|threw out|thrown out|sided with|found (that|\w+ (liable|guilty))|found\b[^.;]{0,40}\bthat|did not (breach|infringe|violate|violated)|(breached|infringed|violated) (its|the|their)|verdict|liable|concluded that|ruled (for|against|in favou?r)|in favou?r of|prevailed|upheld|overturned|cleared|denied|won|lost|failed to (prove|show)|not proven|declined to|approved|blocked|blocking|signed off|vetoed|banned)\b/i;
/** What a party asks for: "prosecutors asked for Google to be forced to sell", "the union is seeking". */
const DEMAND_IN_TEXT = /\b(asked|asks|asking|seek\w*|sought|wants?|wanted|demand\w*|call(ed|s|ing)? for|propos\w*|urg(ed|es|ing)|push\w* for|request\w*|press(ed|ing) for)\b/i;
/** How a price moved: a move word ("rose", "fell about 7%", "erasing $589 billion") beside a share or a sum. */
const MOVE_IN_TEXT = /\b(rose|rise|rises|rising|jump\w*|surg\w*|soar\w*|climb\w*|gain\w*|rall(y|ied|ies)|popped|added|fell|fall|falls|falling|drop\w*|slid|slide|slides|sliding|slipp?\w*|sank|sink\w*|tumbl\w*|plung\w*|slump\w*|declin\w*|lost|los(e|es|ing)|shed|erased|erasing|wiped|wiping|record high|all-time high)\b/i;
/** A comparison: "twice the speed", "3x", "four times", "40% faster", "half the cost". */
const RATIO_IN_TEXT = /\b(twice|double[sd]?|doubling|triple[sd]?|tripling|quadruple[sd]?|half|halve[sd]?|\d+(\.\d+)?\s?(x|times)|(two|three|four|five|six|seven|eight|nine|ten) times)\b|\d\s?(%|percent)\s+(faster|quicker|cheaper|more|less|better|lower|higher|smaller|bigger|larger|slower)\b/i;
const MOVED_BY = /\d\s?(%|percent\b)|[$€£]\s?\d/i;

/** A sum news gives without its figure: "billions of dollars in damages", "hundreds of millions of euros". */
const UNCOUNTED_SUM = /\b(tens of |hundreds of )?(millions|billions|trillions) of (dollars|euros|pounds|yen|yuan)\b/i;
/** A sum news says was kept quiet answers "how much" too: "neither side disclosed the value", "terms were not disclosed". */
const UNDISCLOSED_SUM = /\b(undisclosed|not (been )?disclosed|(did|does|do|would) not disclose|declined to (disclose|say)|(neither|nor|none)\b[^.]{0,40}\bdisclosed)\b/i;
const PLACE_IN_TEXT = /\b(in|at|near|outside) (the )?(\p{Lu}[\p{L}-]+|federal court|court)\b|\b(court|county|state|city|campus|site|plant|factory|district)\b/u;

/** A key point holding a specific fact asked for, without the question's words, ranks at this share of the best matching one. */
export const UNWORDED_ANSWER_SHARE = 0.5;
/** ... looked for in this many of the best articles (an answer shows three; the quality report reads ten). */
export const UNWORDED_ANSWER_ARTICLES = 10;

/**
 * Whether the kind is told apart by the fact alone, so that a key point holding it answers even without
 * the question's words ("when will it be fully deployed": "with the full rollout finished by the end of
 * 2029"). A plain name, sum or date is in most key points: those need the question's words too.
 */
export function isSpecific(type: AnswerType): boolean {
  switch (type?.kind) {
    case "count": return type.unit !== null;
    case "place": return type.scope !== null;
    case "date": return type.ahead;
    case "name": return type.role !== null;
    case "share": case "duration": case "reason": case "size": case "source": case "outcome": case "demand": case "move": case "ratio": return true;
    default: return false;
  }
}

/**
 * Whether a key point holds a fact of that kind. A name must be someone other than the question's
 * subject (`asked`: the question's search terms): "who ran Intel after Gelsinger left" is not answered
 * by a key point naming Gelsinger alone, "which carrier is testing Nokia's gear" not by one naming Nokia.
 */
export function holdsAnswer(type: AnswerType, text: string, asked: ReadonlySet<string> = new Set()): boolean {
  switch (type?.kind) {
    case "date": return DATE_IN_TEXT.test(text) && (!type.ahead || AHEAD_IN_TEXT.test(text));
    case "money": return findMoney(text).some((m) => m.explicit) || UNCOUNTED_SUM.test(text) || UNDISCLOSED_SUM.test(text);
    case "share": return PERCENT.test(text);
    case "count": return countsIn(text, type.unit);
    case "name": return namesOtherThan(text, asked, type.role === "person") && (type.role === null || ROLE_IN_TEXT[type.role].test(text));
    case "duration": return DURATION_IN_TEXT.test(text);
    case "place": return type.scope === "country" ? namesCountry(text) : type.scope === "state" ? namesState(text) : PLACE_IN_TEXT.test(text);
    case "reason": return REASON_IN_TEXT.test(text);
    case "size": return SIZE_IN_TEXT.test(text);
    case "source": return SOURCE_IN_TEXT.test(text) && findMoney(text).some((m) => m.explicit);
    case "outcome": return OUTCOME_IN_TEXT.test(text);
    case "demand": return DEMAND_IN_TEXT.test(text);
    case "move": return MOVE_IN_TEXT.test(text) && MOVED_BY.test(text);
    case "ratio": return RATIO_IN_TEXT.test(text);
    default: return false;
  }
}

/** An organisation or a person is named by a name: whether the text names one other than the subject is all it takes. */
const ROLE_IN_TEXT = { leader: LEADER_IN_TEXT, founder: FOUNDER_IN_TEXT, backer: BACKER_IN_TEXT, reporter: REPORTER_IN_TEXT, organisation: /./, person: /./, title: TITLE_IN_TEXT, owner: OWNER_IN_TEXT };

/**
 * The names in a text: capitalised words inside a sentence, and its first word when it is plainly a name
 * (a known company, written like a name, "T-Mobile", "OpenAI", or more than one capitalised word).
 */
function namesIn(text: string): string[] {
  const names = [...text.matchAll(NAME_IN_TEXT)].map(([name]) => name);
  const first = FIRST_NAME_RUN.exec(text)?.[0];
  if (first && (first.includes(" ") || LIKE_A_NAME.test(first) || canonicalCompany(first) !== undefined)) names.push(first);
  return names;
}

/** The capitalised words a text starts with: "Bloomberg News first reported" (more than one is a name). */
const FIRST_NAME_RUN = /^\p{Lu}[\p{L}\p{N}&.-]*(?: \p{Lu}[\p{L}\p{N}&.-]*)*/u;
/** A word written as a name is written: a capital after its first letter ("OpenAI", "T-Mobile", "IBM"). */
const LIKE_A_NAME = /^\p{Lu}[\p{L}\p{N}&.-]*[\p{Lu}\p{N}]/u;

/** Whether the text names someone or something that the question does not (a person's first and last name, when `person`). */
function namesOtherThan(text: string, asked: ReadonlySet<string>, person = false): boolean {
  for (const name of namesIn(text)) {
    const words = name.split(/[\s-]+/).map((word) => word.toLowerCase().replace(/[.,]+$/, "")).filter((word) => !NOT_NAMES.has(word));
    if (person && (words.length < 2 || words.some((word) => NOT_PEOPLE.has(word)))) continue;
    // processTerm, not terms: this runs for many key points, and a word is stemmed once (memoized).
    const named = words.map(processTerm).filter((term): term is string => term !== null);
    if (named.length > 0 && !named.some((term) => asked.has(term))) return true;
  }
  return false;
}

/** Words of the names of organisations and places, not people: "Justice Department", "Thrive Capital". */
const NOT_PEOPLE = new Set(
  `department commission authority court news group capital partners holdings inc corp corporation company co ltd
  llc fund bank office agency ministry council union board markets house senate congress states kingdom cloud
  services platforms technologies systems labs ai street act district`.split(/\s+/),
);

/** Whether the text counts something (that `unit`, when given): "about 4,000 employees", "55 engineers". */
function countsIn(text: string, unit: string | null): boolean {
  const money = findMoney(text).filter((m) => m.explicit);
  for (const match of text.matchAll(COUNTED)) {
    if (/^(19|20)\d{2}$/.test(match[1]!.trim())) continue;
    if (money.some((m) => match.index! >= m.index && match.index! < m.index + m.text.length)) continue;
    if (unit === null) return true;
    const counted = match[2]!.trim().split(/[\s-]+/).map(processTerm).filter((term): term is string => term !== null);
    if (counted.includes(unit)) return true;
    for (const kind of COUNTED_KINDS) if (kind.has(unit) && counted.some((term) => kind.has(term))) return true;
  }
  return false;
}

/**
 * Counting people: "how many people" is answered by "55 engineers" or "14,000 corporate roles"; counting
 * organisations: "how many companies use it" by "300,000 business customers"; counting sites: "how many
 * sites" by "28 data centres".
 */
const COUNTED_KINDS = [
  new Set(terms("people persons employees engineers researchers scientists designers staff workers jobs executives managers users customers shoppers consumers buyers subscribers members households viewers listeners players drivers patients students residents voters")),
  new Set(terms("companies firms businesses customers clients enterprises organizations organisations brands partners accounts entities")),
  new Set(terms("sites centers facilities campuses locations plants factories fabs offices stores")),
];

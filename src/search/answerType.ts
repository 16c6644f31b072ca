import { findMoney } from "../extract/money.js";
import { processTerm, terms } from "./text.js";

/**
 * What kind of fact a question asks for, read from its words: "when ..." a date or a deadline, "how much
 * ... pay" a sum, "how many people" a count of people, "how big a stake" a share, "who" a name, "where" a
 * place. A count names what is counted (`unit`, a search term), when the question says.
 */
export type AnswerType =
  | { kind: "money" | "share" | "place" | "reason" | "duration" }
  | { kind: "count"; unit: string | null }
  /** `ahead`: the question asks when something will happen ("when will ... go live"): a deadline, not the news date. */
  | { kind: "date"; ahead: boolean }
  /**
   * `role`: who in what role, when the question says: "who runs" a leader, "who started" a founder, "who
   * bought the shares" the buyers or backers; "name of the thing" what it is called.
   */
  | { kind: "name"; role: "leader" | "founder" | "backer" | "title" | null }
  | null;

/** Chat drops apostrophes and capitals: "whens", "hows" read as "when's", "how's". */
const plain = (question: string) => question.toLowerCase().replace(/['’]/g, "");

const SHARE = /\b(how (big|large|much) (of )?a (stake|share|slice|chunk|piece)|what (size|kind of|sort of) (stake|share)|what (share|percent|percentage|portion|fraction|stake)|how much of (it|the company|\w+ (does|did|will) \w+ own)|what % |ownership)\b/;
const COUNT = /\b(how many|number of|what number of|headcount)(?:\s+(\w+))?/;
const DATE = /\b(when|whens|what date|what day|what month|what year|which year|how soon|by when|timeline|deadline|how long (until|before|till)|due (by|to (close|complete|finish)))\b/;
const MONEY = /\b(how much|what price|price|cost|costs|paid|pay|paying|pays|worth|valu(e|ed|ation)|amount|how big (a|was the) (deal|check|cheque|round|contract|investment|fine)|what did \w+( \w+)? (get|receive|pay|spend|offer|put in|invest)|put in|sum)\b/;
const PLACE = /\b(where|wheres|what (city|state|country|court|site|town)|which (city|state|country|court|site|town))\b/;
const NAME = /\b(who|whos|whom|which (?!(year|month|day|quarter|date|time)\b)[a-z]+|what (company|companies|firm|startup|lab|bank|fund|outlet|carrier|investor|investors|name)|name of)\b/;
const LEADER = /\b(runs?|running|ran|heads?|took over|taking over|in charge|replac\w*|succeed\w*|boss|ceo|chief|steer\w*)\b/;
const FOUNDER = /\b(start(ed|s)?|found(ed|s)?|co-?found\w*|creat(ed|es)|set up)\b/;
const DURATION = /\b(how long (?!(until|before|till)\b)|for how long|how many (years|months|weeks|days|hours)\b)/;
const BACKER = /\bwho(s| is| are| were| was)? (bought|buys|buying|purchased|invest\w*|back\w*|fund\w*|put money|participat\w*)\b/;
const TITLE = /\b(name of|what is it called|whats it called|called what|what (is|was) the (name|product|model|venture|fund) called)\b/;
const REASON = /\b(why|how come|what for|reason|reasons)\b/;
const AHEAD = /\b(will|would|going to|gonna|expected|supposed|due|plan(s|ned)?|deadline|by when|how soon)\b/;
/** "when's the deal closing" looks ahead, "when did it close" back. */
const HAPPENING = /\b(go(es|ing)? live|clos(e|es|ing)|start(s|ing)?|begin(s|ning)?|finish(es|ing)?|complet(e|es|ing)|wrap(s|ping)? up|launch(es|ing)?|ship(s|ping)?)\b/;
const PAST = /\b(did|was|were|had|has)\b/;

/** The kind of fact a question asks for, or null when it asks for none in particular. */
export function answerTypeOf(question: string): AnswerType {
  const text = plain(question);
  if (SHARE.test(text)) return { kind: "share" };
  const count = COUNT.exec(text);
  // "anthropic google tpus how many": a fragment names what it counts before the question words.
  const counted = count?.[2] ?? (count ? text.slice(0, count.index).trim().split(/\s+/).pop() : undefined);
  if (count) return { kind: "count", unit: counted ? (terms(counted)[0] ?? null) : null };
  if (DURATION.test(text)) return { kind: "duration" };
  if (DATE.test(text)) return { kind: "date", ahead: AHEAD.test(text) || (HAPPENING.test(text) && !PAST.test(text)) };
  if (MONEY.test(text)) return { kind: "money" };
  if (PLACE.test(text)) return { kind: "place" };
  if (TITLE.test(text)) return { kind: "name", role: "title" };
  if (NAME.test(text)) return { kind: "name", role: BACKER.test(text) ? "backer" : FOUNDER.test(text) ? "founder" : LEADER.test(text) ? "leader" : null };
  if (REASON.test(text)) return { kind: "reason" };
  return null;
}

const MONTH = "january|february|march|april|may|june|july|august|september|october|november|december";
const DATE_IN_TEXT = new RegExp(
  `\\b(19|20)\\d{2}\\b|\\b(${MONTH}|q[1-4]|quarter|half of|next year|this year|by the end|end of|within (a|\\d+|two|three|four|five) (years?|months?|weeks?)|weeks?|months?|years? (later|after|from))\\b`,
  "i",
);
const PERCENT = /\d\s?(%|percent\b)|\b(half|majority|minority|third|quarter) (of|stake)\b/i;
/** A number that counts something: digits (not a year) or a scale, then up to three words to what it counts. */
const COUNTED = /(?<![\d.,$€£])(\d[\d,.]*\s?(?:k|thousand|million|billion)?|\b(?:dozens|hundreds|thousands|millions) of|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a|several)(?: (?:hundred|thousand|million|billion))?)((?:\s+[\p{L}-]+){1,4})/giu;
const NAME_IN_TEXT = /(?<=[\p{Ll}\p{N},;:] )\p{Lu}[\p{L}\p{N}&.-]+/u;
const LEADER_IN_TEXT = /\b(CEO|chief executive|interim|president|chair\w*|head of|leads?|led by|taking over|took over|succeed\w*|appointed|named)\b/;
const FOUNDER_IN_TEXT = /\b(found(ed|er|ers)|co-?found\w*|started by|created by)\b/i;
/** A future date or a deadline: "by the end of 2029", "begin in the third quarter of 2026", "expected in". */
const AHEAD_IN_TEXT = /\b(by|will|expected|expects|planned|plans?|scheduled|due|begin\w*|start\w*|until|through|from|over the next|within)\b/i;
const BACKER_IN_TEXT = /\b(buyers?|investors?|included|including|led by|backed by|particip\w*|joined by|alongside)\b/i;
const TITLE_IN_TEXT = /\b(named|called|dubbed|branded|known as)\b/i;
const DURATION_IN_TEXT = /\b(\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|a|several)[\s-]+(hours?|days?|weeks?|months?|years?|decades?)\b|\b(multi-?year|year-long|\d+-(year|month|day))\b/i;
const REASON_IN_TEXT = /\b(because|due to|so that|in order to|to (help|fund|pay|finance|raise|free|avoid|meet|comply)|for (abusing|violating|breaching|failing|breaking)|found that|accus\w*|alleg\w*|citing|aimed at|amid|reason)\b/i;
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
    case "date": return type.ahead;
    case "name": return type.role !== null;
    case "share": case "duration": case "reason": return true;
    default: return false;
  }
}

/** Whether a key point holds a fact of that kind. */
export function holdsAnswer(type: AnswerType, text: string): boolean {
  switch (type?.kind) {
    case "date": return DATE_IN_TEXT.test(text) && (!type.ahead || AHEAD_IN_TEXT.test(text));
    case "money": return findMoney(text).some((m) => m.explicit);
    case "share": return PERCENT.test(text);
    case "count": return countsIn(text, type.unit);
    case "name": return NAME_IN_TEXT.test(text) && (type.role === null || ROLE_IN_TEXT[type.role].test(text));
    case "duration": return DURATION_IN_TEXT.test(text);
    case "place": return PLACE_IN_TEXT.test(text);
    case "reason": return REASON_IN_TEXT.test(text);
    default: return false;
  }
}

const ROLE_IN_TEXT = { leader: LEADER_IN_TEXT, founder: FOUNDER_IN_TEXT, backer: BACKER_IN_TEXT, title: TITLE_IN_TEXT };

/** Whether the text counts something (that `unit`, when given): "about 4,000 employees", "55 engineers". */
function countsIn(text: string, unit: string | null): boolean {
  const money = findMoney(text).filter((m) => m.explicit);
  for (const match of text.matchAll(COUNTED)) {
    if (/^(19|20)\d{2}$/.test(match[1]!.trim())) continue;
    if (money.some((m) => match.index! >= m.index && match.index! < m.index + m.text.length)) continue;
    if (unit === null) return true;
    // processTerm, not terms: this runs for many key points, and a word is stemmed once (memoized).
    const counted = match[2]!.trim().split(/[\s-]+/).map(processTerm).filter((term): term is string => term !== null);
    if (counted.includes(unit) || (PEOPLE.has(unit) && counted.some((term) => PEOPLE.has(term)))) return true;
  }
  return false;
}

/** Counting people: "how many people" is answered by "55 engineers" or "14,000 corporate roles". */
const PEOPLE = new Set(terms("people persons employees engineers researchers scientists designers staff workers jobs executives managers users customers"));

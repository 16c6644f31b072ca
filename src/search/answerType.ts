import { findMoney } from "../extract/money.js";
import { terms } from "./text.js";

/**
 * What kind of fact a question asks for, read from its words: "when ..." a date or a deadline, "how much
 * ... pay" a sum, "how many people" a count of people, "how big a stake" a share, "who" a name, "where" a
 * place. A count names what is counted (`unit`, a search term), when the question says.
 */
export type AnswerType =
  | { kind: "date" | "money" | "share" | "name" | "place" }
  | { kind: "count"; unit: string | null }
  | null;

/** Chat drops apostrophes and capitals: "whens", "hows" read as "when's", "how's". */
const plain = (question: string) => question.toLowerCase().replace(/['’]/g, "");

const SHARE = /\b(how (big|large|much) (of )?a (stake|share|slice|chunk|piece)|what (size|kind of|sort of) (stake|share)|what (share|percent|percentage|portion|fraction|stake)|how much of (it|the company|\w+ (does|did|will) \w+ own)|what % |ownership)\b/;
const COUNT = /\b(how many|number of|what number of|headcount)(?:\s+(\w+))?/;
const DATE = /\b(when|whens|what date|what day|what month|what year|which year|how soon|by when|timeline|deadline|how long (until|before|till)|due (by|to (close|complete|finish)))\b/;
const MONEY = /\b(how much|what price|price|cost|costs|paid|pay|paying|pays|worth|valu(e|ed|ation)|amount|how big (a|was the) (deal|check|cheque|round|contract|investment|fine)|what did \w+( \w+)? (get|receive|pay|spend|offer|put in|invest)|put in|sum)\b/;
const NAME = /\b(who|whos|whom|which (company|companies|firm|firms|investor|investors|bank|banks|fund|funds|outlet|publication|partner|partners|executive|exec|person|people|startup|startups|lab|labs|buyer|buyers|rival|rivals|regulator|regulators)|what (company|firm|startup|lab|bank|fund|outlet))\b/;
const PLACE = /\b(where|wheres|what (city|state|country|court|site)|which (city|state|country|court|site))\b/;

/** The kind of fact a question asks for, or null when it asks for none in particular. */
export function answerTypeOf(question: string): AnswerType {
  const text = plain(question);
  if (SHARE.test(text)) return { kind: "share" };
  const count = COUNT.exec(text);
  // "anthropic google tpus how many": a fragment names what it counts before the question words.
  const counted = count?.[2] ?? (count ? text.slice(0, count.index).trim().split(/\s+/).pop() : undefined);
  if (count) return { kind: "count", unit: counted ? (terms(counted)[0] ?? null) : null };
  if (DATE.test(text)) return { kind: "date" };
  if (MONEY.test(text)) return { kind: "money" };
  if (NAME.test(text)) return { kind: "name" };
  if (PLACE.test(text)) return { kind: "place" };
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
const PLACE_IN_TEXT = /\b(in|at|near|outside) (the )?(\p{Lu}[\p{L}-]+|federal court|court)\b|\b(court|county|state|city|campus|site|plant|factory|district)\b/u;

/** Whether a key point holds a fact of that kind. */
export function holdsAnswer(type: AnswerType, text: string): boolean {
  switch (type?.kind) {
    case "date": return DATE_IN_TEXT.test(text);
    case "money": return findMoney(text).some((m) => m.explicit);
    case "share": return PERCENT.test(text);
    case "count": return countsIn(text, type.unit);
    case "name": return NAME_IN_TEXT.test(text);
    case "place": return PLACE_IN_TEXT.test(text);
    default: return false;
  }
}

/** Whether the text counts something (that `unit`, when given): "about 4,000 employees", "55 engineers". */
function countsIn(text: string, unit: string | null): boolean {
  const money = findMoney(text).filter((m) => m.explicit);
  for (const match of text.matchAll(COUNTED)) {
    if (/^(19|20)\d{2}$/.test(match[1]!.trim())) continue;
    if (money.some((m) => match.index! >= m.index && match.index! < m.index + m.text.length)) continue;
    if (unit === null) return true;
    const counted = terms(match[2]!);
    if (counted.includes(unit) || (PEOPLE.has(unit) && counted.some((term) => PEOPLE.has(term)))) return true;
  }
  return false;
}

/** Counting people: "how many people" is answered by "55 engineers" or "14,000 corporate roles". */
const PEOPLE = new Set(terms("people persons employees engineers researchers scientists designers staff workers jobs executives managers users customers"));

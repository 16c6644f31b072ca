import { findMoney } from "../extract/money.js";

/** What kind of fact a question asks for, read from its first words. */
export type AnswerType = "date" | "money" | "count" | "name" | null;

const ASKS: Array<[AnswerType, RegExp]> = [
  ["date", /\b(when|what date|what year|which year|how soon|by when|timeline|deadline)\b/i],
  ["money", /\b(how much|what price|price|cost|worth|valu(e|ed|ation)|paid|pay|amount)\b/i],
  ["count", /\b(how many|what number|what share|what percentage|what stake|how big a stake)\b/i],
  ["name", /\b(who|whom|which (company|companies|firm|firms|investor|investors|bank|banks|fund|funds|outlet|publication|partner|partners|executive|person|people|chip|chips|model|models)|what company|what firm)\b/i],
];

const DATE = /\b(19|20)\d{2}\b|\b(january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]|quarter|half of|next year|this year|by the end)\b/i;
const COUNT = /\b\d[\d,.]*\s?(%|percent|million|billion|thousand)?\b/i;
const NAME = /(?<=[\p{Ll}\p{N},;:] )\p{Lu}[\p{L}\p{N}&.-]+/u;

/** The kind of fact a question asks for: "when ..." a date, "how much ..." money, "who ..." a name. */
export function answerTypeOf(question: string): AnswerType {
  for (const [type, pattern] of ASKS) if (pattern.test(question)) return type;
  return null;
}

/** Whether a key point holds a fact of that kind. */
export function holdsAnswer(type: AnswerType, text: string): boolean {
  switch (type) {
    case "date": return DATE.test(text);
    case "money": return findMoney(text).some((m) => m.explicit);
    case "count": return COUNT.test(text);
    case "name": return NAME.test(text);
    default: return false;
  }
}

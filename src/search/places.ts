import { terms } from "./text.js";

/**
 * Places by the names questions use for them: "British regulators" are the UK's, "Chinese buyers" are in
 * China. A question naming one form also searches the others.
 */
const PLACES = [
  "uk britain british united kingdom",
  "us usa american america united states",
  "eu europe european",
  "china chinese",
  "japan japanese",
  "korea korean",
  "taiwan taiwanese",
  "india indian",
  "france french",
  "germany german",
  "israel israeli",
  "canada canadian",
];

const forms = new Map<string, string[]>();
for (const group of PLACES) {
  const members = [...new Set(terms(group))];
  for (const member of members) forms.set(member, members);
}

/** The other forms of a place term ("british" -> "uk", "britain", ...), or none. */
export function placeForms(term: string): string[] {
  return (forms.get(term) ?? []).filter((form) => form !== term);
}

/**
 * Numbers written as words, as chat writes them, turned into the digits articles use: "three trillion"
 * is "3 trillion" (then the same term as "$3 trillion"), "a fifth" is "20%", "half" "50%", "a dozen" "12".
 * News style spells out one to nine and writes 10 and up in digits, so a small number is turned into
 * digits only before a scale ("three billion") or a percentage; "six-year contract" stays as written.
 */
const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, a: 1, an: 1,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALE = /^(hundred|thousand|million|billion|trillion|percent|per cent|%)/i;

const NUMBER_WORD = Object.keys({ ...UNITS, ...TENS }).filter((w) => w !== "a" && w !== "an").join("|");
/** A run of number words: "forty", "forty-two", "two hundred", "a hundred and fifty". */
const RUN = new RegExp(
  `\\b((?:a|an|${NUMBER_WORD})(?:[\\s-]+(?:and[\\s-]+)?(?:${NUMBER_WORD}|hundred))*)(?=\\s+(\\S+))`,
  "gi",
);

/** Shares of a whole: "a fifth" of a company is 20% of it. */
const FRACTIONS: Array<[RegExp, string]> = [
  [/\bhalf an? (trillion|billion|million)\b/gi, "0.5 $1"],
  [/\b(a|one)[\s-]+half\b|(?<!\b(first|second|latter|back|other|early|late|the)\s+)\bhalf\b(?!\s+(a|an)\b)/gi, "50%"],
  [/\b(a|one)[\s-]+quarter\s+(?=of\b)/gi, "25% "],
  [/\bthree[\s-]+quarters\b/gi, "75%"],
  [/\b(a|one)[\s-]+third\s+(?=of\b)/gi, "33% "],
  [/\btwo[\s-]+thirds\b/gi, "67%"],
  [/\b(a|one)[\s-]+fifth\b/gi, "20%"],
  [/\b(a|one)[\s-]+tenth\b/gi, "10%"],
  [/\b(a|one)[\s-]+dozen\b/gi, "12"],
];

function valueOf(run: string): number | null {
  let total = 0;
  let current = 0;
  for (const word of run.toLowerCase().split(/[\s-]+/)) {
    if (word === "and") continue;
    if (word === "hundred") current = (current || 1) * 100;
    else if (word in TENS) current += TENS[word]!;
    else if (word in UNITS) current += UNITS[word]!;
    else return null;
  }
  total += current;
  return total;
}

/** The question with its numbers in words written in digits. */
export function numbersAsDigits(question: string): string {
  let text = question;
  for (const [pattern, digits] of FRACTIONS) text = text.replace(pattern, digits);
  return text.replace(RUN, (run: string, _words: string, next: string) => {
    const value = valueOf(run);
    if (value === null) return run;
    const beforeScale = SCALE.test(next);
    // "a" and "an" stand for one only before a scale: "a billion", not "a deal".
    if (/^an?$/i.test(run.trim()) && !beforeScale) return run;
    return value >= 10 || beforeScale ? String(value) : run;
  });
}

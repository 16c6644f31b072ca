import { companyAliases } from "../extract/companies.js";
import { namingCompanies } from "../extract/nicknames.js";
import { numbersAsDigits } from "./numberWords.js";
import { namingPlaces } from "./places.js";

/** Possessives typed without the apostrophe: "nvidias deal" is "nvidia's deal". */
const BARE_POSSESSIVE = /(?<![\p{L}\p{N}])([\p{L}\p{N}.]{3,})s(?![\p{L}\p{N}'’])/gu;

function withApostrophes(question: string): string {
  const aliases = companyAliases();
  return question.replace(BARE_POSSESSIVE, (word: string, stem: string) => (aliases.has(stem.toLowerCase()) ? `${stem}'s` : word));
}

/**
 * A question as it is searched: written the way chat writes it ("nvidias", "big blue", "nadellas
 * company", "three trillion", "a fifth", "the lone star state"), read the way articles write it.
 */
export function readQuestion(question: string): string {
  return namingPlaces(namingCompanies(numbersAsDigits(withApostrophes(asArticlesWrite(question)))));
}

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** The business and industry abbreviations chat uses, with the words news writes them in. */
const ABBREVIATED: Record<string, string> = {
  rpo: "remaining performance obligations backlog", capex: "capital spending expenditures", opex: "operating expenses",
  arr: "annual recurring revenue", mau: "monthly active users", maus: "monthly active users", dau: "daily active users",
  daus: "daily active users", eps: "earnings per share", yoy: "year earlier", "m&a": "mergers acquisitions", jv: "joint venture",
  ppa: "power purchase agreement", smr: "small modular reactor", smrs: "small modular reactors", asic: "custom chip",
  asics: "custom chips", lbo: "leveraged buyout", mou: "memorandum of understanding", loi: "letter of intent",
  agi: "artificial general intelligence", genai: "generative ai", vc: "venture capital", vcs: "venture capital investors",
  cfo: "chief financial officer", cto: "chief technology officer", coo: "chief operating officer",
};
const ABBREVIATIONS = new RegExp(`(?<![\\p{L}\\p{N}&])(${Object.keys(ABBREVIATED).join("|")})(?![\\p{L}\\p{N}&])`, "giu");

/**
 * Words chat uses where news writes others, searched as both: "divest" is also "sell", "unfilled" also
 * "open", "ppl" "people", "companies that pay for it" its "customers". One way only: an article's "sell" is not always a divestment.
 */
const CHAT_WORDS: Array<[RegExp, string | ((words: string) => string)]> = [
  [/\bdata ?(cent(?:er|re)s?)\b/gi, "data $1"],
  [/\bdivest(s|ed|ing|iture|ment)?\b/gi, "divest$1 sell"],
  [/\bunfilled\b/gi, "unfilled open"],
  // Those who pay for a product or use it are its customers: "how many companies pay for it".
  // Not the subject of "did ... pay for": "what did the buyout firm pay for the unit" asks for a price.
  [/(?<!\b(?:did|does|do|will|would|could|should|can)\s+(?:(?:the|a|an)\s+)?(?:\w+\s+)?)\b(compan(?:y|ies)|business(?:es)?|firms?|banks?|enterprises?|organi[sz]ations?|people|users?)( that| who)? (pay(?:s|ing)? for|us(?:e|es|ing)|subscrib\w*( to)?)\b/gi, "$& customers"],
  // Compounds news writes as one word, typed apart: "paid up front" is "paid upfront", "buy back" "buyback".
  // Not "take over", "start up" or "sell off": as verbs they mean something else than takeover, startup, a slump.
  [/\b(up[ -]front|buy[ -]backs?|pay[ -]outs?|lay[ -]offs?|roll[ -]outs?|spin[ -]offs?|break[ -]ups?)\b/gi, (words: string) => `${words} ${words.replace(/[ -]/, "")}`],
  // Who runs a company is its chief executive: "who is running intel" also searches "ceo".
  [/\bwho(?:s| is| was)? (?:now )?(runs?|running|ran|heads?|heading|leads|leading|in charge of)\b/gi, "$& ceo"],
  // A business spun off is a unit sold, or a stake in it: "the unit intel spun off".
  [/\b(spun|spin|spins|spinning)[ -](off|out)\b/gi, "$& sold stake unit"],
  [/\bserver (sites?|farms?|halls?|campus(?:es)?)\b/gi, "$& data centers"],
  [/\bre-?(named|branded|brand|name)\b/gi, "$& named"],
  // What an owner "held on to" after a sale is what it kept.
  [/\b(hold|holds|holding|held|hang|hangs|hung) on ?to\b/gi, "$& kept"],
  // A plant "coming back online" restarts.
  [/\b(come|comes|coming|came) back( online)?\b|\bback online\b/gi, "$& restart"],
  // Money "put into", "poured into", "pumped into" a company is invested in it.
  [/\b(put|puts|putting|pour(?:s|ed|ing)?|pump(?:s|ed|ing)?|plow(?:s|ed|ing)?|sink(?:s|ing)?|sank|sunk)(?: (?:money|cash|capital))? in(?:to)?\b/gi, "$& invest contributed"],
  // Staff "let go", "laid off", "axed" are job cuts, as news headlines them.
  [/\b(lay(?:s|ing)? off|laid off|let (?:go|\w+ go)|lets go|axe[sd]?|axing)\b/gi, "$& layoffs job cuts"],
  // Layoffs are job cuts, as news headlines them ("Meta cuts 600 jobs").
  [/\blay-?offs?\b/gi, "$& job cuts"],
  // A deal "wrapped up" or "sealed" completed: it closed.
  [/\b(wrap(s|ped|ping)? up|seal(s|ed|ing)?)\b/gi, "$& completed closed"],
  // What a company "gives up" or "hands over" it sells: "what did microsoft give up to win approval".
  [/\b(give|gives|giving|gave|given) up\b|\bhand(s|ed|ing)? over\b/gi, "$& sold divest handed"],
  // A forecast "lowered" or "trimmed" is cut, as news writes it ("lowered" alone is only lower).
  [/\b(lower(s|ed|ing)?|trim(s|med|ming)?|reduc(e|es|ed|ing)|slash(es|ed|ing)?)\b(?= (its|the|their|his|her|a) (\w+ )?(forecast|outlook|guidance|target|estimate)s?\b)/gi, "$& cut"],
  // Money "per year", "a year", "each year" is annual.
  [/\b(per|a|each|every) year\b/gi, "$& annual"],
  // Taking someone to court is suing them.
  [/\b(tak(e|es|ing|en)|took) \w+( \w+)? to court\b/gi, "$& sue"],
  // A service knocked offline or down had an outage, as news names it.
  // "Down" only after a verb that takes a service down: "sales were down" is not an outage.
  [/\b(knock\w*|took|take[ns]?|taking|went|go(es|ing)?|was|were|is|are|been)( \w+)? offline\b|\b(knock\w*|took|take[ns]?|taking|went|go(es|ing)?|brought|bring(s|ing)?)( \w+)? down\b(?! (by |to |from |about |nearly |almost )?\$?\d)/gi, "$& outage"],
  // Plans "pushed back" or "put on hold" are delayed.
  [/\b(push(es|ed|ing)? back|put on hold|on ice)\b/gi, "$& delayed"],
  // The EU's AI law is the AI Act, as news names it: "the eu ai rulebook".
  [/\bai (law|laws|rulebook|rules|regulation|legislation)\b/gi, "ai act $1"],
  // A help desk is customer support.
  [/\bhelp ?desks?\b/gi, "$& customer support"],
  // What a company "pockets" it receives; "breaking even" is recouping the money put in.
  [/\bpocket(s|ed|ing)?\b/gi, "$& receive"],
  [/\bbreak(s|ing)? even\b|\bbroke even\b/gi, "$& recoup"],
  // What a company wanted by a date is what it planned: "how many sites did it want running by 2026".
  [/\b(want(s|ed)?|hop(e|es|ed|ing)|aim(s|ed|ing)?|intend(s|ed|ing)?)\b(?= [^?]*\bby\b)/gi, "$& planned aiming"],
  // Plans "dropped", "called off" or with "the plug pulled" are cancelled.
  [/\b(drop(s|ped|ping)?|call(s|ed|ing)? off|pull(s|ed|ing)? the plug on)\b(?= (the |its |their |a |an )?(\w+ )?(plans?|projects?|bids?|deals?|offers?|fabs?|plants?|factor(y|ies)|sites?|mergers?|takeovers?|games?)\b)/gi, "$& cancelled"],
  // Who a company is "teaming up with" or "pairing with" is its partner.
  [/\b(team(s|ed|ing)? up|pair(s|ed|ing)? up|join(s|ed|ing)? forces|partner(s|ed|ing)? up)\b/gi, "$& partners"],
  // What someone "used to run" they ran before: "previously ran", "formerly led".
  [/\bused to (run|lead|head|work|be|own|manage)\b/gi, "$& previously formerly"],
  // Money back is a refund; a prompt's length is the model's context window, counted in tokens.
  [/\b(money|cash) back\b|\breimburs\w*/gi, "$& refunds"],
  [/\bhow (long|big|large) (of )?an? (prompt|input)\b|\b(prompt|input) (length|size|limit)\b|\bhow much (text|input)\b/gi, "$& context window tokens"],
  // The most a payment, a fine or a price can be is what news writes "up to" (read as "maximum", text.ts).
  [/\b(max|at most)\b/gi, "$& maximum"],
  // "How many", "how far", "how big" only make the question (answerType.ts reads what it asks for from the
  // question as typed): "many" would find "many of the roles", "far" "a far larger charge".
  [/\bhow (many|far|big|large|long|soon|often|old)\b/gi, "how"],
  // A company's stock is its shares, as news writes of its moves: "how did the stock react", "shares rose 4%".
  [/\bstocks?\b(?! (split|buyback|award|option|grant|exchange|market)s?\b)/gi, "$& shares"],
  // A company going public lists its shares: an IPO.
  [/\b(go(es|ing)?|went|gone) public\b/gi, "$& ipo"],
  // Quarters and halves as chat abbreviates them: "q3" is the third quarter, "h1" the first half.
  [/\b([qh])([1-4])\b/gi, (written: string) => `${written} ${["first", "second", "third", "fourth"][Number(written[1]) - 1]} ${/^q/i.test(written) ? "quarter" : "half"}`],
  // Months as chat abbreviates them before a day or a year: "sept 2023" is September 2023, as articles write it.
  [/\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?(?= \d)/gi, (written: string) => MONTH_NAMES.find((month) => month.startsWith(written.toLowerCase().slice(0, 3)))!],
  [/\bllms?\b/gi, "$& language model"],
  [/\bopen[ -]?weights?\b/gi, "$& open source"],
  [/\bmarket cap(itali[sz]ation)?\b|\bmkt cap\b/gi, "$& market value"],
  [/\bchapter 11\b/gi, "$& bankruptcy"],
  [/\bai factor(y|ies)\b/gi, "$& data centers"],
  [ABBREVIATIONS, (written: string) => `${written} ${ABBREVIATED[written.toLowerCase()]}`],
  [/\bhq\b/gi, "headquarters"],
  // What a thing is priced at is its cost; power from water is hydropower.
  [/\bprice ?tags?\b/gi, "$& cost"],
  [/\bwater power\b/gi, "$& hydropower"],
  // A market's "worst day" is news's steepest one-day drop; a "new boss" is one appointed to replace another.
  [/\bworst (single[ -]|one[ -])?(day|session)\b/gi, "$& steepest one-day drop"],
  [/\bnew (\w+ )?(boss|ceo|chief|head|leader|chair(man|woman)?)\b/gi, "$& appointed replaces"],
  // When a product is "coming" or "coming out", it is scheduled to launch.
  [/\b(coming|arriving)(?= *(out\b|$|\?))|\bcomes? out\b/gi, "$& launch scheduled"],
  // What a company "did before" or "was originally" is how it started out ("who originally complained" is not).
  [/\b(do|did) (\w+ )?(before|originally|initially|at first)\b|\bwhat (was|were) (\w+ ){1,2}(originally|initially|at first)\b/gi, "$& started began"],
  // What a fund or a firm "looks after" it manages: "how much does the pension fund look after".
  [/\blook(s|ed|ing)? after\b/gi, "$& manages"],
  // The people who work at a company are its employees: "how many people work at dell".
  [/\b(people|folks) (who )?(work(s|ing)?|employed) (at|for|by)\b/gi, "$& employees"],
  // Not in a description read later as its company: "the ev maker" is Tesla.
  [/\bevs?\b(?![\s-]+(maker|giant|company)s?\b)/gi, "$& electric vehicles"],
  [/\badmin\b/gi, "administration"],
  [/\bdept\b/gi, "department"],
  [/\bppl\b/gi, "people"],
  [/\bgovt\b/gi, "government"],
  [/\bemps\b/gi, "employees"],
];

function asArticlesWrite(question: string): string {
  return CHAT_WORDS.reduce((text, [pattern, words]) => (typeof words === "string" ? text.replace(pattern, words) : text.replace(pattern, words)), question);
}

import { placeForms } from "./places.js";
import { terms } from "./text.js";

/**
 * What kind of fact a question asks for, read from its words: "when ..." a date or a deadline, "how much
 * ... pay" a sum, "how many people" a count of people, "how big a stake" a share, "who" a name, "where" a
 * place, "why" a reason. A count names what is counted (`unit`, a search term), when the question says.
 * Whether a key point holds that fact is answerInText.ts.
 */
export type AnswerType =
  /**
   * `size`: "how much text / data / power" a quantity with its measure ("200,000 tokens", "1 gigawatt");
   * `source`: "where is the money coming from" what pays for it ("funded by converting grants");
   * `outcome`: "what did Google win" how a ruling or a contest went ("the judge rejected the claim");
   * `demand`: "what does the DOJ want" what a party asks for ("prosecutors asked for ... to be forced to sell");
   * `move`: "how did the stock react", "how far did shares drop" how a price moved ("shares fell about 7%");
   * `ratio`: "how much quicker", "how many times cheaper" a comparison ("twice the speed", "3x", "40% faster").
   */
  | { kind: "money" | "share" | "reason" | "duration" | "size" | "source" | "outcome" | "demand" | "move" | "ratio" }
  | { kind: "count"; unit: string | null }
  /** `scope`: "which country", "which state" ask for a place of that kind; "where" for any. */
  | { kind: "place"; scope: "country" | "state" | null }
  /** `ahead`: the question asks when something will happen ("when will ... go live"): a deadline, not the news date. */
  | { kind: "date"; ahead: boolean }
  /**
   * `role`: who in what role, when the question says: "who runs" a leader, "who started" a founder, "who
   * bought the shares" the buyers or backers, "who reported it" the outlet; "which carrier" an
   * organisation, "which judge" a person (first and last name); "name of the thing" what it is called;
   * "who owns it" its owner or parent.
   */
  | { kind: "name"; role: "leader" | "founder" | "backer" | "reporter" | "organisation" | "person" | "title" | "owner" | null }
  | null;

/** Chat drops apostrophes and capitals: "whens", "hows" read as "when's", "how's". */
const plain = (question: string) => question.toLowerCase().replace(/['’]/g, "");

const SHARE = /\b(how (big|large|much) (of )?a (stake|share|slice|chunk|piece)|what (size|kind of|sort of) (stake|share)|what (share|percent|percentage|portion|fraction|stake|slice|cut|chunk)|how much of (it|(the )?\w+( \w+)?) (does|did|will|do) \w+ (still )?(own|have|hold|keep|retain)|what % |ownership)\b/;
const COUNT = /\b(how many|number of|what number of|headcount)(?:\s+(\w+))?(?:\s+(\w+))?(?:\s+(\w+))?/;
/** Words before what is counted: "how many chinese firms", "how many more monthly users". */
const BEFORE_COUNTED = new Set(["more", "new", "other", "additional", "extra", "permanent", "full", "time", "part", "total", "active", "paying", "monthly", "daily", "weekly", "annual", "different", "individual", "separate", "big", "large", "small", "major", "top", "senior", "current", "former"]);
const isNationality = (word: string) => placeForms(terms(word)[0] ?? "").length > 0;
const DATE = /\b(when|whens|what date|what day|what month|what year|which year|how soon|by when|timeline|deadline|how long (until|before|till)|due (by|to (close|complete|finish)))\b/;
/** "How much text / data / power": an amount of something that is not money. */
const SIZE = /\bhow (much|big|large|long) (of )?(an? )?(text|data|context|memory|power|energy|electricity|capacity|compute|computing|storage|bandwidth|input|code|information|content|prompt|document)\b/;
/** "Where is the money coming from", "how is it funded": what pays for it. */
const SOURCE = /\b(where (is|was|does|did|will)\b[^?]{0,30}\b(money|cash|funds?|funding|financing|capital)\b[^?]{0,60}\b(come|comes|coming|from)|how (is|was|will|are|were) (it|this|that|the \w+)( \w+){0,3} (be )?(funded|financed|paid for)|who (is )?pays? for|funded how|source of (the )?(money|cash|funds|funding))\b/;
const MONEY = /\b(how much|what price|price|cost|costs|paid|pay|paying|pays|worth|valu(e|ed|ation)|amount|refunds?|payouts?|per (person|head|customer|user|seat|share|household|employee)|how big (a|was the) (deal|check|cheque|round|contract|investment|fine)|what did \w+( \w+)? (get|receive|pay|spend|offer|put in|invest)|put in|sum)\b/;
const PLACE = /\b(where|wheres|(what|which) (city|cities|state|states|country|countries|court|courts|site|sites|town|towns|region|regions))\b/;
/** "Who" asks for a name even when the question's topic is a sum ("the $500 billion valuation, who bought the shares"). */
const WHO = /\b(who|whos|whom)\b/;
const NAME = /\b(who|whos|whom|which (?!(year|month|day|quarter|date|time|parts?|claims?|charges?|counts?|issues?|points?)\b)[a-z]+|what (company|companies|firm|startup|lab|bank|fund|outlet|carrier|investor|investors|name)|name of)\b/;
/** "Who owns it", "who is the ultimate owner", "the parent company": an owner, named with its holding. */
const OWNER = /\b(who (owns|controls|holds)|who(s| is| was)( the)? (\w+ )?(owner|parent|controlling shareholder)|owned by (who|whom)|parent company|whose (unit|subsidiary))\b/;
const LEADER = /\b(runs?|running|ran|heads?|leads|leading|took over|taking over|in charge|replac\w*|succeed\w*|boss|ceo|chief|steer\w*)\b/;
const FOUNDER = /\b(start(ed|s)?|found(ed|s)?|co-?found\w*|creat(ed|es)|set up)\b/;
const DURATION = /\b(how long (?!(until|before|till)\b)|for how long|how many (years|months|weeks|days|hours)\b)/;
const BACKER = /\bwho(s| is| are| were| was)? (bought|buys|buying|purchased|invest\w*|back\w*|fund\w*|put money|participat\w*)\b/;
const REPORTER = /\b(who( first)? (reported|broke|revealed|leaked|scooped)|(which|what) (outlet|paper|newspaper|publication|site)|who says|according to who(m)?)\b/;
/** "Which judge", "what analyst": a person, named in full in the answer. */
const PERSON = /\b(which|what)( \w+)? (judges?|executives?|officials?|analysts?|ministers?|senators?|lawmakers?|politicians?|researchers?|scientists?|engineers?|founders?|billionaires?|person|people|man|woman|exec|execs)\b/;
/** "Which carrier", "what bank": an organisation, named in the answer. */
const ORGANISATION = /\b(which|what)( \w+)? (carriers?|compan(y|ies)|firms?|banks?|startups?|investors?|customers?|clients?|partners?|suppliers?|operators?|chipmakers?|labs?|funds?|buyers?|providers?|vendors?|telcos?|insurers?|lenders?|rivals?|competitors?|automakers?|airlines?|retailers?|brands?|agenc(y|ies)|regulators?)\b/;
const TITLE = /\b(name of|what is it called|whats it called|called what|what (is|was) the (name|product|model|venture|fund) called|re-?nam(e|ed|es|ing)|re-?brand(ed|s|ing)?|new name)\b/;
/** "What part did Google win", "did apple lose", "did the watchdog block the deal": how it went. */
const OUTCOME = /\b(win|wins|won|winning|lose|loses|lost|losing|prevail\w*|come out ahead|get its way)\b|\b(did|does|do|will|would|has|have)\b[^?]{1,60}\b(block|approve|clear|allow|ban|veto|greenlight|green-light|sign off)\b/;
/** "What does the DOJ want Google to sell", "what is the union asking for". */
const DEMAND = /\bwhat (does|did|do|will|would|is|are|was|were)\b[^?]{1,40}?\b(want|wants|wanted|seek|seeks|seeking|ask(ing)? for|demand\w*|propos\w*|push(ing)? for|request\w*)\b/;
/** "Why", "how come", "what is the loan for": a reason or a purpose. */
const REASON = /\b(why|how come|what for|reason|reasons|cause|causes|caused|what led to|to blame|blamed|do with the (money|cash|proceeds|funds)|what (broke|knocked|took|brought|triggered)\b[^?]{0,40}\b(down|out|offline)\b|what broke)\b|\bwhat (is|was|are|were|will)\b[^?]{1,60}\bfor\s*\??\s*$/;
/** "How much quicker", "how many times cheaper", "how much more efficient": a comparison, not a sum. */
const RATIO = /\bhow (much|many times)( (more|less))? (\w+er|more \w+|less \w+)\b(?<!\b(?:how much (?:money|power|water|data|computer|paper|order|other|cover|over|ever|never|under|after|either|rather|together|further)))/;
/** How a stock moved: "how did the stock react", "how far did shares drop", "how much had it climbed". */
const MOVE = new RegExp(
  [
    String.raw`\bhow (did|does|do|has|have|had|is|are|was|were) (the )?(\w+ ){0,3}(stock|stocks|shares?|share price|market value|market cap|investors|wall street|the market)\b[^?]{0,40}\b(react\w*|respond\w*|do|move|moved|perform\w*|fare|fared|trade|traded|take it|took it)\b`,
    String.raw`\bhow (far|much|big|hard|sharply|steeply|high|low)\b[^?]{0,60}\b(drop|dropped|fall|fell|rise|rose|risen|climb\w*|jump\w*|gain\w*|sink|sank|slid\w*|slide|surg\w*|tumbl\w*|plung\w*|rall(y|ied)|soar\w*|slump\w*|declin\w*|spike\w*|pop|popped)\b`,
    String.raw`\b(stock|share|shares|share price|market) (reaction|move|moves|movement|jump|drop|fall|rise|rally|slump|pop)\b|\bwhat happened to (the )?(\w+ ){0,2}(stock|shares)\b`,
  ].join("|"),
);
const AHEAD = /\b(will|would|going to|gonna|expected|supposed|due|plan(s|ned)?|deadline|by when|how soon)\b/;
/** "when's the deal closing" looks ahead, "when did it close" back. */
const HAPPENING = /\b(go(es|ing)? live|open(s|ing)?|re-?open(s|ing)?|restart(s|ing)?|come(s)?( back)? online|(come|comes|coming) back|clos(e|es|ing)|start(s|ing)?|begin(s|ning)?|finish(es|ing)?|complet(e|es|ing)|wrap(s|ping)? up|launch(es|ing)?|ship(s|ping)?|end(s|ing)?|expir(e|es|ing)|run(s|ning)? out|lapse(s)?)\b/;
const PAST = /\b(did|was|were|had|has)\b/;

/**
 * Words that only name the kind of fact asked for ("coreweave weights and biases price"): a question of
 * its subject and these words asks for the fact alone, and a key point holding it answers without them.
 */
export const FACT_WORDS = new Set(terms("price prices priced cost costs worth value valued valuation amount sum paid pay date deadline timeline headcount number count total size"));

/** A "when" after another question word is a clause, not the question: "what was it worth when amazon finished". */
const WHEN_CLAUSE = /\b(what|how|who|whom|which|where|why)\b(.*?)\bwhen\b/;
const asked = (text: string) => text.replace(WHEN_CLAUSE, "$1$2 ");

/** The kind of fact a question asks for, or null when it asks for none in particular. */
export function answerTypeOf(question: string): AnswerType {
  const text = plain(question);
  if (SHARE.test(text)) return { kind: "share" };
  if (RATIO.test(text)) return { kind: "ratio" };
  const count = COUNT.exec(text);
  // "anthropic google tpus how many": a fragment names what it counts before the question words.
  const after = count ? [count[2], count[3], count[4]].filter((word): word is string => word !== undefined) : [];
  const counted = after.find((word) => terms(word).length > 0 && !BEFORE_COUNTED.has(word) && !isNationality(word)) ?? after[0] ?? (count ? text.slice(0, count.index).trim().split(/\s+/).pop() : undefined);
  if (count) return { kind: "count", unit: counted ? (terms(counted)[0] ?? null) : null };
  if (DURATION.test(text)) return { kind: "duration" };
  if (DATE.test(asked(text))) return { kind: "date", ahead: AHEAD.test(text) || (HAPPENING.test(text) && !PAST.test(text)) };
  if (MOVE.test(text)) return { kind: "move" };
  if (SIZE.test(text)) return { kind: "size" };
  if (SOURCE.test(text)) return { kind: "source" };
  // "Who won the case" asks how it went, more than for a name.
  if (/\bwho(s| has)? (won|wins|lost|loses|prevailed|came out ahead)\b/.test(text)) return { kind: "outcome" };
  if (WHO.test(text) && !/\bhow much\b/.test(text)) return nameOf(text);
  if (MONEY.test(text)) return { kind: "money" };
  if (PLACE.test(text)) return { kind: "place", scope: /\b(which|what) (country|countries|nation|nations)\b/.test(text) ? "country" : /\b(which|what) (us )?states?\b/.test(text) ? "state" : null };
  if (TITLE.test(text)) return { kind: "name", role: "title" };
  if (NAME.test(text)) return nameOf(text);
  if (OUTCOME.test(text)) return { kind: "outcome" };
  if (DEMAND.test(text)) return { kind: "demand" };
  if (REASON.test(text)) return { kind: "reason" };
  return null;
}

function nameOf(text: string): AnswerType {
  const role = OWNER.test(text) ? "owner" : BACKER.test(text) ? "backer" : REPORTER.test(text) ? "reporter" : FOUNDER.test(text) ? "founder" : LEADER.test(text) ? "leader" : PERSON.test(text) ? "person" : ORGANISATION.test(text) ? "organisation" : null;
  return { kind: "name", role };
}

import type { Deal, DealKind, Money } from "../articles/article.js";
import { findCompanies } from "./companies.js";
import { findMoney } from "./money.js";

/** Trigger words of each kind of deal. Compute and supply mentions also need an agreement word. */
const TRIGGERS: Record<Exclude<DealKind, "settlement">, RegExp> = {
  acquisition: /\b(acquir\w*|acquisition|takeover|take over|buyout|buys|buying|bought|to buy|merg(e|es|er|ing)|all-stock deal|purchase|sells?(?!-?off)|sale of|divest\w*)\b/i,
  investment: /\b(invest\w*|stakes?|slice|funding|raises?|raised|raising|series [a-k]\b|valuation|backs|backing|bets?|equity|recapitali[sz]\w*|round)\b/i,
  compute: /\b(compute|computing|cloud|gpus?|tpus?|data ?cent(er|re)s?|capacity|gigawatts?|servers?|infrastructure|azure|aws)\b/i,
  supply: /\b(suppl(y|ies|ier|ying)|chips?|accelerators?|wafers?|processors?|hbm|memory|power|electricity|energy)\b/i,
  partnership: /\b(partner\w*|collaborat\w*|joint venture|venture|alliance|licens\w*|team(s|ed)? up|tie-up|co-design\w*|co-develop\w*)\b/i,
};
const KINDS = Object.keys(TRIGGERS) as Array<keyof typeof TRIGGERS>;

/** Acquisition words that cannot mean buying capacity: "acquire", "takeover", "merger". */
const TRUE_ACQUISITION = /\b(acquir\w*|acquisition|takeover|take over|buyout|merg(e|es|er|ing)|all-stock deal)\b/i;
/** Buying part of a company is an investment: "a 49% stake", "a $5 billion slice", "a minority share". */
const PART_OF_A_COMPANY = /\b(stakes?|slice|minority)\b|\b\d+(\.\d+)? ?(%|percent\b)/i;
/** Buying capacity or hardware rather than a company: "buy $30 billion of Azure compute". */
const BUYING_A_COMPANY = /\b(buy\w*|purchas\w*|bought)\b(?:\W+[\w$.-]+){0,4}?\W+(designer|maker|startup|company|firm|provider|developer|operator|business|unit|rival|specialist|platform)\b/i;
const BUYING_CAPACITY = /\b(buy\w*|purchas\w*|bought)\b(?:\W+[\w$.]+){0,6}?\W+(compute|computing|capacity|chips?|gpus?|tpus?|servers?|accelerators?|power|cloud services)\b/i;
const AGREEMENT = /\b(deal|contract|agreement|agrees?|commit\w*|signs?|signed|pact|order|purchase|buy\w*|rent\w*|lease\w*|spend\w*|worth|partner\w*|secur\w*|access|reserv\w*|expand\w*|extend\w*|lands?|deploy\w*|build|builds|building|award\w*|contracts|taps?|tapped|tapping|select\w*|picks?|picked|choos\w*|chose|enlist\w*)\b/i;

/** Legal, workforce and regulatory news: never a deal unless the headline says acquisition or investment. */
const HARD_NEWS = /\b(rul(e|es|ed|ing)|judge|court|verdict|jury|trial|shares|stock|market value|sell-?off|wipes?|plunge\w*|tumble\w*|slump\w*|fine[sd]?|lawsuit|sues?|sued|settle\w*|antitrust|monopol\w*|layoffs?|lay(s|ing)? off|job cuts|jobs|cuts|export|charge|hit|probe|investigat\w*)\b/i;
/** A payment to end a lawsuit or a case: "Pays $95 Million to Settle", "Reaches $1.4 Billion Settlement". */
const SETTLEMENT = /\b(settle|settles|settled|settling|settlement|settlements)\b/i;
/** A company selling its shares to the public: "Prices IPO", "Goes Public", "Lists on Nasdaq". */
const LISTING = /\b(ipos?|initial public offering|go(es)? public|went public|listing|lists (its )?shares|debuts? on (the )?(nasdaq|nyse))\b/i;
/** Product news: a deal only when the headline also names a sum and two companies. */
const PRODUCT_NEWS = /\b(launch\w*|unveil\w*|releas\w*|introduc\w*|debut\w*|ships?)\b/i;

/** The smallest sum taken as a deal's amount: smaller ones are share prices and fees. */
const MIN_DEAL_AMOUNT = 1_000_000;

/** The kind of deal a sentence describes, or null when it describes none. */
export function dealKindOf(sentence: string): DealKind | null {
  const buyingWords = TRIGGERS.investment.test(sentence) || TRIGGERS.acquisition.test(sentence);
  if (PART_OF_A_COMPANY.test(sentence) && !TRUE_ACQUISITION.test(sentence) && buyingWords) return "investment";
  const hardware = BUYING_CAPACITY.test(sentence) && !BUYING_A_COMPANY.test(sentence);
  const agreed = AGREEMENT.test(sentence);
  let best: { kind: DealKind; at: number } | null = null;
  for (const kind of KINDS) {
    const match = TRIGGERS[kind].exec(sentence);
    if (!match) continue;
    if ((kind === "compute" || kind === "supply") && !agreed) continue;
    if (kind === "acquisition" && !TRUE_ACQUISITION.test(sentence) && hardware) continue; // buying chips or capacity
    if (!best || match.index < best.at) best = { kind, at: match.index };
  }
  return best?.kind ?? null;
}

interface ArticleText {
  title: string;
  summary: string;
  keyPoints: string[];
}

/**
 * The deals an article reports. The headline decides whether the article is about a deal at all (a
 * ruling that mentions an acquisition is still a ruling), and names the parties; the amount is the
 * headline's sum, else the first sum the summary or key points give. A headline that joins two deals
 * ("... invest $15 billion in Anthropic as Anthropic commits $30 billion to Azure") gives two.
 */
export function extractDeals(article: ArticleText, companies: string[]): Deal[] {
  const headline = article.title;
  const lead = firstSentence(article.summary);
  const headlined = headlineDealKind(headline);
  // Money paid to end a lawsuit is a deal too, though its headline reads as legal news (unless it names another deal).
  const paid = !headlined && SETTLEMENT.test(headline) ? (firstAmount(headline) ?? firstAmount(lead)) : null;
  if (paid) return [{ parties: withAtLeastTwo(namedIn(headline, companies), [...companiesIn(lead), ...companies]), amount: paid, kind: "settlement" }];
  const kind = headlined ?? (HARD_NEWS.test(headline) || (PRODUCT_NEWS.test(headline) && !sumBetweenTwo(headline)) ? null : dealKindOf(lead) ?? unnamedDeal(headline));
  if (!kind) return [];

  const clauses = headline.split(/\s+(?:as|while|and then|after)\s+|[;:–—]\s+|\s+-\s+/i).filter((clause) => firstAmount(clause));
  if (clauses.length >= 2) {
    const deals = clauses.slice(0, 3).map((clause) => ({
      parties: withAtLeastTwo(companiesIn(clause), companies),
      amount: firstAmount(clause),
      kind: dealKindOf(clause) ?? kind,
    }));
    return deals;
  }
  // A listing sells shares to the public: no other company is its party, whoever the article names.
  const named = namedIn(headline, companies);
  const parties = LISTING.test(headline) ? named : withAtLeastTwo(named, [...companiesIn(lead), ...companies]);
  const amount = firstAmount(headline) ?? firstAmount(article.summary) ?? firstAmount(article.keyPoints.join("\n"));
  return [{ parties, amount, kind }];
}

/**
 * "X Completes $4.9 Billion Y Deal", "X Awards Y Contracts Worth $200 Million", "X Commits $2.5 Billion to
 * Y's Plant": a deal word, a sum and two companies, with no kind word.
 */
function unnamedDeal(headline: string): DealKind | null {
  return /\b(deals?|agreements?|pacts?|transactions?|contracts?|awards?|commits?|committing|pledges?|pledging|packages?)\b/i.test(headline) && firstAmount(headline) && companiesIn(headline).length >= 2 ? "partnership" : null;
}

function headlineDealKind(headline: string): DealKind | null {
  const kind = dealKindOf(headline);
  if (!kind) return null;
  if (kind === "acquisition" || kind === "investment") {
    return HARD_NEWS.test(headline) && !TRUE_ACQUISITION.test(headline) && !/\binvest/i.test(headline) ? null : kind;
  }
  if (HARD_NEWS.test(headline)) return null;
  if (PRODUCT_NEWS.test(headline) && !sumBetweenTwo(headline)) return null;
  return kind;
}

/** A headline naming a sum and two companies: "Microsoft and G42 Unveil a $1 Billion Package for Kenya" is a deal, whatever its verb. */
function sumBetweenTwo(headline: string): boolean {
  return firstAmount(headline) !== null && companiesIn(headline).length >= 2;
}

/** Regulators and courts are named in deal news but are not parties to the deal. */
const NOT_PARTIES = new Set(["DOJ", "FTC", "European Commission", "CMA", "SEC", "FCC"]);

function companiesIn(text: string): string[] {
  return [...new Set(findCompanies(text).map((m) => m.name))].filter((name) => !NOT_PARTIES.has(name));
}

/** Companies the headline names: known ones, and the article's other companies that it spells out. */
function namedIn(headline: string, companies: string[]): string[] {
  const lower = headline.toLowerCase();
  const spelled = companies.filter((name) => !NOT_PARTIES.has(name) && lower.includes(name.toLowerCase()) && name.length > 1);
  const known = companiesIn(headline);
  return [...new Set([...known, ...spelled])].sort((a, b) => position(lower, a) - position(lower, b));
}

function position(lowerHeadline: string, name: string): number {
  const at = lowerHeadline.indexOf(name.toLowerCase());
  return at < 0 ? Number.MAX_SAFE_INTEGER : at;
}

/** The parties named in the headline, topped up from the article's main companies when fewer than two. */
function withAtLeastTwo(named: string[], others: string[]): string[] {
  const parties = [...named];
  for (const name of others) {
    if (parties.length >= 2) break;
    if (!parties.includes(name) && !NOT_PARTIES.has(name)) parties.push(name);
  }
  return parties.slice(0, 5);
}

function firstAmount(text: string): Money | null {
  const sum = findMoney(text).find((m) => m.explicit && m.value >= MIN_DEAL_AMOUNT);
  return sum ? { value: sum.value, currency: sum.currency, text: sum.text } : null;
}

function firstSentence(text: string): string {
  return text.split(/(?<=[.!?])\s+(?=[A-Z"“])/)[0] ?? "";
}

import { random } from "./synthetic.js";
import { typo, type ScaleQuery } from "./scaleQueries.js";
import { FREQUENT_COMPANIES, type ZipfArticle } from "./zipfArchive.js";

/** The companies in a large share of a Zipf archive's articles (10-40%): the slow case of plain search. */
const TOP = FREQUENT_COMPANIES.slice(0, 5);

/**
 * Mixed queries over a Zipf archive, the same for the same seed, each made from one article: natural
 * questions, questions naming a very frequent company beside rare words ("how much did OpenAI invest in
 * the <topic> deal with <rare company>", "Nvidia <rare word> <rare word>"), deal queries for rare and very
 * frequent companies (alone and in pairs), titles for /summary, and misspelt names.
 */
export function zipfQueries(articles: ZipfArticle[], count: number, seed = 7): ScaleQuery[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const withFrequent = articles.filter((article) => article.companies.some((c) => TOP.includes(c)));
  const queries: ScaleQuery[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 10;
    const article = kind <= 2 ? pick(withFrequent) : pick(articles);
    const frequent = article.companies.find((c) => TOP.includes(c)) ?? pick(TOP);
    const rareCompany = article.companies.findLast((c) => !FREQUENT_COMPANIES.includes(c)) ?? article.companies.at(-1)!;
    const [first, second] = pick(article.rareWords.length > 1 ? [article.rareWords.slice(0, 2)] : [["", ""]]);
    const about = article.id;
    const add = (type: ScaleQuery["kind"], text: string) => queries.push({ kind: type, text, about });
    if (kind === 0) add("ask", `how much did ${frequent} invest in the ${article.topic} deal with ${rareCompany}`);
    else if (kind === 1) add("ask", `${frequent} ${first} ${second}`);
    else if (kind === 2) add("ask", `what did ${frequent} announce about ${article.topic} ${first}?`);
    else if (kind === 3) add("ask", `who did ${article.companies[0]} sign the ${article.topic} deal with?`);
    else if (kind === 4) add("deal", rareCompany);
    else if (kind === 5) add("deal", i % 20 === 5 ? pick(TOP) : `${TOP[i % 5]} ${TOP[(i + 1 + (i % 3)) % 5]}`);
    else if (kind === 6) add("deal", `${frequent} ${article.topic} deal`);
    else if (kind === 7) add("summary", article.title);
    else if (kind === 8) add("ask", `how much did ${typo(frequent, next)} pay ${rareCompany}?`);
    else add("summary", article.title.replace(article.companies[0]!, typo(article.companies[0]!, next)));
  }
  return queries;
}

import type { Article } from "../articles/article.js";
import { namesOf } from "../extract/companies.js";
import { COMPANY_TABLE } from "../extract/companyTable.js";
import { DEAL_WORDS, FUZZY, MIN_PREFIX_LENGTH } from "./articleDocument.js";
import { holdsAnswer, isSpecific, UNWORDED_ANSWER_SHARE } from "./answerInText.js";
import { type AnswerType, FACT_WORDS } from "./answerType.js";
import { editDistance } from "./spelling.js";
import { processTerm, terms } from "./text.js";

/**
 * Within one article, a query word that is also in the article's title or its deals' parties (the article's
 * context, true of all its key points) counts this much toward ranking its key points; the other words
 * say which key point answers. "Who supplies the GPUs for OpenAI's Amazon deal" ranks the GPU key point
 * of the OpenAI-Amazon article first, not the one that names OpenAI and Amazon.
 */
export const CONTEXT_TERM_WEIGHT = 0.35;
/** A key point holding the kind of fact the question asks for ("when" a date, "how much" a sum) ranks this much higher. */
export const ANSWER_TYPE_BOOST = 3;
/** A key point answering without the question's words ranks at least this much above one that only repeats the article's context. */
const CONTEXT_ONLY_MARGIN = 1.01;
/** minisearch's BM25+ parameters and weights of prefix and fuzzy matches, used to score key points alike. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const DERIVED_WEIGHT = { prefix: 0.375, fuzzy: 0.45 };

/**
 * The words of the bosses' names and the one-word nicknames of the companies of the table ("masa",
 * "redmond"): a question keeps them beside the company they stand for (nicknames.ts).
 */
const CALLING_TERMS = new Set(
  COMPANY_TABLE.flatMap((entry) => [...(entry.people ?? []), ...(entry.nicknames ?? []).filter((name) => !/\s/.test(name))]).flatMap((name) => terms(name)),
);

/** A key point's score for a question (as minisearch would score it) and its rank among its article's key points. */
export interface ScoredPoint { index: number; score: number; rank: number }

/** An article's key points as the key point index keeps them: their terms and lengths, and the article's context terms. */
export interface PointTerms {
  /** The terms of the article's title and its deals' parties (true of all its key points). */
  context: string[];
  /** Each key point's terms, in order, and its length as minisearch counts it (distinct words). */
  points: string[][];
  lengths: number[];
}

/** An article's key points as terms, from their words (`tokenize`, one list per key point). */
export function pointTermsOf(article: Article, keyPointTokens: string[][]): PointTerms {
  const parties = [...new Set(article.deals.flatMap((deal) => deal.parties))];
  const kinds = article.deals.map((deal) => DEAL_WORDS[deal.kind]);
  return {
    context: [...new Set(terms(`${article.title} ${parties.flatMap((party) => [party, ...namesOf(party)]).join(" ")} ${kinds.join(" ")}`))],
    points: keyPointTokens.map((tokens) => tokens.map(processTerm).filter((term): term is string => term !== null)),
    lengths: keyPointTokens.map((tokens) => new Set(tokens).size),
  };
}

/** What a snapshot keeps of the key point index: plain arrays for v8.serialize. */
export interface KeyPointImage {
  termList: string[];
  /** Each article's packed key point terms, one after another: article ids, where each starts, the numbers. */
  packedIds: string[];
  packedStarts: Int32Array;
  packedData: Int32Array;
  pointTerms: string[];
  pointCounts: Int32Array;
  points: { count: number; terms: number };
}

/**
 * Every article's key points as terms, and how common each term is among all key points: enough to score
 * the key points of the few articles a search returns as minisearch scores a document of one field, without
 * a second index of every key point. Terms are kept as numbers (ids into one list of terms).
 */
export class KeyPointIndex {
  private readonly termIds = new Map<string, number>();
  private readonly termList: string[] = [];
  /** Per article: its context terms (title and deal parties), then per key point its length and terms. See `pack`. */
  private readonly packed = new Map<string, Int32Array | number>();
  /** The packed terms of a snapshot's articles in one array: their entries in `packed` are positions in `starts`. */
  private restored: { starts: Int32Array; data: Int32Array } = { starts: new Int32Array(1), data: new Int32Array(0) };
  /** In how many key points each term occurs; how many key points there are and their total length. */
  private readonly frequency: number[] = [];
  /** For each term id, the last key point counted that held it (to count a term once per key point). */
  private readonly lastCounted: number[] = [];
  private counted = 0;
  private readonly points = { count: 0, terms: 0 };

  /** Adds an article's key points (see `pointTermsOf`). */
  add(id: string, { context, points, lengths }: PointTerms): void {
    const data = this.pack(context, points, lengths);
    this.count(data, 1);
    this.packed.set(id, data);
  }

  remove(id: string): void {
    const data = this.dataOf(id);
    if (data) this.count(data, -1);
    this.packed.delete(id);
  }

  /**
   * An article's key points scored as minisearch scores a document of one field: BM25+ over key points for
   * each of the question's words found (`inPoints`: exactly, or by prefix or typo at minisearch's lower
   * weights), times the number of words found; the matching ones, best ranked first. For their order,
   * words of the article's own context count less and a key point holding the kind of fact asked for
   * counts more. `derived` caches, for one question, which of its words each term matches. With
   * `unworded`, a key point holding that specific kind of fact answers even without the question's words.
   */
  score(article: Article, inPoints: string[], asked: string[], wants: AnswerType, derived: Map<string, Array<[string, number]>>, unworded: AnswerType = null): ScoredPoint[] {
    const scored: ScoredPoint[] = [];
    const answering: number[] = [];
    /** Key points matching only context words, without the fact asked for. */
    const echoes: number[] = [];
    if (inPoints.length === 0) return scored;
    const { context, points, lengths } = this.unpack(article.id);
    const averageLength = this.points.terms / Math.max(1, this.points.count);
    const subject = new Set(asked);
    // "coreweave weights and biases price": only the article's subject and the fact's own word; the fact is
    // the answer. A boss or a nickname named for the company ("what did masa pay for graphcore") is the subject too.
    const bare = wants !== null && asked.every((term) => context.has(term) || FACT_WORDS.has(term) || CALLING_TERMS.has(term));
    const specific = isSpecific(wants) || bare;
    points.forEach((pointTerms, index) => {
      const perQuery = new Map<string, number>();
      const found = new Set<string>();
      for (const term of inPoints) {
        let tf = 0;
        for (const t of pointTerms) if (t === term) tf++;
        if (tf === 0) continue;
        found.add(term);
        const df = this.frequency[this.termIds.get(term) ?? -1] || 1;
        const idf = Math.log(1 + (this.points.count - df + 0.5) / (df + 0.5));
        const bm25 = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * (lengths[index] ?? pointTerms.length)) / averageLength)));
        for (const [source, weight] of sourcesOf(term, asked, derived)) perQuery.set(source, (perQuery.get(source) ?? 0) + weight * bm25);
      }
      if (perQuery.size === 0) {
        if ((isSpecific(unworded) || (bare && unworded)) && holdsAnswer(unworded, article.keyPoints[index] ?? "", subject)) answering.push(index);
        return;
      }
      const score = [...perQuery.values()].reduce((sum, value) => sum + value, 0) * perQuery.size;
      const inContext = [...found].filter((term) => context.has(term)).length;
      let rank = contextWeighted(perQuery, context);
      if (wants && holdsAnswer(wants, article.keyPoints[index] ?? "", subject)) rank *= ANSWER_TYPE_BOOST;
      else if (inContext === found.size) {
        // It only repeats the article's context, without the specific fact asked for: it says nothing more.
        if (specific) rank /= ANSWER_TYPE_BOOST;
        echoes.push(index);
      }
      scored.push({ index, score, rank });
    });
    // A key point holding a specific kind of fact asked for answers even without the question's words,
    // and before one that only repeats the article's context (its title, its parties) without that fact.
    const best = Math.max(0, ...scored.map((p) => p.rank));
    const contextOnly = Math.max(0, ...echoes.map((index) => scored.find((p) => p.index === index)!.rank));
    for (const index of answering) scored.push({ index, score: 0, rank: Math.max(best * UNWORDED_ANSWER_SHARE, contextOnly * CONTEXT_ONLY_MARGIN) });
    return scored.sort((a, b) => b.rank - a.rank || a.index - b.index);
  }

  image(): KeyPointImage {
    const packedIds = [...this.packed.keys()];
    const packedStarts = new Int32Array(packedIds.length + 1);
    packedIds.forEach((id, i) => (packedStarts[i + 1] = packedStarts[i]! + this.dataOf(id)!.length));
    const packedData = new Int32Array(packedStarts[packedIds.length]!);
    packedIds.forEach((id, i) => packedData.set(this.dataOf(id)!, packedStarts[i]!));
    return {
      termList: this.termList,
      packedIds,
      packedStarts,
      packedData,
      pointTerms: this.termList.filter((_, id) => this.frequency[id]! > 0),
      pointCounts: Int32Array.from(this.frequency.filter((count) => count > 0)),
      points: { ...this.points },
    };
  }

  /** The key point index an `image()` was taken of. Plain loops: this runs for every article and term of an archive at start-up. */
  static restore(image: KeyPointImage): KeyPointIndex {
    const index = new KeyPointIndex();
    const { termList, packedIds, packedStarts, packedData, pointTerms, pointCounts } = image;
    for (let id = 0; id < termList.length; id++) {
      index.termList.push(termList[id]!);
      index.termIds.set(termList[id]!, id);
    }
    for (let i = 0; i < packedIds.length; i++) index.packed.set(packedIds[i]!, i);
    index.restored = { starts: packedStarts, data: packedData };
    for (let id = 0; id < termList.length; id++) {
      index.frequency.push(0);
      index.lastCounted.push(0);
    }
    for (let i = 0; i < pointTerms.length; i++) index.frequency[index.termIds.get(pointTerms[i]!)!] = pointCounts[i]!;
    Object.assign(index.points, image.points);
    return index;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termList.length;
      this.termList.push(term);
      this.termIds.set(term, id);
      this.frequency.push(0);
      this.lastCounted.push(0);
    }
    return id;
  }

  /** [context count, ...context ids, then per key point: length, term count, ...term ids]. */
  private pack(context: string[], points: string[][], lengths: number[]): Int32Array {
    const data: number[] = [context.length, ...context.map((term) => this.termId(term))];
    points.forEach((point, i) => data.push(lengths[i]!, point.length, ...point.map((term) => this.termId(term))));
    return Int32Array.from(data);
  }

  private dataOf(id: string): Int32Array | undefined {
    const entry = this.packed.get(id);
    if (typeof entry !== "number") return entry;
    return this.restored.data.subarray(this.restored.starts[entry], this.restored.starts[entry + 1]);
  }

  private unpack(id: string): { context: Set<string>; points: string[][]; lengths: number[] } {
    const data = this.dataOf(id);
    const context = new Set<string>();
    const points: string[][] = [];
    const lengths: number[] = [];
    if (!data) return { context, points, lengths };
    let at = 0;
    const contextCount = data[at++]!;
    for (let i = 0; i < contextCount; i++) context.add(this.termList[data[at++]!]!);
    while (at < data.length) {
      lengths.push(data[at++]!);
      const count = data[at++]!;
      const point: string[] = [];
      for (let i = 0; i < count; i++) point.push(this.termList[data[at++]!]!);
      points.push(point);
    }
    return { context, points, lengths };
  }

  /** Counts a packed article's key points in (1) or out (-1) of the totals and of each term's frequency. */
  private count(data: Int32Array, change: 1 | -1): void {
    let at = 1 + data[0]!; // past the context terms
    while (at < data.length) {
      this.points.terms += change * data[at++]!;
      this.points.count += change;
      const serial = ++this.counted;
      const end = at + 1 + data[at]!;
      for (at++; at < end; at++) {
        const id = data[at]!;
        if (this.lastCounted[id] === serial) continue;
        this.lastCounted[id] = serial;
        this.frequency[id]! += change;
      }
    }
  }
}

/** The question's words a document term matches, and at what weight (1 exact, less by prefix or typo). */
function sourcesOf(term: string, asked: string[], cache: Map<string, Array<[string, number]>>): Array<[string, number]> {
  let sources = cache.get(term);
  if (sources) return sources;
  sources = [];
  for (const query of asked) {
    const distance = term.length - query.length;
    if (term === query) sources.push([query, 1]);
    else if (query.length >= MIN_PREFIX_LENGTH && term.startsWith(query)) sources.push([query, (DERIVED_WEIGHT.prefix * term.length) / (term.length + 0.3 * distance)]);
    else if (FUZZY(query) > 0) {
      const edits = editDistance(query, term, FUZZY(query));
      if (edits > 0 && edits <= FUZZY(query)) sources.push([query, (DERIVED_WEIGHT.fuzzy * term.length) / (term.length + edits)]);
    }
  }
  cache.set(term, sources);
  return sources;
}

/**
 * A key point's score for ranking it among its article's key points: BM25+ summed over the question's words
 * it holds, times how many it holds, where a word of the article's context (true of all its key points)
 * counts CONTEXT_TERM_WEIGHT of a word in both. "When does the FTC case against Amazon go to trial" ranks
 * "scheduled the trial for February 2027" above "FTC chair Lina Khan led the case".
 */
function contextWeighted(perQuery: Map<string, number>, context: ReadonlySet<string>): number {
  let sum = 0;
  let words = 0;
  for (const [word, value] of perQuery) {
    const weight = context.has(word) ? CONTEXT_TERM_WEIGHT : 1;
    sum += weight * value;
    words += weight;
  }
  return sum * words;
}

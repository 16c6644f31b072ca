import type MiniSearch from "minisearch";
import { INDEXED_FIELDS, type FieldCounts } from "./articleDocument.js";

/** The private methods of minisearch 7 that its `add` uses (pinned in package.json, as packedPostings.ts relies on). */
interface AddInternals {
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _documentCount: number;
  _index: { fetch(term: string, initial: () => Map<number, Map<number, number>>): Map<number, Map<number, number>> };
  addDocumentId(id: string): number;
  addFieldLength(shortId: number, fieldId: number, count: number, length: number): void;
}

const createMap = () => new Map<number, Map<number, number>>();

/** Each term's postings by field, as minisearch's radix tree holds them: looked up there once per term. */
export type TermPostings = Map<string, Map<number, Map<number, number>>>;

/**
 * Adds a document to the article index from its counted fields (`fieldCountsOf`), as minisearch's own
 * `add` would add the document they were counted from: the same document id, field lengths and term
 * counts, terms first used in the same order. `add` splits every field, counts its distinct words and
 * processes every word again, one word at a time: on a first start that is most of the main thread's
 * work, and the counting is done beforehand on the worker threads. Words in `common` are indexed in
 * titles only, as the index's own `processTerm` does. A test checks both ways give the same index.
 * With `seen`, each term's postings are found in minisearch's radix tree once and kept there after (a
 * walk down the tree per word is most of the rest): valid for as long as no term leaves the tree, that is
 * until anything is removed from the index.
 */
export function addCounted<T>(miniSearch: MiniSearch<T>, id: string, fields: FieldCounts[], common: ReadonlySet<string>, seen?: TermPostings): void {
  const ms = miniSearch as unknown as AddInternals;
  if (ms._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${id}`);
  const shortId = ms.addDocumentId(id);
  INDEXED_FIELDS.forEach((field, i) => {
    const { length, terms, counts } = fields[i]!;
    const fieldId = ms._fieldIds[field]!;
    ms.addFieldLength(shortId, fieldId, ms._documentCount - 1, length);
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]!;
      if (field !== "title" && common.has(term)) continue;
      let byField = seen?.get(term);
      if (!byField) {
        byField = ms._index.fetch(term, createMap);
        seen?.set(term, byField);
      }
      let postings = byField.get(fieldId);
      if (!postings) byField.set(fieldId, (postings = new Map()));
      postings.set(shortId, (postings.get(shortId) ?? 0) + counts[t]!);
    }
  });
}

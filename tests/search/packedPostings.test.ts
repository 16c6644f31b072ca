import fc from "fast-check";
import MiniSearch from "minisearch";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/articles/loadCorpus.js";
import { fromImage, imageOf, packPostings, PackedPostings } from "../../src/search/packedPostings.js";
import { loadQuestions } from "../quality/evaluate.js";

const CORPUS = path.join(import.meta.dirname, "..", "..", "corpus");

describe("packed postings", () => {
  it("behave as a Map of document ids to frequencies, whatever is set and deleted", () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant("set" as const), id: fc.integer({ min: 0, max: 60 }), freq: fc.integer({ min: 1, max: 9 }) }),
      fc.record({ kind: fc.constant("delete" as const), id: fc.integer({ min: 0, max: 60 }), freq: fc.constant(0) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 120 }), (operations) => {
        const packed = new PackedPostings();
        const map = new Map<number, number>();
        for (const { kind, id, freq } of operations) {
          if (kind === "set") {
            packed.set(id, freq);
            map.set(id, freq);
          } else expect(packed.delete(id)).toBe(map.delete(id));
          expect(packed.size).toBe(map.size);
        }
        const sorted = [...map].sort((a, b) => a[0] - b[0]);
        expect([...packed]).toEqual(sorted);
        expect([...packed.keys()]).toEqual(sorted.map(([id]) => id));
        for (let id = 0; id <= 60; id++) expect(packed.get(id)).toBe(map.get(id));
      }),
      { numRuns: 300 },
    );
  });

  it("can be emptied and filled again", () => {
    const packed = PackedPostings.from([[1, 2], [5, 1], [9, 3]]);
    packed.clear();
    expect(packed.size).toBe(0);
    packed.set(4, 1).set(2, 7);
    expect([...packed]).toEqual([[2, 7], [4, 1]]);
  });

  it("keep an iteration going when an entry is deleted during it, as minisearch does", () => {
    const packed = PackedPostings.from([[1, 1], [2, 1], [3, 1], [4, 1]]);
    const seen: number[] = [];
    for (const id of packed.keys()) {
      seen.push(id);
      if (id === 2) packed.delete(2);
    }
    expect(seen).toEqual([1, 2, 3, 4]);
    expect([...packed.keys()]).toEqual([1, 3, 4]);
  });

  it("give minisearch the same results as its own Maps, after changes and through a saved image", async () => {
    const { articles } = await loadCorpus(CORPUS);
    const options = { fields: ["title", "summary", "keyPoints"], searchOptions: { prefix: true, fuzzy: 0.2 } };
    const docs = articles.map((a) => ({ id: a.id, title: a.title, summary: a.summary, keyPoints: a.keyPoints.join("\n") }));
    const plain = new MiniSearch(options);
    const packed = new MiniSearch(options);
    plain.addAll(docs);
    packed.addAll(docs);
    packPostings(packed, { compact: true });
    // Changes after packing: removals (lazy and immediate) and additions append to packed postings.
    for (const index of [plain, packed]) {
      index.discard(docs[0]!.id);
      index.remove(docs[1]!);
      index.add({ ...docs[0]!, id: "again", title: `${docs[0]!.title} again` });
    }
    const reloaded = fromImage(imageOf(packed), options);
    const queries = loadQuestions().map((q) => q.q);
    const results = (index: MiniSearch) => queries.map((q) => index.search(q).map((r) => [r.id, r.score.toFixed(9)]));
    const expected = results(plain);
    expect(results(packed)).toEqual(expected);
    expect(results(reloaded)).toEqual(expected);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { best } from "../../src/answers/best.js";

describe("best", () => {
  it("gives the first items of a sort, in order, ties in their original order", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 20 }), at: fc.nat() })), fc.integer({ min: 0, max: 30 }), (items, count) => {
        const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
        expect(best(items, count, byKey)).toEqual([...items].sort(byKey).slice(0, count));
      }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { PageStore, parseSharedPagerId, parseStatelessPagerId, statelessPagerIds } from "../../src/discord/pages.js";
import { openDatabase } from "../../src/store/database.js";
import { PagedQueryStore } from "../../src/store/pagedQueries.js";

const request = { kind: "deal" as const, query: "OpenAI compute", ownerId: "123456789012345678", expiresAt: 1_800_000_000_000 };

describe("paging buttons that carry their own state", () => {
  it("round-trips the query, the asker, the expiry and the page to show", () => {
    const ids = statelessPagerIds(request, 2)!;
    expect(parseStatelessPagerId(ids.next)).toEqual({ ...request, page: 3 });
    expect(parseStatelessPagerId(ids.previous)).toEqual({ ...request, page: 1 });
  });

  it("keeps a query with colons and non-Latin letters whole", () => {
    const ids = statelessPagerIds({ ...request, kind: "ask", query: "Nvidia: 株 stake?" }, 0)!;
    expect(parseStatelessPagerId(ids.next)?.query).toBe("Nvidia: 株 stake?");
  });

  it("stays within Discord's 100 characters, the page label's suffix included, or gives way", () => {
    const ids = statelessPagerIds({ ...request, ownerId: "18446744073709551615", query: "x".repeat(58) }, 9)!;
    expect(`${ids.next}:label`.length).toBeLessThanOrEqual(100);
    expect(statelessPagerIds({ ...request, query: "x".repeat(80) }, 0)).toBeNull();
  });

  it("keeps an answer to a long question in the process when there is no database", async () => {
    const pages = new PageStore(60_000);
    const ids = await pages.pagerFor({ type: "ask", query: "y".repeat(200), results: [], suggestion: null }, request.ownerId, false);
    expect(ids.next).toMatch(/^page:[0-9a-f]+:1$/);
  });

  it("keeps a long question in the database, where every worker finds it until it expires", async () => {
    let now = 1_000_000;
    const database = await openDatabase({ dataDir: ":memory:" });
    const shared = new PagedQueryStore(database.db, () => now);
    const worker = new PageStore(60_000, () => now, () => shared);
    const ids = await worker.pagerFor({ type: "ask", query: "y".repeat(200), results: [], suggestion: null }, request.ownerId, false);
    const next = parseSharedPagerId(ids.next)!;
    expect(next.page).toBe(1);
    const other = new PageStore(60_000, () => now, () => shared);
    expect(await other.shared()!.get(next.questionId)).toEqual({ kind: "ask", query: "y".repeat(200), ownerId: request.ownerId, expiresAt: 1_060_000 });
    expect(`${ids.next}:label`.length).toBeLessThanOrEqual(100);
    now += 60_000;
    expect(await other.shared()!.get(next.questionId)).toBeNull();
    await database.close();
  });

  it("reads nothing else as a paging button", () => {
    expect(parseStatelessPagerId("summary:some-article")).toBeNull();
    expect(parseStatelessPagerId("pg:z:1:abc:def:query")).toBeNull();
  });
});

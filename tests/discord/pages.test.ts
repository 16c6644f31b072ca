import { describe, expect, it } from "vitest";
import { PageStore, parseStatelessPagerId, statelessPagerIds } from "../../src/discord/pages.js";

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

  it("keeps an answer to a long question in the process instead", () => {
    const pages = new PageStore(60_000);
    const ids = pages.pagerFor({ type: "ask", query: "y".repeat(200), results: [], suggestion: null }, request.ownerId, false);
    expect(ids.next).toMatch(/^page:[0-9a-f]+:1$/);
  });

  it("reads nothing else as a paging button", () => {
    expect(parseStatelessPagerId("summary:some-article")).toBeNull();
    expect(parseStatelessPagerId("pg:z:1:abc:def:query")).toBeNull();
  });
});

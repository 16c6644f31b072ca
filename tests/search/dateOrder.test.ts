import { describe, expect, it } from "vitest";
import type { Article } from "../../src/articles/article.js";
import { byNewest } from "../../src/articles/order.js";
import { DateOrder } from "../../src/search/dateOrder.js";
import { parsedArticle } from "../helpers/articles.js";

describe("the date order", () => {
  const articles = ["2024-03-01", "2025-01-02", null, "2023-07-09", "2025-01-02"].map((date, i) => ({ ...parsedArticle(`a${i}`), date }));

  it("lists articles newest first, undated last, and keeps the order as articles come and go", () => {
    const live = new Map<string, Article>(articles.map((a) => [a.id, a]));
    const order = new DateOrder(() => [...live.values()]);
    expect(order.newest(10).map((a) => a.id)).toEqual(["a1", "a4", "a0", "a3", "a2"]);
    const fresh = parsedArticle("fresh", { date: "2026-01-01" });
    live.set(fresh.id, fresh);
    order.add(fresh);
    order.remove(articles[0]!);
    live.delete("a0");
    expect(order.list()).toEqual([...live.values()].sort(byNewest));
  });

  it("gives the newest articles that pass a filter", () => {
    const order = new DateOrder(() => [...articles]);
    expect(order.newest(2, (a) => a.id !== "a1").map((a) => a.id)).toEqual(["a4", "a0"]);
  });
});

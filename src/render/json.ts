import type { Answer } from "../answers/answer.js";

/** An answer in the CLI's JSON shapes (documented in the README), one object per answer. */
export function answerToJson(answer: Answer): unknown {
  switch (answer.type) {
    case "ask":
      return {
        query: answer.query,
        results: answer.results.map((r) => ({ id: r.article.id, title: r.article.title, url: r.article.url, score: round(r.score), keyPoints: r.keyPoints })),
        ...(answer.suggestion ? { suggestion: answer.suggestion } : {}),
      };
    case "deal":
      return {
        query: answer.query,
        deals: answer.deals.map((d) => ({
          id: d.article.id,
          title: d.article.title,
          url: d.article.url,
          date: d.article.date,
          parties: d.deal?.parties ?? d.article.companies.slice(0, 3),
          amount: d.deal?.amount ?? null,
          kind: d.deal?.kind ?? "news",
          role: d.deal === null ? "news" : d.mentions.length > 0 ? "mentions" : "party",
          keyPoints: d.keyPoints,
        })),
        ...(answer.suggestion ? { suggestion: answer.suggestion } : {}),
      };
    case "summary":
      return {
        query: answer.query,
        article: answer.article
          ? { id: answer.article.id, title: answer.article.title, url: answer.article.url, date: answer.article.date, summary: answer.article.summary, keyPoints: answer.keyPoints }
          : null,
        alternatives: answer.alternatives.map((a) => ({ id: a.id, title: a.title, url: a.url })),
        ...(answer.suggestion ? { suggestion: answer.suggestion } : {}),
      };
    case "latest":
      return { articles: answer.articles.map((a) => ({ id: a.id, title: a.title, url: a.url, date: a.date })) };
    default:
      return answer;
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;

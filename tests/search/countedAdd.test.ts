import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { zipfCorpus } from "../../bench/zipfArchive.js";
import { parseArticleText } from "../../src/articles/parse.js";
import { articleIndexOptions, documentOf, fieldCountsOf, type ArticleDoc } from "../../src/search/articleDocument.js";
import { addCounted, type TermPostings } from "../../src/search/countedAdd.js";
import { internals } from "../../src/search/packedPostings.js";
import { parsedArticle } from "../helpers/articles.js";

/** Everything minisearch keeps of its documents, in its own order: terms, fields, postings, lengths. */
function contents(index: MiniSearch<ArticleDoc>) {
  const ms = internals(index);
  const terms = [...ms._index].map(([term, byField]) => [term, [...byField].map(([field, postings]) => [field, [...postings]])]);
  return { terms, lengths: [...ms._fieldLength], average: ms._avgFieldLength, count: ms._documentCount, ids: [...ms._documentIds] };
}

describe("adding an article from its counted fields", () => {
  const articles = [
    ...zipfCorpus(300, 5).map((doc) => {
      const parsed = parseArticleText(doc.text, doc.id);
      if (!parsed.ok) throw new Error(parsed.reason);
      return parsed.article;
    }),
    parsedArticle("empty-summary", { title: "Globex Buys Initech", summary: "", keyPoints: ["Globex pays $2 billion.", "Globex pays $2 billion again, as said."] }),
  ];
  const common = new Set(["said", "compani", "deal"]);

  it("builds the index minisearch's own add builds, term for term and in the same order", () => {
    const added = new MiniSearch<ArticleDoc>(articleIndexOptions(common));
    const counted = new MiniSearch<ArticleDoc>(articleIndexOptions(common));
    // As a build adds them: each term's postings looked up in minisearch's tree once, then kept.
    const countedInBulk = new MiniSearch<ArticleDoc>(articleIndexOptions(common));
    const seen: TermPostings = new Map();
    for (const article of articles) {
      added.add(documentOf(article));
      addCounted(counted, article.id, fieldCountsOf(documentOf(article)), common);
      addCounted(countedInBulk, article.id, fieldCountsOf(documentOf(article)), common, seen);
    }
    expect(contents(counted)).toEqual(contents(added));
    expect(contents(countedInBulk)).toEqual(contents(added));
    for (const query of ["OpenAI Nvidia", "said deal", "Globex $2 billion", "nvdia chips"]) {
      expect(counted.search(query).map((r) => [r.id, r.score])).toEqual(added.search(query).map((r) => [r.id, r.score]));
    }
  });

  it("refuses an id already in the index, as minisearch does", () => {
    const index = new MiniSearch<ArticleDoc>(articleIndexOptions(common));
    addCounted(index, "a", fieldCountsOf(documentOf(articles[0]!)), common);
    expect(() => addCounted(index, "a", fieldCountsOf(documentOf(articles[1]!)), common)).toThrow(/duplicate ID a/);
  });
});

import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/articles/loadCorpus.js";
import { parseArticleFile } from "../../src/articles/parse.js";
import { prepareArticle, preparedArticle } from "../../src/search/preparedArticle.js";
import { parseInWorkers } from "../../src/search/preparePool.js";
import { makeCorpus, markdownArticle, plainTextArticle } from "../helpers/articles.js";
import { readFileSync } from "node:fs";
import v8 from "node:v8";
import type { ParseResult } from "../../src/articles/article.js";
import { keptInMemory } from "../../src/search/articleDocument.js";

const asKept = (result: ParseResult): ParseResult => (result.ok ? { ok: true, article: keptInMemory(result.article) } : result);

describe("parsing on worker threads", () => {
  const files: Record<string, string> = { "empty.md": "" };
  for (let i = 0; i < 150; i++) files[`n/${i}.${i % 2 ? "md" : "txt"}`] = i % 2 ? markdownArticle({ title: `Firm ${i} Buys Rival ${i} for $${i} Million` }) : plainTextArticle({ title: `Globex ${i} Signs a Deal` });
  const dir = makeCorpus(files);
  const jobs = Object.keys(files).map((name) => ({ file: path.join(dir, name), id: name.replace(/\.\w+$/, "") }));

  it("gives each file's article or reason, in order, as parsing here does, and its document prepared", async () => {
    const results = await parseInWorkers([...jobs, { file: path.join(dir, "gone.md"), id: "gone" }], { workers: 2 });
    expect(results.slice(0, -1)).toEqual(jobs.map(({ file, id }) => asKept(parseArticleFile(readFileSync(file), id))));
    expect(results.at(-1)).toEqual({ ok: false, reason: "cannot be read (ENOENT)" });
    for (const [i, result] of results.slice(0, -1).entries()) {
      const parsed = parseArticleFile(readFileSync(jobs[i]!.file), jobs[i]!.id);
      if (result.ok && parsed.ok) expect(preparedArticle(result.article)).toEqual({ ...prepareArticle(parsed.article), kept: true });
    }
  });

  it("keeps plain text one byte a character, though its file holds a curly quote", async () => {
    const title = "Globex Signs a Plain Supply Deal With Initech Worth Two Billion Dollars";
    const curly = makeCorpus({ "a.md": markdownArticle({ title, summary: "Globex’s biggest order yet." }) });
    const [result] = await parseInWorkers([{ file: path.join(curly, "a.md"), id: "a" }], { workers: 1 });
    expect(result?.ok && result.article.title).toBe(title);
    // v8.serialize writes a two-byte string at two bytes a character.
    if (result?.ok) expect(v8.serialize(result.article.title).length).toBeLessThan(title.length * 1.5);
  });

  it("parses the files asked for first before the others, and tells of each as it arrives", async () => {
    const arrived: number[] = [];
    const results = await parseInWorkers(jobs, { workers: 1, first: [120, 7, 120, 999], received: (position) => arrived.push(position) });
    expect(arrived.slice(0, 2)).toEqual([120, 7]);
    expect(arrived.toSorted((a, b) => a - b)).toEqual(jobs.map((_, i) => i));
    expect(results).toEqual(jobs.map(({ file, id }) => asKept(parseArticleFile(readFileSync(file), id))));
  });

  it("loads a corpus alike with or without them, the articles as the index keeps them", async () => {
    const here = await loadCorpus(dir);
    const there = await loadCorpus(dir, { parseFiles: (list) => parseInWorkers(list, { workers: 2 }) });
    expect(there).toEqual({ ...here, articles: here.articles.map(keptInMemory) });
  });
});

import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/articles/loadCorpus.js";
import { parseArticleFile } from "../../src/articles/parse.js";
import { prepareArticle, preparedArticle } from "../../src/search/preparedArticle.js";
import { parseInWorkers } from "../../src/search/preparePool.js";
import { makeCorpus, markdownArticle, plainTextArticle } from "../helpers/articles.js";
import { readFileSync } from "node:fs";

describe("parsing on worker threads", () => {
  const files: Record<string, string> = { "empty.md": "" };
  for (let i = 0; i < 150; i++) files[`n/${i}.${i % 2 ? "md" : "txt"}`] = i % 2 ? markdownArticle({ title: `Firm ${i} Buys Rival ${i} for $${i} Million` }) : plainTextArticle({ title: `Globex ${i} Signs a Deal` });
  const dir = makeCorpus(files);
  const jobs = Object.keys(files).map((name) => ({ file: path.join(dir, name), id: name.replace(/\.\w+$/, "") }));

  it("gives each file's article or reason, in order, as parsing here does, and its document prepared", async () => {
    const results = await parseInWorkers([...jobs, { file: path.join(dir, "gone.md"), id: "gone" }], 2);
    expect(results.slice(0, -1)).toEqual(jobs.map(({ file, id }) => parseArticleFile(readFileSync(file), id)));
    expect(results.at(-1)).toEqual({ ok: false, reason: "cannot be read (ENOENT)" });
    for (const result of results.filter((r) => r.ok)) expect(preparedArticle(result.article)).toEqual(prepareArticle(result.article));
  });

  it("loads a corpus alike with or without them", async () => {
    const here = await loadCorpus(dir);
    const there = await loadCorpus(dir, { parseFiles: (list) => parseInWorkers(list, 2) });
    expect(there).toEqual(here);
  });
});

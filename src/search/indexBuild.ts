import type { Article, ParseResult } from "../articles/article.js";
import { loadCorpus, type Corpus, type CorpusListing } from "../articles/loadCorpus.js";
import type { FieldCounts } from "./articleDocument.js";
import { commonTermSample, commonTermsIn } from "./commonTerms.js";
import { NewsIndex } from "./newsIndex.js";
import { parseManyInWorkers, type ParseOptions } from "./preparePool.js";
import { peekPrepared } from "./preparedArticle.js";
import type { PrepareJob } from "./prepareWorker.js";

export interface LoadAndIndexOptions {
  listing?: CorpusListing;
  /** How files are parsed (worker threads for a large corpus; undefined leaves them to this thread). */
  parse?: (files: PrepareJob[], options: ParseOptions) => Promise<ParseResult[]> | undefined;
}

/**
 * A corpus folder read and indexed at once, as a first start builds its index: on a large corpus the files
 * are parsed on worker threads while this thread indexes, in the files' order, those read already. The
 * common words are counted first, on the even sample of files that the workers read before the others.
 */
export async function loadAndIndex(corpusDir: string, options: LoadAndIndexOptions = {}): Promise<{ corpus: Corpus; index: NewsIndex }> {
  const parse = options.parse ?? parseManyInWorkers;
  const build = new IndexBuild();
  const corpus = await loadCorpus(corpusDir, {
    listing: options.listing,
    parseFiles: (files, received) => {
      const first = build.expect(files.length);
      return parse(files, {
        first,
        received: (position, result) => {
          build.received(position, result);
          received(position, result);
        },
      });
    },
    onArticle: (article) => build.add(article),
  });
  return { corpus, index: build.finish() };
}

/** A NewsIndex built while its articles are read: they wait until the sample for the common words is in. */
class IndexBuild {
  private readonly pendingSample = new Set<number>();
  private readonly sample: FieldCounts[][] = [];
  private waiting: Article[] = [];
  private index: NewsIndex | undefined;
  private basis = 0;

  /** `count` files are to be read: the positions of those to read first (the common words' sample). */
  expect(count: number): number[] {
    const positions = commonTermSample(count);
    this.basis = count;
    for (const position of positions) this.pendingSample.add(position);
    if (positions.length === 0) this.start();
    return positions;
  }

  /** A file read, in any order. */
  received(position: number, result: ParseResult): void {
    if (this.index || !this.pendingSample.delete(position)) return;
    if (result.ok) this.sample.push(peekPrepared(result.article).fields);
    if (this.pendingSample.size === 0) this.start();
  }

  /** An article loaded, in the files' order. */
  add(article: Article): void {
    if (this.index) this.index.add(article);
    else this.waiting.push(article);
  }

  finish(): NewsIndex {
    // Read on this thread (no one told of each file): the index counts its common words itself.
    if (!this.index) return new NewsIndex(this.waiting);
    if (this.index.size > 0) this.index.compact();
    return this.index;
  }

  private start(): void {
    this.index = new NewsIndex([], { commonTerms: commonTermsIn(this.sample), commonBasis: this.basis });
    for (const article of this.waiting) this.index.add(article);
    this.waiting = [];
  }
}

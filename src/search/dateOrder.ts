import type { Article } from "../articles/article.js";
import { byNewest } from "../articles/order.js";

/** Where an article goes (or is) in a list sorted newest first. */
function sortedPosition(sorted: Article[], article: Article): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (byNewest(sorted[middle]!, article) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Articles newest first (undated last): sorted when first asked for, then kept in order as articles come
 * and go, so neither a live addition nor /latest sorts an archive again.
 */
export class DateOrder {
  private sorted: Article[] | null = null;

  constructor(private readonly all: () => Article[]) {}

  add(article: Article): void {
    this.sorted?.splice(sortedPosition(this.sorted, article), 0, article);
  }

  remove(article: Article): void {
    if (!this.sorted) return;
    const at = sortedPosition(this.sorted, article);
    if (this.sorted[at] === article) this.sorted.splice(at, 1);
    else this.sorted = null;
  }

  /** Every article, newest first. */
  list(): readonly Article[] {
    this.sorted ??= this.all().sort(byNewest);
    return this.sorted;
  }

  /** The newest `count` articles, optionally only those passing `filter`. */
  newest(count: number, filter?: (article: Article) => boolean): Article[] {
    if (!filter) return this.list().slice(0, count);
    const found: Article[] = [];
    for (const article of this.list()) {
      if (found.length >= count) break;
      if (filter(article)) found.push(article);
    }
    return found;
  }
}

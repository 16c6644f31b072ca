import type { Logger } from "../logger.js";
import type { NewsIndex } from "../search/newsIndex.js";
import { contentHash, type DeliveryStore } from "./store.js";

/** Article texts fetched per query while catching up. */
const BATCH = 500;

/**
 * Keeps this process's in-memory index in step with the articles in a shared database, which other
 * processes write (the corpus leader, feed readers). It reads what changed since the last version it
 * saw: first ids and content hashes only, then the text of just the articles its index lacks or holds
 * in another form. Catch-ups requested while one runs are folded into one more.
 */
export class IndexFollower {
  private version = 0;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly store: DeliveryStore, private readonly index: NewsIndex, private readonly logger: Logger, private readonly onApplied: (changed: number) => void = () => undefined) {}

  /** Reads and applies what changed since the last catch-up; resolves when this one (or the one it joined) ends. */
  catchUp(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass()
      .catch((error: unknown) => this.logger.error({ err: error }, "could not read article changes from the database; will try at the next change"))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.catchUp();
        }
      });
    return this.running;
  }

  private async pass(): Promise<void> {
    const changes = await this.store.changesSince(this.version, { withText: false });
    if (changes.length === 0) return;
    const stale = changes.filter((change) => {
      if (change.removed) return false;
      const held = this.index.get(change.id);
      return held === undefined || contentHash(held) !== change.contentHash;
    });
    let applied = 0;
    for (let i = 0; i < stale.length; i += BATCH) {
      const ids = stale.slice(i, i + BATCH).map((change) => change.id);
      for (const change of await this.store.changesSince(this.version, { ids })) {
        if (change.article && !change.removed) {
          this.index.add(change.article);
          applied++;
        }
      }
    }
    for (const change of changes) {
      if (change.removed && this.index.remove(change.id)) applied++;
    }
    this.version = Math.max(this.version, changes[changes.length - 1]!.version); // ordered by version
    if (applied > 0) this.logger.info({ articles: applied, version: this.version }, "index caught up with the database");
    this.onApplied(applied);
  }
}

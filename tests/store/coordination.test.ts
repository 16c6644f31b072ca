import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { parseArticleText } from "../../src/articles/parse.js";
import { IndexFollower } from "../../src/delivery/indexFollower.js";
import { DeliveryStore } from "../../src/delivery/store.js";
import { createLogger } from "../../src/logger.js";
import { NewsIndex } from "../../src/search/newsIndex.js";
import { PostgresCoordinator } from "../../src/store/coordination.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { markdownArticle } from "../helpers/articles.js";
import { freshPostgresUrl } from "../helpers/postgres.js";

const logger = createLogger("silent");
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function until(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function database(url: string): Promise<Database> {
  const opened = await openDatabase({ databaseUrl: url, dataDir: ":memory:" });
  cleanups.push(() => opened.close());
  return opened;
}

function coordinator(url: string, onArticlesChanged = () => undefined) {
  const events: boolean[] = [];
  const c = new PostgresCoordinator({ url, logger, retryMs: 100, onArticlesChanged, onLeadership: (leading) => events.push(leading) });
  cleanups.push(() => c.stop());
  return { c, events };
}

/** Ends a coordinator's connection from the server's side, as a network failure or a restart of PostgreSQL would. */
async function cutConnections(db: Database, which: "leader" | "listeners") {
  const filter = which === "leader"
    ? sql`pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)`
    : sql`query LIKE 'LISTEN%' OR query LIKE 'SELECT pg_try_advisory_lock%'`;
  await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND (${filter})`.execute(db.db);
}

describe("coordination between processes through PostgreSQL", () => {
  it("lets one process lead the corpus; a leader whose connection is cut stops leading, and another takes over when it is gone", async () => {
    const url = await freshPostgresUrl();
    const db = await database(url);
    const first = coordinator(url);
    await first.c.start();
    expect(first.c.isLeader).toBe(true);
    const second = coordinator(url);
    await second.c.start();
    expect(second.c.isLeader).toBe(false);
    // Its connection cut, the leader knows at once that it no longer leads (it may win the lock back).
    await cutConnections(db, "leader");
    await until(() => first.events.includes(false));
    // Once its process is gone, the other takes the lock.
    await first.c.stop();
    await until(() => second.c.isLeader);
    expect(first.c.isLeader).toBe(false);
  });

  it("keeps a follower's index current from NOTIFY, and catches up what changed while it was disconnected", async () => {
    const url = await freshPostgresUrl();
    const db = await database(url);
    const writer = new DeliveryStore(db.db, { engine: "postgres" });
    const index = new NewsIndex();
    const follower = new IndexFollower(new DeliveryStore((await database(url)).db, { engine: "postgres" }), index, logger);
    const { c } = coordinator(url, () => void follower.catchUp());
    await c.start();
    const article = (id: string, title: string) => {
      const parsed = parseArticleText(markdownArticle({ title }), id);
      if (!parsed.ok) throw new Error(parsed.reason);
      return parsed.article;
    };
    await writer.acceptArticle(article("one", "First Live Story"));
    await until(() => index.get("one") !== undefined);

    await cutConnections(db, "listeners");
    await writer.acceptArticle(article("two", "Written While Nobody Listened"));
    await writer.removeArticle("one");
    await until(() => index.get("two") !== undefined && index.get("one") === undefined);
    expect(index.get("two")?.title).toBe("Written While Nobody Listened");
  });
});

import { existsSync } from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { openDatabase, SQLITE_FILE, DatabaseError } from "../store/database.js";
import type { Schema } from "../store/schema.js";

/** Tables in the order their references allow; leases are not copied (they only matter while processes run). */
const TABLES = ["articles", "subscriptions", "outbox", "feeds", "feed_items", "meta"] as const satisfies ReadonlyArray<keyof Schema>;
/** Tables whose ids PostgreSQL numbers itself: the numbering resumes after the copied ids. */
const IDENTITY_TABLES = ["subscriptions", "outbox", "feeds"] as const;
const BATCH = 500;

/**
 * Copies a SQLite install (the database in `dataDir`) into an empty PostgreSQL database, keeping every id,
 * so subscriptions, deliveries made and waiting, feeds and their articles carry on where they were.
 * Run it with the bot stopped. Returns the rows copied per table.
 */
export async function migrateToPostgres(dataDir: string, databaseUrl: string): Promise<Record<string, number>> {
  const file = path.join(dataDir, SQLITE_FILE);
  if (!existsSync(file)) throw new DatabaseError(`there is no SQLite database at ${file}: give the DATA_DIR of the install to move (--data-dir).`);
  const from = await openDatabase({ dataDir });
  const to = await openDatabase({ databaseUrl, dataDir: ":memory:" }).catch(async (error: unknown) => {
    await from.close();
    throw error;
  });
  try {
    for (const table of TABLES) {
      const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(table)}`.execute(to.db);
      if (Number(rows[0]!.n) > 0) throw new DatabaseError(`the database in DATABASE_URL (${to.location}) already holds ${table}: move an install into an empty database only.`);
    }
    const copied: Record<string, number> = {};
    await to.db.transaction().execute(async (trx) => {
      for (const table of TABLES) {
        const rows = (await from.db.selectFrom(table).selectAll().execute()) as Array<Record<string, unknown>>;
        for (let i = 0; i < rows.length; i += BATCH) {
          await trx.insertInto(table).values(rows.slice(i, i + BATCH) as never).execute();
        }
        copied[table] = rows.length;
      }
      for (const table of IDENTITY_TABLES) {
        await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), COALESCE((SELECT MAX(id) FROM ${sql.table(table)}), 0) + 1, false)`.execute(trx);
      }
    });
    return copied;
  } finally {
    await from.close();
    await to.close();
  }
}

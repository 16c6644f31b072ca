import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../src/store/database.js";
import { createDatabase } from "./embeddedPostgres.js";

/** A new, empty database on the test run's PostgreSQL server; its connection string. */
export function freshPostgresUrl(): Promise<string> {
  return createDatabase(inject("postgresAdminUrl"), `newsdesk_${randomBytes(6).toString("hex")}`);
}

/** The engines every store test runs against: the same suite, two engines. */
export const ENGINES = ["sqlite", "postgres"] as const;

/** A fresh, migrated database of the engine: SQLite in memory, or a new PostgreSQL database. */
export async function freshDatabase(engine: (typeof ENGINES)[number]): Promise<Database> {
  if (engine === "sqlite") return openDatabase({ dataDir: ":memory:" });
  return openDatabase({ databaseUrl: await freshPostgresUrl(), dataDir: ":memory:" });
}

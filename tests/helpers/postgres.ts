import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database } from "../../src/store/database.js";

/** A new, empty database on the test run's PostgreSQL server; its connection string. */
export async function freshPostgresUrl(): Promise<string> {
  const admin = inject("postgresAdminUrl");
  const name = `newsdesk_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client(admin);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The engines every store test runs against: the same suite, two engines. */
export const ENGINES = ["sqlite", "postgres"] as const;

/** A fresh, migrated database of the engine: SQLite in memory, or a new PostgreSQL database. */
export async function freshDatabase(engine: (typeof ENGINES)[number]): Promise<Database> {
  if (engine === "sqlite") return openDatabase({ dataDir: ":memory:" });
  return openDatabase({ databaseUrl: await freshPostgresUrl(), dataDir: ":memory:" });
}

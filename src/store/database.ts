import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from "kysely";
import pg from "pg";
import { migrate } from "./migrations.js";
import type { Schema } from "./schema.js";

/** The two engines Newsdesk keeps its state in: a SQLite file (the default) or a shared PostgreSQL. */
export type Engine = "sqlite" | "postgres";

/** A query runner: the database, or a transaction on it. */
export type Executor = Kysely<Schema>;

/** The open database, whichever the engine. */
export interface Database {
  db: Kysely<Schema>;
  engine: Engine;
  /** Where it is, for messages: the SQLite file, or DATABASE_URL with its password masked. */
  location: string;
  /** The PostgreSQL connection string (for the connections that listen and hold locks), or null on SQLite. */
  postgresUrl: string | null;
  /** The SQLite connection itself (maintenance and tests), or null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

/** The file name of the SQLite database inside DATA_DIR. */
export const SQLITE_FILE = "newsdesk.sqlite";

/** A start-up problem with the database, told in words: the variable to fix and why, never a stack trace. */
export class DatabaseError extends Error {
  override readonly name = "DatabaseError";
}

/** `postgres://user:secret@host/db` as `postgres://user:***@host/db`: safe to print and log. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@");
  }
}

// PostgreSQL's 64-bit integers (ids, times in milliseconds, counts) and sums arrive as strings by default;
// every one of ours fits in a double, so they are read as numbers.
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as "text");
  },
} as pg.CustomTypesConfig;

/** Connection settings shared by the pool and the dedicated connections (see coordination.ts). */
export function postgresClientConfig(url: string): pg.ClientConfig {
  return { connectionString: url, types, connectionTimeoutMillis: 10_000, application_name: "newsdesk", keepAlive: true };
}

/**
 * Opens the database: PostgreSQL when `databaseUrl` is set (DATABASE_URL), otherwise the SQLite file in
 * `dataDir` (or an in-memory one), with every migration applied. A database that cannot be reached or
 * opened is a DatabaseError naming the setting to fix.
 */
export async function openDatabase(options: { databaseUrl?: string | null; dataDir: string | ":memory:" }): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openSqlite(options.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const location = maskUrl(url);
  const pool = new pg.Pool({ ...postgresClientConfig(url), max: 10 });
  // An idle connection the server closes must not crash the process: the next query opens another.
  pool.on("error", () => undefined);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`SELECT 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw new DatabaseError(`cannot connect to the database in DATABASE_URL (${location}): ${reason(error)}. Check the host, port, user, password and database name, and that PostgreSQL is running.`);
  }
  try {
    await migrate(db, "postgres");
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw new DatabaseError(`cannot prepare the database in DATABASE_URL (${location}): ${reason(error)}. The user needs the right to create tables in it.`);
  }
  return { db, engine: "postgres", location, postgresUrl: url, sqlite: null, close: closeOnce(db) };
}

async function openSqlite(dataDir: string | ":memory:"): Promise<Database> {
  let file = ":memory:";
  let sqlite: SQLite.Database;
  try {
    if (dataDir !== ":memory:") {
      mkdirSync(dataDir, { recursive: true });
      file = path.join(dataDir, SQLITE_FILE);
    }
    sqlite = new SQLite(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
  } catch (error) {
    throw new DatabaseError(`cannot open the database in DATA_DIR (${dataDir}): ${reason(error)}. Make the folder writable, free some disk space, or point DATA_DIR elsewhere.`);
  }
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrate(db, "sqlite");
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw new DatabaseError(`cannot prepare the database in DATA_DIR (${dataDir}): ${reason(error)}. Make the folder writable, free some disk space, or point DATA_DIR elsewhere.`);
  }
  return { db, engine: "sqlite", location: file, postgresUrl: null, sqlite, close: closeOnce(db) };
}

/** Closing twice (a health check's test, then shutdown) is closing once. */
function closeOnce(db: Kysely<Schema>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= db.destroy());
}

function reason(error: unknown): string {
  const err = error as { message?: string; code?: string };
  const text = err?.message || err?.code || String(error);
  return text.replace(/postgres(ql)?:\/\/[^\s]+/g, (url) => maskUrl(url));
}

/** Runs `work` in a transaction, or inside the one `db` already is. */
export function inTransaction<T>(db: Executor, work: (trx: Executor) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute((trx: Transaction<Schema>) => work(trx));
}

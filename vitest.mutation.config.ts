import { defineConfig } from "vitest/config";

/**
 * The tests Stryker runs against each mutant (`npm run mutation`): the unit tests of the mutated modules,
 * the tests of parsing, answers and rendering that use them, the renderer's property test, and the one
 * end-to-end suite of the feed address guard. The other suites (end-to-end, the parser's fuzzing, answer
 * quality) reach the same code far more slowly, since each mutant reruns every test that reaches it; they
 * still run in `npm test`.
 */
export default defineConfig({
  test: {
    include: [
      "tests/extract/**/*.test.ts",
      "tests/articles/**/*.test.ts",
      "tests/answers/**/*.test.ts",
      "tests/render/**/*.test.ts",
      "tests/feeds/**/*.test.ts",
      "tests/search/text.test.ts",
      "tests/hostile/render.fuzz.test.ts",
      "tests/safety.test.ts",
      "tests/e2e/feedGuard.test.ts",
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

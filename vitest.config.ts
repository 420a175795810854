import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The machine has 2 cores; PDF and DOCX tests are CPU-heavy.
    pool: "forks",
    maxWorkers: 2,
  },
});

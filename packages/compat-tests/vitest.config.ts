import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    // Generous bounds: CI runs on 2 cores; a test is judged by its assertions, never by its speed.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    // Launching Chromium on 2 shared cores can take several seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    // Each example runs as a real child process against one shared emulator.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});

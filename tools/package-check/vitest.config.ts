import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    // Packing and attw spawn real processes; on 2 shared cores they take seconds each.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

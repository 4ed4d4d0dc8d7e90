import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["test/**/*.test.ts"],
    // The demo runs end to end in a child process (~30 s budget on 2 shared cores).
    testTimeout: 180_000,
  },
});

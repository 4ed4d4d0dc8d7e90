import { defineConfig } from "vitest/config";

// Generous timeouts: the tests run real servers and a real (tiny) model on shared 2-core machines.
export default defineConfig({
  test: { environment: "node", include: ["test/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "test/unit/**/*.test.ts",
      "test/lsp/**/*.test.ts",
      "test/nvim/**/*.test.ts",
      "test/behaviour/**/*.test.ts",
      "test/fuzz/**/*.test.ts",
      "test/emacs/**/*.test.ts",
    ],
    testTimeout: 90_000,
    pool: "forks",
  },
});

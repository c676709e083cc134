// Flat config. The import boundaries of STYLE 1.2 live here: the analysis core
// stays pure, and the client only talks to the server through protocol.ts.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      ".cache/**",
      "node_modules/**",
      "test/fixtures/**",
      "test/evaluation/**",
      "examples/**",
      "test/e2e/workspace/**",
      ".tools/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["server/src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            "vscode",
            "vscode-languageserver",
            "vscode-languageclient",
            "fs",
            "node:fs",
            "fs/promises",
            "node:fs/promises",
          ],
          patterns: [
            "vscode-languageserver/*",
            "vscode-languageclient/*",
            "vscode-languageserver-*",
            "../lsp/*",
            "../cli*",
          ],
        },
      ],
    },
  },
  {
    files: ["client/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "server/src/(?!protocol)",
              message: "The client may only import server/src/protocol.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: { console: "readonly", process: "readonly" } },
  },
);

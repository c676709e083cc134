// Flat config. The import boundaries of STYLE 1.2 live here: the analysis core
// stays pure, and the client only talks to the server through protocol.ts.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** The languages of server/src/core/languages/: none may import another. */
const LANGUAGES = ["javascript", "python"];

/** What no file of the core may import (no-restricted-imports options). */
const CORE_PURE = {
  paths: [
    "vscode",
    "vscode-languageserver",
    "vscode-languageclient",
    "fs",
    "fs/promises",
    "path",
    "os",
    "child_process",
  ],
  patterns: [
    { regex: "^node:", message: "The core is pure: no Node built-ins." },
    { regex: "^vscode-language(server|client)", message: "The core knows no LSP types." },
    {
      regex: "^(\\.\\./)+(lsp|cli|node)(/|$)",
      message: "The core imports nothing above it (lsp, cli, node).",
    },
  ],
};

/** The core's restrictions plus more patterns (a later no-restricted-imports replaces an earlier one). */
function restrict(...patterns) {
  return { paths: CORE_PURE.paths, patterns: [...CORE_PURE.patterns, ...patterns] };
}

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
  // The core is pure: no Node built-ins, no file system, no editor or LSP types, nothing above it.
  { files: ["server/src/core/**/*.ts"], rules: { "no-restricted-imports": ["error", CORE_PURE] } },
  // A language never imports another: what they share lives in ir/ and analysis/.
  ...LANGUAGES.map((language) => ({
    files: [`server/src/core/languages/${language}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        restrict({
          regex: `^(\\.\\./)+(languages/)?(${LANGUAGES.filter((l) => l !== language).join("|")})(/|$)`,
          message: "A language never imports another language.",
        }),
      ],
    },
  })),
  // The analysis asks the language's profile (carried by the file context) and is asked by the mechanisms.
  {
    files: ["server/src/core/analysis/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        restrict({
          regex: "^\\.\\./(languages|mechanisms|rules|engine|sites)(/|$)",
          message: "The analysis imports no language, mechanism, rule or orchestrator: it stands below them.",
        }),
      ],
    },
  },
  // Rules read facts only: the site model, status facts, their own definitions and catalog types.
  {
    files: ["server/src/core/rules/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        restrict(
          {
            regex: "^\\.\\./(languages|parse|ir|mechanisms|fixes|engine)(/|$)",
            message:
              "Rules read the analysis facts only (analysis/types, analysis/statuses, rules/define, catalog/types).",
          },
          {
            regex: "^\\.\\./analysis/(?!(types|statuses)$)",
            message: "Rules read the analysis facts only (analysis/types, analysis/statuses).",
          },
          { regex: "^\\.\\./catalog/(?!types$)", message: "Rules may read catalog types only." },
        ),
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

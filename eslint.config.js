import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/generated/**", "**/.next/**", "coverage/**", ".data/**"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Configuration comes from packages/db/src/env.ts, validated once.
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through env() in @shop/db." },
      ],
    },
  },
  {
    // The env loader itself, test tooling that sets the environment for the code under test,
    // and `pnpm test`'s pre-flight, which runs before there is a valid environment to read.
    files: ["packages/db/src/env.ts", "**/testing/**", "**/*.test.ts", "e2e/**", "scripts/preflight.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // A test failing on a missing row says more than a guard would.
    files: ["**/*.test.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
);

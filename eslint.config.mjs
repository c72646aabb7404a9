// Lint rules for the whole repository (ESLint flat config).
// Office's own rules come from eslint-plugin-office-addins; formatting is prettier's
// (office-addin-prettier-config), checked here so `npm run lint:fix` settles it.
// The one architectural rule: only src/office/ may touch the `Office` global (the preview's
// Office stand-in is the exception: it *is* the host).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import prettierRecommended from "eslint-plugin-prettier/recommended";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", ".certs/", ".local/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  react.configs.flat.recommended,
  react.configs.flat["jsx-runtime"],
  reactHooks.configs.flat["recommended-latest"] ?? reactHooks.configs["recommended-latest"],
  prettierRecommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser, ...globals.node },
    },
    settings: { react: { version: "detect" } },
    rules: {
      "office-addins/no-office-initialize": "error",
      "prettier/prettier": ["error", { endOfLine: "auto" }],
      "react/prop-types": "off",
      "no-eval": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/office/**", "src/preview/office-standin/**"],
    rules: {
      "no-restricted-globals": [
        "error",
        {
          name: "Office",
          message:
            "Only src/office/ touches the Office global: add an adapter there and inject it.",
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  }
);

// `npm run lint` (office-addin-lint check) and `npm run lint:fix` use this file: the Office add-in rules
// (eslint-plugin-office-addins, React flavour) with prettier (.prettierrc.json: 120 columns, double quotes).
import tsParser from "@typescript-eslint/parser";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

// The plugin's TypeScript block covers .ts only: give .tsx the same parser, plugins and rules.
const typescript = officeAddins.configs.recommended.find((c) => c.files && c.plugins && c.plugins["office-addins"]);

export default [
  { ignores: ["dist/**", "build/**", "coverage/**", "node_modules/**", "artifacts/**", "reports/**"] },
  ...officeAddins.configs.react,
  { ...typescript, files: ["**/*.tsx"] },
  {
    files: ["**/*.{ts,tsx}"],
    // Set here: the plugin's own parser reference resolves to undefined with this @typescript-eslint version.
    languageOptions: { parser: tsParser, ecmaVersion: 2022, globals: { ...globals.browser } },
    rules: {
      // TypeScript checks names itself (strict tsconfig); the JS rule does not know types or ambient globals.
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", ecmaVersion: 2022, globals: { ...globals.node } },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: { ...globals.node } },
  },
];

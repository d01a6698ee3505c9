/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }],
  },
  // json-rules-engine imports jsonpath-plus, whose browser build is ESM-only: use its CommonJS build
  // under jsdom too (the engine is configured with a plain path resolver and never uses JSONPath).
  moduleNameMapper: {
    "^jsonpath-plus$": "<rootDir>/node_modules/jsonpath-plus/dist/index-node-cjs.cjs",
  },
  testTimeout: 60000,
};

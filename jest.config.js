/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Files are transpiled one by one (fast, little memory); `npm test` type-checks the whole project
  // with tsc first, so nothing is lost.
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json" }],
  },
  // Workers are recycled before they grow large: the build and browser tests hold a lot.
  workerIdleMemoryLimit: "1GB",
  // json-rules-engine imports jsonpath-plus, whose browser build is ESM-only: use its CommonJS build
  // under jsdom too (the engine is configured with a plain path resolver and never uses JSONPath).
  moduleNameMapper: {
    "^jsonpath-plus$": "<rootDir>/node_modules/jsonpath-plus/dist/index-node-cjs.cjs",
  },
  testTimeout: 60000,
};

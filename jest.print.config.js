/**
 * `npm run test:print`: the printed look of the reports, through LibreOffice (docx/xlsx → PDF) and poppler
 * (PDF → PNG under artifacts/). Apart from `npm test` because npm cannot install LibreOffice; it fails,
 * saying what to install, where LibreOffice is missing. .ci/run installs both and runs it.
 */
const base = require("./jest.config.js");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ["**/*.print.ts"],
  testTimeout: 240000,
};

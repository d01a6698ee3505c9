#!/usr/bin/env node
"use strict";
// `ntm`: the command line, compiled from src/cli by `npm run build:cli` (run by `npm ci` via "prepare").
const path = require("path");

const compiled = path.join(__dirname, "..", "build", "cli", "cli", "main.js");
let cli;
try {
  cli = require(compiled);
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes(compiled)) {
    process.stderr.write(
      "Lỗi: ntm chưa được biên dịch. Hãy chạy: npm run build:cli\nError: ntm is not built yet. Run: npm run build:cli\n"
    );
    process.exit(1);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

import { InputError, Problem } from "../rules/message";
import { usageError } from "./args";
import { CliError, EXIT } from "./exit-codes";
import { Io, processIo } from "./io";

// Each command is loaded when it runs: exceljs alone takes a third of a second to load, and most runs
// need only part of it (see analyse.ts) or none.
const analyse = () => import("./analyse");
const sample = () => import("./sample/command");
const ruleset = () => import("./ruleset-command");

const HELP = `ntm — đánh giá khu dân cư nông thôn mới (Phú Thọ) trên tệp .xlsx, không cần Excel
ntm — assess residential areas against the Phú Thọ new-rural criteria on .xlsx files, without Excel

  ntm analyse TỆP.xlsx... [--out BÁO-CÁO.xlsx] [--sheet TÊN] [--ruleset TỆP] [--year N] [--json] [--force] [--lang vi|en]
  ntm sample [--out TỆP.xlsx] [--district TÊN] [--areas N] [--layout indicators|status] [--seed N] [--force]
  ntm ruleset [--ruleset TỆP] [--out TỆP.json] [--format file|engine] [--year N] [--force]
  ntm help [analyse|sample|ruleset]      ntm --version

Ví dụ / Examples:
  ntm sample --out mau.xlsx
  ntm analyse mau.xlsx --out bao-cao.xlsx
  ntm analyse huyen-*.xlsx --out toan-tinh.xlsx --json`;

/** The core's advice is the pane's ("map the columns by hand"); on the command line: */
const NO_TABLE_HINT = `Gợi ý: chọn trang có bảng bằng --sheet TÊN; tiêu đề cột cần gần với tên tiêu chí, chỉ tiêu (xem trang "NTM - Bộ tiêu chí" của một báo cáo, hoặc tệp mẫu: ntm sample).
Hint: pick the sheet with the table with --sheet NAME; column headers must resemble the criterion and indicator names (see the "NTM - Bộ tiêu chí" sheet of any report, or the sample: ntm sample).`;

/** "Lỗi: … / Error: …", one pair of lines per problem. */
export function errorText(problems: Problem[]): string {
  return problems
    .map((p) => {
      const where = p.where ? `${p.where}: ` : "";
      return `Lỗi: ${where}${p.message.vi}\nError: ${where}${p.message.en}`;
    })
    .join("\n");
}

function version(): string {
  // src/cli/main.ts is two folders below the package root, build/cli/cli/main.js three.
  try {
    return (require("../../package.json") as { version: string }).version;
  } catch {
    try {
      return (require("../../../package.json") as { version: string }).version;
    } catch {
      return "unknown";
    }
  }
}

/** Run one command line; returns the exit code. Faults become messages, never stack traces. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case "help":
      case "--help":
      case "-h":
        if (rest[0] === "analyse" || rest[0] === "analyze")
          return await (await analyse()).analyseCommand(["--help"], io);
        if (rest[0] === "sample") return await (await sample()).sampleCommand(["--help"], io);
        if (rest[0] === "ruleset") return await (await ruleset()).rulesetCommand(["--help"], io);
        io.out(HELP);
        return EXIT.ok;
      case "--version":
      case "-v":
        io.out(version());
        return EXIT.ok;
      case "analyse":
      case "analyze":
        return await (await analyse()).analyseCommand(rest, io);
      case "sample":
        return await (await sample()).sampleCommand(rest, io);
      case "ruleset":
        return await (await ruleset()).rulesetCommand(rest, io);
      default:
        throw usageError(
          command,
          `Không có lệnh "${command}". Dùng: analyse, sample, ruleset, help.`,
          `No command "${command}". Use: analyse, sample, ruleset, help.`
        );
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.err(errorText(e.problems));
      if (e.exitCode === EXIT.usage) io.err("(ntm help)");
      if (e.problems.some((p) => p.code === "no-table")) io.err(NO_TABLE_HINT);
      return e.exitCode;
    }
    if (e instanceof InputError) {
      io.err(errorText(e.problems));
      return EXIT.noTable;
    }
    const reason = e instanceof Error ? e.message : String(e);
    io.err(
      `Lỗi: lỗi nội bộ của ntm (${reason}). Hãy báo lỗi kèm lệnh đã chạy và tệp.\nError: internal error in ntm (${reason}). Please report it with the command and the file.`
    );
    if (process.env.NTM_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    return EXIT.internal;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.internal;
    }
  );
}

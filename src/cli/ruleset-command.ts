import { engineRules } from "../rules/assessment/criterion-rule";
import { Language, msg } from "../rules/message";
import { rulesetToDocument } from "../rules/ruleset/ruleset-document";
import { choiceOption, integerOption, OptionSpec, readArguments } from "./args";
import { EXIT } from "./exit-codes";
import { checkOutput, OutputKind, writeFileOutput } from "./output-files";
import { Io } from "./io";
import { loadRuleset } from "./ruleset-file";

export const RULESET_OPTIONS = {
  out: { type: "string", short: "o" },
  ruleset: { type: "string" },
  format: { type: "string" },
  year: { type: "string" },
  group: { type: "string" },
  // The name of --group before groups: kept so that scripts written then still run.
  "area-type": { type: "string" },
  force: { type: "boolean", short: "f" },
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionSpec;

/** Either format is JSON text: a .json file, which --ruleset reads back as such (an .xlsx is read as a workbook). */
const RULESET_FILE: OutputKind = {
  option: "--out",
  extension: ".json",
  what: msg("Tệp bộ tiêu chí", "The ruleset file"),
};

/**
 * `ntm ruleset [--ruleset FILE] [--out FILE.json] [--format file|engine] [--year N] [--group G] [--force]`:
 * the ruleset in use as a file an officer can correct and pass back with --ruleset (format "file"), or
 * as the json-rules-engine rules it compiles to for a year and group (format "engine", one rule per
 * criterion, to inspect).
 */
export async function rulesetCommand(argv: string[], io: Io): Promise<number> {
  const args = readArguments(argv, RULESET_OPTIONS);
  const language: Language = choiceOption("lang", args.values.lang, ["vi", "en"] as const, "vi");
  if (args.values.help === true) {
    io.out(RULESET_HELP[language]);
    return EXIT.ok;
  }
  const rulesetFile = args.values.ruleset;
  const out = args.values.out;
  if (out !== undefined) {
    const source = { file: rulesetFile, what: msg("tệp --ruleset", "the --ruleset file") };
    checkOutput(out, RULESET_FILE, [source], args.values.force === true);
  }
  const ruleset = await loadRuleset(rulesetFile);
  const format = choiceOption("format", args.values.format, ["file", "engine"] as const, "file");
  const context = {
    year: integerOption("year", args.values.year, 2000, 2100),
    group: args.values.group ?? args.values["area-type"],
  };
  const doc =
    format === "file"
      ? rulesetToDocument(ruleset)
      : { ruleset: ruleset.id, context, rules: engineRules(ruleset, context) };
  const text = JSON.stringify(doc, null, 2) + "\n";
  if (out === undefined) {
    io.out(text);
    return EXIT.ok;
  }
  await writeFileOutput(out, new TextEncoder().encode(text));
  io.out(language === "vi" ? `Đã ghi bộ tiêu chí: ${out}` : `Ruleset written: ${out}`);
  return EXIT.ok;
}

export const RULESET_HELP: Record<Language, string> = {
  vi: `Cách dùng: ntm ruleset [--ruleset TỆP] [--out TỆP.json] [--format file|engine] [--year N] [--group NHÓM] [--force]

Xuất bộ tiêu chí đang dùng (mặc định: bộ kèm theo, ngưỡng tạm tính) thành tệp JSON để sửa ngưỡng, cách tính
đạt ("logic") rồi dùng lại với "ntm analyse … --ruleset TỆP.json". --format engine: các luật json-rules-engine
(mỗi tiêu chí một luật) ứng với năm và nhóm (vd. --group "Nhóm 2", --group ĐBKK).`,
  en: `Usage: ntm ruleset [--ruleset FILE] [--out FILE.json] [--format file|engine] [--year N] [--group GROUP] [--force]

Export the ruleset in use (default: the built-in one, provisional thresholds) as JSON, to correct thresholds
and logic and pass back with "ntm analyse … --ruleset FILE.json". --format engine: the json-rules-engine rules
(one per criterion) for a year and group (e.g. --group "Nhóm 2", --group ĐBKK).`,
};

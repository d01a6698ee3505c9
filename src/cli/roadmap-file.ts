import * as path from "path";
import { InputError, problem } from "../rules/message";
import { PlanSettings } from "../rules/report/build-report";
import { roadmapSettingsFromDocument } from "../rules/roadmap-settings";
import { CliError, EXIT } from "./exit-codes";
import { readJsonText } from "./input-files";

/** Roadmap settings from `--roadmap FILE.json` ("ntm-roadmap/1"); none given: the five-year defaults. */
export function loadRoadmapSettings(file: string | undefined): PlanSettings {
  if (file === undefined) return {};
  let doc: unknown;
  try {
    doc = JSON.parse(readJsonText(file));
  } catch (e) {
    const reason = e instanceof CliError ? e.problems[0].message : undefined;
    const detail = e instanceof Error ? e.message.split("\n")[0] : String(e);
    throw new CliError(EXIT.ruleset, [
      problem(
        "roadmap-file",
        file,
        `Không đọc được tệp lộ trình (${reason?.vi ?? detail}).`,
        `Cannot read the roadmap file (${reason?.en ?? detail}).`
      ),
    ]);
  }
  try {
    return roadmapSettingsFromDocument(doc, path.basename(file));
  } catch (e) {
    if (e instanceof InputError) throw new CliError(EXIT.ruleset, e.problems);
    throw e;
  }
}

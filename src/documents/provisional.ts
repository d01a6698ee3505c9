import { Paragraph } from "docx";
import { Ruleset } from "../rules/ruleset/ruleset";
import { body, run } from "./word-text";

/** The provisional-threshold note, in italics, wherever the report shows results; none for a verified ruleset. */
export function provisionalParagraph(ruleset: Ruleset): Paragraph | undefined {
  if (!ruleset.provisional) return undefined;
  return body([
    run("Lưu ý (ngưỡng tạm tính): ", { italics: true, bold: true }),
    run(ruleset.statusNote.vi, { italics: true }),
  ]);
}

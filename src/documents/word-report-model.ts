import { AlignmentType, ImageRun, Paragraph } from "docx";
import { DossierArea } from "../rules/report/dossier";
import { SheetResult } from "../rules/report/report-labels";
import { RoadmapPlan } from "../rules/roadmap/plan-shapes";
import { Ruleset } from "../rules/ruleset/ruleset";
import { ChartSpec, SheetOutput } from "../rules/workbook";
import { ChartPicture } from "./chart-picture";
import { SIZE } from "./word-style";
import { centred, run } from "./word-text";

/**
 * What the Word report is made of: the report model the sheets come from (built in Vietnamese, the
 * language of the state's documents), and the charts already rendered from those sheets.
 */
export interface WordReportModel {
  results: SheetResult[];
  ruleset: Ruleset;
  /** The report's sheets (buildReport): the charts are found on them. */
  sheets: SheetOutput[];
  plan?: RoadmapPlan;
  dossier: DossierArea[];
  /** The dossier's areas were listed by the officer (not "every area meeting all criteria"). */
  dossierListed: boolean;
  pictures: ReadonlyMap<ChartSpec, ChartPicture>;
  year?: number;
}

/** The chart of the sheet named `sheetName` with its numbered caption, or nothing when it has none. */
export function chartFigure(model: WordReportModel, sheetName: string, number: number, caption: string): Paragraph[] {
  const spec = model.sheets.find((s) => s.name === sheetName)?.chart;
  const picture = spec ? model.pictures.get(spec) : undefined;
  if (!picture) return [];
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 60, line: 240, lineRule: "auto" },
      children: [
        new ImageRun({
          type: "png",
          data: picture.png,
          transformation: { width: picture.width, height: picture.height },
          altText: { name: caption, title: caption, description: picture.title },
        }),
      ],
    }),
    centred([run(`Biểu đồ ${number}. ${caption}`, { italics: true, size: SIZE.table })], {}, 160),
  ];
}

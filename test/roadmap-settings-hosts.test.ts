import * as fs from "fs";
import * as path from "path";
import { analyseCommand } from "../src/cli/analyse";
import { snapshotWorkbook } from "../src/cli/read-files";
import { CellValue } from "../src/rules/reading/cell";
import {
  readRoadmapSettings,
  RoadmapSettings,
  roadmapSettingsFromDocument,
  roadmapSettingsToDocument,
} from "../src/rules/roadmap-settings";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import { MemoryWorkbook, SETTING_KEYS, SHEET_NAMES } from "../src/rules/workbook";
import { createPaneActions, PaneActions } from "../src/taskpane/actions";
import { formOf, readForm, withEffortClass } from "../src/taskpane/roadmap-form";
import { readXlsx } from "../src/xlsx/read-workbook";
import { recordingDocuments } from "./support/documents";
import { districtSheet, readableDistrict, tempDir, writeDistrict } from "./support/workbooks";

/**
 * One codec for the roadmap settings ("ntm-roadmap/1"): the command line's --roadmap file and the pane's
 * workbook setting are the same document, so settings move between the hosts unchanged.
 */

const dir = tempDir("roadmap-settings");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every field an officer can set, the yearly budget (which the pane's form does not show) among them. */
const everything: RoadmapSettings = {
  startYear: 2020,
  targetYear: 2023,
  perCommune: { min: 1, max: 2 },
  target: 25,
  rewardPerArea: 50_000_000,
  capacity: { completionsPerYear: 12, budgetPerYear: 600_000_000 },
  communesMeetingStandard: [{ commune: "Xã Vũ Yển" }, { district: "Thanh Ba", commune: "Xã Hanh Cù" }],
  effort: withEffortClass(undefined, "TC11", "high"),
};

/** The pane over a workbook as it is read: the real actions, only Excel absent. */
function paneOver(workbook: MemoryWorkbook): PaneActions {
  const host = Object.assign(workbook, { selectLine: async () => undefined });
  return createPaneActions(host, recordingDocuments());
}

/** A sheet's cells as text, trailing blanks dropped: the two hosts' sheets compared cell by cell. */
function texts(rows: CellValue[][]): string[][] {
  const cells = rows.map((r) => r.map((v) => (v === null || v === undefined ? "" : String(v)).trim()));
  return cells.map((r) => r.slice(0, r.map((v) => v !== "").lastIndexOf(true) + 1)).filter((r) => r.length > 0);
}

describe("the roadmap settings, one document for the pane and the command line", () => {
  test("the yearly budget survives the pane's save and load, and saving the form again", async () => {
    const actions = paneOver(new MemoryWorkbook());
    await actions.saveRoadmapSettings(everything);
    const loaded = await actions.loadRoadmapSettings();
    expect(loaded).toEqual(everything);
    expect(loaded.capacity?.budgetPerYear).toBe(600_000_000);
    // The officer changes the start year on the form and saves: the budget, not on the form, is still there.
    const form = { ...formOf(loaded, "vi"), startYear: "2021" };
    const read = readForm(form, undefined, loaded);
    expect(read.problems).toEqual([]);
    expect(read.settings.startYear).toBe(2021);
    expect(read.settings.capacity).toEqual({ completionsPerYear: 12, budgetPerYear: 600_000_000 });
  });

  test("a --roadmap file reads in the pane as the command line reads it, and the pane's saved settings are such a file", async () => {
    const file = {
      format: "ntm-roadmap/1",
      start_year: 2020,
      target_year: 2023,
      per_commune: { min: 1, max: 2 },
      target: 25,
      reward_per_area: 50_000_000,
      capacity: { completions_per_year: 12, budget_per_year: 600_000_000 },
      communes_meeting_standard: ["Xã Vũ Yển", { district: "Thanh Ba", commune: "Xã Hanh Cù" }],
      effort: { format: "ntm-roadmap-effort/1", criteria: { TC11: { effort: "high", funding: "community" } } },
    };
    const workbook = new MemoryWorkbook();
    workbook.settings.set(SETTING_KEYS.roadmapSettings, JSON.stringify(file));
    const inPane = await paneOver(workbook).loadRoadmapSettings();
    expect(inPane).toEqual(roadmapSettingsFromDocument(file));
    expect(inPane).toEqual(everything);
    // Vice versa: what the pane saves is that file again.
    await paneOver(workbook).saveRoadmapSettings(inPane);
    expect(JSON.parse(workbook.settings.get(SETTING_KEYS.roadmapSettings) ?? "")).toEqual(file);
    expect(roadmapSettingsToDocument(roadmapSettingsFromDocument(file))).toEqual(file);
  });

  test("settings the pane saved, given to ntm analyse --roadmap, plan the roadmap the pane planned", async () => {
    const sheet = districtSheet({ areas: 40 });
    const source = path.join(dir, "huyen.xlsx");
    await writeDistrict(source, { areas: 40 });

    const workbook = await readableDistrict(sheet);
    const actions = paneOver(workbook);
    await actions.saveRoadmapSettings(everything);
    const settings = await actions.loadRoadmapSettings();
    const ruleset = embeddedRuleset();
    const found = await actions.detect(ruleset);
    await actions.analyse({
      tables: found.tables.map((t) => ({ sheet: t.sheet, layout: t.layout })),
      ruleset,
      language: "vi",
      highlight: false,
      roadmap: settings,
    });
    const paneRoadmap = workbook.outputs.get(SHEET_NAMES.roadmap);
    const paneSummary = workbook.outputs.get(SHEET_NAMES.roadmapSummary);
    if (!paneRoadmap || !paneSummary) throw new Error("the pane wrote no roadmap");

    const roadmapFile = path.join(dir, "lo-trinh.json");
    fs.writeFileSync(roadmapFile, workbook.settings.get(SETTING_KEYS.roadmapSettings) ?? "");
    const out = path.join(dir, "bao-cao.xlsx");
    const said: string[] = [];
    const io = { out: (s: string) => said.push(s), err: (s: string) => said.push(s) };
    expect(await analyseCommand([source, "--roadmap", roadmapFile, "--out", out], io)).toBe(0);
    const report = snapshotWorkbook(readXlsx(new Uint8Array(fs.readFileSync(out))));
    const cliRoadmap = await report.readSheet(SHEET_NAMES.roadmap);
    const cliSummary = await report.readSheet(SHEET_NAMES.roadmapSummary);

    expect(texts(paneRoadmap.rows).length).toBeGreaterThan(20);
    expect(texts(cliRoadmap.values)).toEqual(texts(paneRoadmap.rows));
    expect(texts(cliSummary.values)).toEqual(texts(paneSummary.rows));
    // The settings shaped the plan: its years, the budget line.
    expect(texts(paneRoadmap.rows)[0].join(" ")).toMatch(/2020–2023/);
    expect(JSON.stringify(paneSummary.rows)).toMatch(/600\.000\.000|600000000/);
  });

  test("a faulty field keeps the planner's default in the pane and is refused, located, by the command line", () => {
    const file = { start_year: "năm sau", target: 10, effort: { criteria: { TC08: { effort: "rất cao" } } } };
    const { settings, problems } = readRoadmapSettings(file, "lo-trinh.json");
    expect(settings.startYear).toBeUndefined();
    expect(settings.target).toBe(10);
    expect(settings.effort?.criteria.TC08).toEqual(embeddedEffortOf("TC08"));
    expect(problems.map((p) => p.where)).toEqual([
      "lo-trinh.json › start_year",
      "lo-trinh.json › effort › TC08 › effort",
      "lo-trinh.json › effort › TC08 › funding",
    ]);
    expect(() => roadmapSettingsFromDocument(file, "lo-trinh.json")).toThrow(/A number is needed/);
  });
});

function embeddedEffortOf(id: string) {
  return roadmapSettingsFromDocument({ effort: { criteria: {} } }).effort?.criteria[id];
}

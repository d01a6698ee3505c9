import ExcelJS from "exceljs";
import { chartPictures, Rasterizer } from "../documents/chart-picture";
import { XlsxWorkbook } from "../documents/xlsx-workbook";
import { InputError, Problem, problem } from "../rules/message";
import { reportFileName } from "../rules/report/build-report";
import { SETTING_KEYS, SHEET_NAMES, SheetData, SheetOutput, sheetOfFile } from "../rules/workbook";
import { HostFeatures, PaneHost } from "../taskpane/actions";
import { WorkbookSnapshot } from "../xlsx/read-workbook";

/** A file the user picked, read. Names are distinct (the page tells two files of one name apart). */
export interface PickedFile {
  name: string;
  snapshot: WorkbookSnapshot;
}

/** The web page: files it may not change, and a report to download instead of sheets written into them. */
export const PAGE_FEATURES: HostFeatures = {
  highlights: false,
  selectAreas: false,
  activeSheet: false,
  savesMapping: false,
  writesCriteriaSheet: false,
  downloadReport: true,
};

const OWN_PREFIX = "NTM - ";

/**
 * The pane's workbook on the web page: every sheet of every picked file, named as Excel names a sheet of another
 * workbook ("[huyen.xlsx]Tổng hợp KDC"), so several files are one roll-up as in `ntm analyse a.xlsx b.xlsx`. The
 * files are read-only; the add-in's sheets go to a report held in memory, which the user downloads as the same
 * .xlsx the command line writes. Settings last as long as the page.
 *
 * The add-in's own sheets found in a file ("NTM - Lộ trình" of last year's report, a corrected "NTM - Bộ tiêu
 * chí") are this workbook's own, under their own names, when one file alone has them: the roadmap's names and the
 * yearly review read last year's roadmap, "Nạp lại bộ tiêu chí" reads the corrected criteria. A file's sheet is
 * read in preference to the report's of the same name: the report is what the page wrote, the file what the user
 * brought.
 */
export class FilesWorkbook implements PaneHost {
  readonly features = PAGE_FEATURES;
  private readonly sheets = new Map<string, SheetData>();
  /** The add-in's sheets of the files, by their own name, where one file alone has that name. */
  private readonly ownSheets = new Map<string, SheetData>();
  /** Own sheet names more than one file has: none of them is read. */
  readonly ambiguousOwnSheets: Array<{ sheet: string; files: string[] }> = [];
  private readonly report = new Map<string, SheetOutput>();
  private readonly settings = new Map<string, string>();
  private readonly active?: string;

  constructor(private readonly files: PickedFile[]) {
    if (new Set(files.map((f) => f.name)).size !== files.length)
      throw new Error("Picked files must have distinct names");
    const own = new Map<string, Array<{ file: string; data: SheetData }>>();
    for (const file of files) {
      for (const data of file.snapshot.sheets) {
        const name = sheetOfFile(file.name, data.name);
        this.sheets.set(name, { ...data, name });
        if (data.name.startsWith(OWN_PREFIX))
          own.set(data.name, [...(own.get(data.name) ?? []), { file: file.name, data }]);
      }
    }
    for (const [sheet, found] of own) {
      if (found.length === 1) this.ownSheets.set(sheet, found[0].data);
      else this.ambiguousOwnSheets.push({ sheet, files: found.map((f) => f.file) });
    }
    if (this.ownSheets.size > 0)
      this.settings.set(SETTING_KEYS.ownedSheets, JSON.stringify([...this.ownSheets.keys()]));
    const first = files[0];
    const activeSheet = first?.snapshot.active ?? first?.snapshot.names[0];
    if (first && activeSheet !== undefined) this.active = sheetOfFile(first.name, activeSheet);
  }

  async sheetNames(): Promise<string[]> {
    const own = [...this.ownSheets.keys(), ...[...this.report.keys()].filter((n) => !this.ownSheets.has(n))];
    return [...this.sheets.keys(), ...own];
  }

  async activeSheetName(): Promise<string | undefined> {
    return this.active;
  }

  async readSheet(name: string): Promise<SheetData> {
    const data = this.sheets.get(name) ?? this.ownSheets.get(name);
    if (data) return data;
    const written = this.report.get(name);
    if (written) return { name, values: written.rows };
    throw new Error(`No sheet ${name}`);
  }

  /**
   * Into the report. A batch holding the per-area sheet is a new analysis and starts the report afresh, so that a
   * sheet of an earlier one (the province roll-up of files since left out) does not linger in it.
   */
  async writeSheets(sheets: SheetOutput[]): Promise<void> {
    for (const s of sheets) {
      if (this.sheets.has(s.name)) throw new Error(`Refusing to write over the picked file's sheet ${s.name}`);
    }
    if (sheets.some((s) => s.name === SHEET_NAMES.areas)) this.report.clear();
    for (const s of sheets) this.report.set(s.name, s);
  }

  /** The page changes no file: there is nothing to highlight (the pane does not offer it). */
  async setHighlights(): Promise<Problem[]> {
    return [];
  }

  async clearHighlights(): Promise<number> {
    return 0;
  }

  async loadSetting(key: string): Promise<string | undefined> {
    return this.settings.get(key);
  }

  async saveSetting(key: string, value: string): Promise<void> {
    this.settings.set(key, value);
  }

  /** There is no sheet in view to select a line on (the pane does not offer it). */
  async selectLine(sheet: string, address: string): Promise<void> {
    throw new Error(`The web page shows no sheet (${sheet}!${address})`);
  }

  /**
   * The report's sheets, in the order written, as the .xlsx file the command line writes for the same files: the
   * same sheets through the same writer, print setup and chart pictures included.
   */
  async reportFile(rasterizer: Rasterizer): Promise<{ fileName: string; bytes: Uint8Array }> {
    if (this.report.size === 0) {
      throw new InputError([
        problem(
          "no-report",
          "",
          "Chưa có báo cáo: hãy phân tích trước (thẻ “Kết quả”).",
          "No report yet: analyse first (the “Results” tab)."
        ),
      ]);
    }
    const sheets = [...this.report.values()];
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "ntm";
    await new XlsxWorkbook(workbook, { pictures: await chartPictures(sheets, rasterizer) }).writeSheets(sheets);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    return { fileName: reportFileName(this.files.map((f) => f.name)), bytes };
  }
}

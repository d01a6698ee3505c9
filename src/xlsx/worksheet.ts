import { CellValue, cellAddress } from "../rules/reading/cell";
import { SheetData } from "../rules/workbook";
import { parseCellReference } from "./cell-reference";
import { unescapeText } from "./escaped-text";
import { EXCEL_COLUMNS, EXCEL_ROWS, LimitUse, XlsxLimits } from "./limits";
import { MergeList } from "./merges";
import { corrupt, count, tooLarge } from "./read-error";
import { isoDateToSerial } from "./serial-date";
import { readXmlPart, XmlReader } from "./xml-part";
import { ZipArchive } from "./zip";

/** What every sheet of a workbook shares. */
export interface SheetContext {
  /** The shared-string table; undefined when the workbook has none. */
  sharedStrings: string[] | undefined;
  /** Number format of each cell style; undefined when the workbook has no styles part. */
  styles: Array<string | undefined> | undefined;
  date1904: boolean;
  limits: XlsxLimits;
  /** What the sheets read so far have taken of the workbook-wide limits. */
  used: LimitUse;
}

/** The cells of one row met so far, by column; `filled` once one of them holds a value. */
interface RowCells {
  values: CellValue[];
  formats: string[];
  filled: boolean;
  /** Columns kept (a value or a format). */
  kept: number;
}

const GENERAL = "General";
/**
 * Whether a text Number() took as finite is a decimal as XML Schema writes one ("85.5", "-1E-3"), not
 * one of JavaScript's other forms ("0x1F", "0b1", "0o7").
 */
function isDecimal(t: string): boolean {
  if (t.length < 2 || t.charCodeAt(0) !== 48) return true;
  const c = t.charCodeAt(1) | 32;
  return c !== 120 && c !== 98 && c !== 111; // x, b, o
}
const isTrue = (v: string | undefined): boolean => v === "1" || v === "true";

/**
 * One worksheet as Office.js `Range.values` and `numberFormat` give it over the used range from A1:
 * each cell's value as Excel saved it (a formula's cached result, whatever it is; an error as its text;
 * a date as its serial number, with its date format), "" where there is nothing, the format code of
 * every cell. A formula with no saved result reads as "" and is listed in `formulasWithoutResult`.
 */
export function readWorksheet(zip: ZipArchive, part: string, name: string, context: SheetContext): SheetData {
  const reader = new WorksheetReader(name, context);
  readXmlPart(zip, part, reader);
  return reader.sheet();
}

class WorksheetReader implements XmlReader {
  private readonly rows: Array<RowCells | undefined> = [];
  private readonly rowFormats: Array<string | undefined> = [];
  private readonly columnFormats: Array<{ min: number; max: number; format: string }> = [];
  private lastColumnStyled = -1;
  private readonly hidden: number[] = [];
  private readonly merges: MergeList;
  private readonly uncalculated: string[] = [];
  private protectedSheet = false;
  /** Cells kept in `rows` (values, and formats of blank cells in rows with values), within the table-cells cap. */
  private kept = 0;
  /** The extent of the cells holding values, and the cells that set it (for messages). */
  private bottom = -1;
  private right = -1;
  private bottomCell = "";
  private rightCell = "";

  private inSheetData = false;
  private row = -1;
  private rowCells: RowCells | undefined;
  private lastColumn = -1;

  // The cell being read.
  private inCell = false;
  private col = 0;
  private style: string | undefined;
  private type: string | undefined;
  private hasFormula = false;
  private hasValue = false;
  private hasInline = false;
  private inValue = false;
  private inInlineText = false;
  private phonetic = 0;
  private valueText = "";
  /** An inline string's text so far (decoded), and the raw text of its current `<t>`. */
  private inlineText = "";
  private runText = "";

  constructor(
    private readonly name: string,
    private readonly context: SheetContext
  ) {
    this.merges = new MergeList(name, context.limits, context.used);
  }

  open(element: string, attributes: Record<string, string>): void {
    if (this.inCell) {
      if (element === "v") {
        this.hasValue = this.inValue = true;
        this.valueText = "";
      } else if (element === "f") this.hasFormula = true;
      else if (element === "is") this.hasInline = true;
      else if (element === "rPh") this.phonetic++;
      else if (element === "t" && this.hasInline && this.phonetic === 0) {
        this.inInlineText = true;
        this.runText = "";
      }
      return;
    }
    if (this.inSheetData) {
      if (element === "c") this.openCell(attributes);
      else if (element === "row") this.openRow(attributes);
      return;
    }
    switch (element) {
      case "sheetData":
        this.inSheetData = true;
        break;
      case "mergeCell":
        this.merges.add(attributes.ref);
        break;
      case "sheetProtection":
        this.protectedSheet = isTrue(attributes.sheet);
        break;
      case "col": {
        // Excel writes column ranges in order, none overlapping: any other is passed over, so the
        // columns' formats cost at most one step per column.
        const min = Number(attributes.min) - 1;
        const max = Math.min(Number(attributes.max), EXCEL_COLUMNS) - 1;
        if (attributes.style === undefined || !(min > this.lastColumnStyled && max >= min)) break;
        this.columnFormats.push({ min, max, format: this.format(attributes.style) });
        this.lastColumnStyled = max;
        break;
      }
    }
  }

  close(element: string): void {
    if (this.inCell) {
      if (element === "v") this.inValue = false;
      else if (element === "t" && this.inInlineText) {
        // Escapes are decoded element by element, as Excel writes them.
        this.inlineText = this.checkedText(this.inlineText + unescapeText(this.runText));
        this.inInlineText = false;
      } else if (element === "rPh") this.phonetic--;
      else if (element === "c") this.closeCell();
      return;
    }
    if (element === "row" && this.inSheetData && this.rowCells && !this.rowCells.filled) {
      // A row without values is blank in the table: the formats of its cells are not kept.
      this.kept -= this.rowCells.kept;
      this.rows[this.row] = this.rowCells = undefined;
    } else if (element === "sheetData") this.inSheetData = false;
  }

  text(text: string): void {
    if (this.inValue) this.valueText = this.appendText(this.valueText, text);
    else if (this.inInlineText) this.runText = this.appendText(this.runText, text);
  }

  private openRow(attributes: Record<string, string>): void {
    const r = attributes.r === undefined ? this.row + 2 : Number(attributes.r);
    if (!Number.isInteger(r) || r < 1 || r > EXCEL_ROWS) {
      throw corrupt(
        this.name,
        `trang "${this.name}" có số dòng không hợp lệ (${attributes.r}).`,
        `sheet "${this.name}" has an invalid row number (${attributes.r}).`
      );
    }
    this.row = r - 1;
    this.rowCells = this.rows[this.row];
    this.lastColumn = -1;
    if (isTrue(attributes.hidden)) this.hidden.push(this.row);
    if (isTrue(attributes.customFormat) && attributes.s !== undefined)
      this.rowFormats[this.row] = this.format(attributes.s);
  }

  private openCell(attributes: Record<string, string>): void {
    const ref = attributes.r;
    if (ref === undefined) {
      this.col = this.lastColumn + 1;
    } else {
      const at = parseCellReference(ref);
      if (!at || at.row !== this.row) {
        throw corrupt(
          `${this.name}!${ref}`,
          `ô "${ref}" không hợp lệ hoặc nằm sai dòng.`,
          `the cell "${ref}" is invalid or in the wrong row.`
        );
      }
      this.col = at.col;
    }
    if (this.row < 0 || this.col >= EXCEL_COLUMNS) {
      throw corrupt(
        this.name,
        `trang "${this.name}" có ô nằm ngoài dòng hoặc ngoài cột XFD.`,
        `sheet "${this.name}" has a cell outside a row or beyond column XFD.`
      );
    }
    this.lastColumn = this.col;
    this.inCell = true;
    this.style = attributes.s;
    this.type = attributes.t;
    this.hasFormula = this.hasValue = this.hasInline = this.inValue = this.inInlineText = false;
    this.phonetic = 0;
    this.valueText = this.inlineText = this.runText = "";
  }

  private closeCell(): void {
    const blank = !this.hasValue && !this.hasFormula && !this.hasInline;
    // A blank cell matters only by a format other than General (else the row's or column's shows).
    const format = blank && (this.style === undefined || this.style === "0") ? GENERAL : this.format(this.style);
    let value = blank ? undefined : this.cellValue();
    this.inCell = false;
    if (value === undefined && this.hasFormula) {
      // Written by a program that does not calculate, and never saved by Excel: no result to read.
      value = "";
      this.uncalculated.push(this.address());
    }
    if (value === undefined && format === GENERAL) return;
    let cells = this.rowCells;
    if (!cells) cells = this.rows[this.row] = this.rowCells = { values: [], formats: [], filled: false, kept: 0 };
    if (cells.formats[this.col] === undefined) this.keep(cells);
    if (value === undefined) {
      cells.formats[this.col] = format;
      return;
    }
    if (cells.values[this.col] !== undefined) {
      throw corrupt(
        `${this.name}!${this.address()}`,
        `ô ${this.address()} có hai lần trong tệp.`,
        `the cell ${this.address()} appears twice in the file.`
      );
    }
    cells.values[this.col] = value;
    cells.formats[this.col] = format;
    cells.filled = true;
    if (this.row > this.bottom) ((this.bottom = this.row), (this.bottomCell = this.address()));
    if (this.col > this.right) ((this.right = this.col), (this.rightCell = this.address()));
  }

  /** One more cell kept: refused as soon as the cells kept pass the cap, long before the table is built. */
  private keep(cells: RowCells): void {
    cells.kept++;
    const { used, limits } = this.context;
    if (++this.kept + used.tableCells <= limits.tableCells) return;
    const max = count(limits.tableCells);
    throw tooLarge(
      `${this.name}!${this.address()}`,
      `Trang "${this.name}" có hơn ${max.vi} ô có giá trị hoặc định dạng ở các dòng có dữ liệu (tính cả các trang trước).`,
      `Sheet "${this.name}" has more than ${max.en} cells with values or formats in rows with data (with the sheets before it).`
    );
  }

  /** The value Excel saved in the cell; undefined when it saved none. */
  private cellValue(): CellValue | undefined {
    const text = this.valueText;
    switch (this.type) {
      case "s": {
        if (!this.hasValue || text.trim() === "") return undefined;
        const index = Number(text);
        const shared = this.context.sharedStrings?.[index];
        if (!Number.isInteger(index) || shared === undefined) {
          throw this.badValue(
            `trỏ tới chuỗi dùng chung số ${text} không có trong tệp`,
            `points to shared string ${text}, which the file does not have`
          );
        }
        return shared;
      }
      case "str":
        return this.hasValue ? this.checkedText(unescapeText(text)) : undefined;
      case "inlineStr":
        if (this.hasInline) return this.inlineText;
        return this.hasValue ? this.checkedText(unescapeText(text)) : undefined;
      case "b": {
        const t = text.trim();
        if (t === "") return undefined;
        if (t === "1" || t === "true") return true;
        if (t === "0" || t === "false") return false;
        throw this.badValue(`có giá trị đúng/sai "${t}" không hợp lệ`, `has an invalid boolean "${t}"`);
      }
      case "e":
        return text.trim() === "" ? undefined : text.trim();
      case "d": {
        if (text.trim() === "") return undefined;
        const serial = isoDateToSerial(text, this.context.date1904);
        if (serial === undefined)
          throw this.badValue(`có ngày "${text}" không hợp lệ`, `has an invalid date "${text}"`);
        return serial;
      }
      case undefined:
      case "n": {
        const t = text.trim();
        if (t === "") return undefined;
        const n = Number(t);
        if (!Number.isFinite(n) || !isDecimal(t)) {
          throw this.badValue(`có số "${t}" không hợp lệ`, `has an invalid number "${t}"`);
        }
        return n;
      }
      default:
        throw this.badValue(
          `có kiểu giá trị "${this.type}" không có trong Excel`,
          `has a value type "${this.type}" Excel does not have`
        );
    }
  }

  private address(): string {
    return cellAddress(this.row, this.col);
  }

  private badValue(vi: string, en: string) {
    const at = this.address();
    return corrupt(`${this.name}!${at}`, `ô ${at} ${vi}.`, `the cell ${at} ${en}.`);
  }

  /** Text of a value as it streams in, bounded (an escape is at most 7 characters for one). */
  private appendText(sofar: string, text: string): string {
    const out = sofar + text;
    if (out.length > 7 * this.context.limits.cellText) this.checkedText(out);
    return out;
  }

  private checkedText(text: string): string {
    if (text.length <= this.context.limits.cellText) return text;
    const at = this.address();
    const max = count(this.context.limits.cellText);
    throw tooLarge(
      `${this.name}!${at}`,
      `Ô ${at} có hơn ${max.vi} ký tự, giới hạn của một ô Excel.`,
      `The cell ${at} holds more than ${max.en} characters, the limit of an Excel cell.`
    );
  }

  /** The format code of a cell style (`s`); a style the file does not define refuses the file. */
  private format(style: string | undefined): string {
    if (style === undefined || style === "0") {
      return this.context.styles?.[0] ?? GENERAL;
    }
    const index = Number(style);
    const format = Number.isInteger(index) ? this.context.styles?.[index] : undefined;
    if (format === undefined) {
      const where = this.inCell ? `${this.name}!${this.address()}` : this.name;
      throw corrupt(
        where,
        `trang "${this.name}" dùng kiểu định dạng số ${style} mà tệp không định nghĩa.`,
        `sheet "${this.name}" uses cell style ${style}, which the file does not define.`
      );
    }
    return format;
  }

  /** The rectangle from A1 to the last value; rows with no value share one blank row. */
  sheet(): SheetData {
    this.merges.checkOverlaps();
    const height = this.bottom + 1;
    const width = this.right + 1;
    let filledRows = 0;
    for (let r = 0; r < height; r++) if (this.rows[r]?.filled) filledRows++;
    // Each row, blank or not, is one entry; a row with values is as wide as the used range.
    const cells = filledRows * width + height;
    const { used, limits } = this.context;
    if (used.tableCells + cells > limits.tableCells) {
      const n = count(cells);
      const max = count(limits.tableCells);
      const corner = cellAddress(this.bottom, this.right);
      const others =
        used.tableCells > 0 ? { vi: " cùng các trang trước", en: " with the sheets before it" } : { vi: "", en: "" };
      throw tooLarge(
        `${this.name}!${this.rightCell}`,
        `Vùng đã dùng của trang "${this.name}" là A1:${corner} (${n.vi} ô cho các dòng${others.vi}, giới hạn ${max.vi}); ô ${this.rightCell} và ${this.bottomCell} nằm xa bảng? Hãy xóa các ô thừa rồi lưu lại.`,
        `The used range of sheet "${this.name}" is A1:${corner} (${n.en} cells for its rows${others.en}, limit ${max.en}); are ${this.rightCell} and ${this.bottomCell} stray cells far from the table? Delete them and save again.`
      );
    }
    used.tableCells += cells;
    const columnDefaults = new Array<string>(width).fill(GENERAL);
    for (const { min, max, format } of this.columnFormats) {
      for (let c = min; c <= max && c < width; c++) columnDefaults[c] = format;
    }
    const blankRow = new Array<CellValue>(width).fill("");
    const values: CellValue[][] = new Array(height);
    const numberFormats: string[][] = new Array(height);
    for (let r = 0; r < height; r++) {
      const cells = this.rows[r];
      if (!cells?.filled) {
        values[r] = blankRow;
        numberFormats[r] = columnDefaults;
        continue;
      }
      const rowDefault = this.rowFormats[r];
      const v = cells.values;
      const f = cells.formats;
      const rowValues = new Array<CellValue>(width);
      const rowFormats = new Array<string>(width);
      for (let c = 0; c < width; c++) {
        const value = v[c];
        rowValues[c] = value === undefined ? "" : value;
        rowFormats[c] = f[c] ?? rowDefault ?? columnDefaults[c];
      }
      values[r] = rowValues;
      numberFormats[r] = rowFormats;
    }
    // Excel shows a merged block's value in its top-left cell only.
    for (const m of this.merges.merges) {
      for (let r = m.top; r <= m.bottom && r < height; r++) {
        const row = values[r];
        if (row === blankRow) continue;
        for (let c = r === m.top ? m.left + 1 : m.left; c <= m.right && c < width; c++) row[c] = "";
      }
    }
    const hiddenRows = [...new Set(this.hidden)].filter((r) => r < height).sort((a, b) => a - b);
    const data: SheetData = {
      name: this.name,
      values,
      numberFormats,
      merges: this.merges.merges,
      hiddenRows,
      protected: this.protectedSheet,
    };
    if (this.uncalculated.length > 0) data.formulasWithoutResult = this.uncalculated;
    return data;
  }
}

import { CellValue, cellAddress, isExcelError, MergedRange } from "../../src/rules/reading/cell";
import { isDateFormat } from "../../src/rules/reading/number-format";
import { entries, FixtureBook, workbookParts, xmlText, zip } from "./xlsx-files";

/**
 * A sheet of known values written by hand in each of the forms a cell takes in real files, so a test
 * can check that every form reads as the value Excel saved. The forms:
 * - typed: a number, a shared string, t="b", t="e";
 * - inline: an inline string (t="inlineStr"), and for text a rich one with a phonetic guide;
 * - escaped: text with an OOXML escape (_x0110_ for "Đ", underscores protected as _x005F_);
 * - cdata: the value inside a CDATA section;
 * - formula: a formula with its cached result (t="str", t="b", t="e" or a number);
 * - shared: a shared formula (the first of a column is the master, later ones its children);
 * - array: a one-cell array formula with its result;
 * - date: a number under a date format written as t="d" ISO text.
 */
export const FORMS = ["typed", "inline", "escaped", "cdata", "formula", "shared", "array", "date"] as const;
/** "uncalculated": a formula with no saved result, whatever the value (it reads as blank and is listed). */
export type Form = (typeof FORMS)[number] | "uncalculated";

export interface CellSpec {
  value: CellValue;
  format?: string;
  form?: Form;
}

export interface SheetSpec {
  name: string;
  cells: CellSpec[][];
  merges?: MergedRange[];
  hiddenRows?: number[];
}

// eslint-disable-next-line no-control-regex -- control characters are what is escaped
const NOT_XML = /[\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]/g;

/** Excel's escape for what XML cannot carry or would change (controls, CR), and for a literal "_xHHHH_". */
function escapeText(text: string, escapeFirst = false): string {
  let out = text.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_");
  out = out.replace(NOT_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  // The first character escaped, when it is one UTF-16 unit (an escape cannot hold half a pair).
  if (escapeFirst && out.length > 0 && !out.startsWith("_x") && !/^[\uD800-\uDFFF]/.test(out)) {
    out = `_x${out.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_${out.slice(1)}`;
  }
  return xmlText(out);
}

/** An error text, as a plain test (the core's guard would narrow a string to never when negated). */
const isError = (v: unknown): boolean => isExcelError(v as CellValue);

/** A serial number as the ISO text of a t="d" cell (whole seconds). */
function serialToIso(serial: number, date1904: boolean): string {
  const days = date1904 ? serial + 1462 : serial < 61 ? serial + 1 : serial;
  return new Date(Math.round((days - 25569) * 86_400) * 1000).toISOString().replace(/\.000Z$/, "");
}

const cdata = (text: string) => `<![CDATA[${text}]]>`;
/** Text a CDATA section carries as is: no end marker, nothing Excel would escape, no underscore escapes. */
// eslint-disable-next-line no-control-regex -- control characters are what is excluded
const cdataSafe = (text: string) => !text.includes("]]>") && !/[\u0000-\u001F_\uFFFE\uFFFF]/.test(text);

/** The result parts of a formula cell: its type attribute and <v>. */
function cached(value: Exclude<CellValue, null | undefined>): { t: string; v: string } {
  if (typeof value === "boolean") return { t: ' t="b"', v: value ? "1" : "0" };
  if (typeof value === "number") return { t: "", v: String(value) };
  if (isExcelError(value)) return { t: ' t="e"', v: value };
  return { t: ' t="str"', v: escapeText(value) };
}

class SheetWriter {
  readonly shared: string[] = [];
  private readonly sharedIndex = new Map<string, number>();
  /** Per column, the shared formula's si and whether its master is written. */
  private readonly sharedFormulas = new Map<number, number>();

  constructor(
    private readonly styleOf: (format: string | undefined) => number,
    private readonly date1904: boolean
  ) {}

  private sharedString(text: string): number {
    let k = this.sharedIndex.get(text);
    if (k === undefined) {
      k = this.shared.length;
      this.shared.push(text);
      this.sharedIndex.set(text, k);
    }
    return k;
  }

  cell(row: number, col: number, spec: CellSpec, lastRow: number): string {
    const ref = cellAddress(row, col);
    const style = this.styleOf(spec.format);
    const s = style ? ` s="${style}"` : "";
    const v = spec.value;
    if (v === null || v === undefined) return style ? `<c r="${ref}"${s}/>` : "";
    if (spec.form === "uncalculated") return `<c r="${ref}"${s}><f>SUM(A1:A2)</f></c>`;
    if (v === "") {
      // An empty text: a formula's result, an empty inline string, or an empty shared string.
      if (spec.form === "formula" || spec.form === "shared" || spec.form === "array") {
        return `<c r="${ref}"${s} t="str"><f>""</f><v></v></c>`;
      }
      if (spec.form === "inline") return `<c r="${ref}"${s} t="inlineStr"><is><t></t></is></c>`;
      return `<c r="${ref}"${s} t="s"><v>${this.sharedString("")}</v></c>`;
    }
    switch (spec.form ?? "typed") {
      case "inline":
        if (typeof v === "string" && !isError(v)) {
          const first = Array.from(v)[0];
          return `<c r="${ref}"${s} t="inlineStr"><is><r><t>${escapeText(first)}</t></r><r><rPr><b/></rPr><t xml:space="preserve">${escapeText(v.slice(first.length))}</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></is></c>`;
        }
        break;
      case "escaped":
        if (typeof v === "string" && !isExcelError(v))
          return `<c r="${ref}"${s} t="inlineStr"><is><t>${escapeText(v, true)}</t></is></c>`;
        break;
      case "cdata":
        if (typeof v === "number") return `<c r="${ref}"${s}><v>${cdata(String(v))}</v></c>`;
        if (typeof v === "string" && !isError(v) && cdataSafe(v)) {
          return `<c r="${ref}"${s} t="inlineStr"><is><t>${cdata(v)}</t></is></c>`;
        }
        break;
      case "formula": {
        const { t, v: text } = cached(v);
        return `<c r="${ref}"${s}${t}><f>IF(TRUE,${xmlText(JSON.stringify(String(v)))})</f><v>${text}</v></c>`;
      }
      case "shared": {
        const { t, v: text } = cached(v);
        const si = this.sharedFormulas.get(col);
        if (si === undefined) {
          const next = this.sharedFormulas.size;
          this.sharedFormulas.set(col, next);
          return `<c r="${ref}"${s}${t}><f t="shared" ref="${ref}:${cellAddress(lastRow, col)}" si="${next}">N(${ref})</f><v>${text}</v></c>`;
        }
        return `<c r="${ref}"${s}${t}><f t="shared" si="${si}"/><v>${text}</v></c>`;
      }
      case "array": {
        const { t, v: text } = cached(v);
        return `<c r="${ref}"${s}${t}><f t="array" ref="${ref}">{1}</f><v>${text}</v></c>`;
      }
      case "date":
        if (typeof v === "number" && spec.format && isDateFormat(spec.format) && v >= 1) {
          return `<c r="${ref}"${s} t="d"><v>${serialToIso(v, this.date1904)}</v></c>`;
        }
        break;
      case "typed":
        break;
    }
    if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
    if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
    if (isExcelError(v)) return `<c r="${ref}"${s} t="e"><v>${v}</v></c>`;
    return `<c r="${ref}"${s} t="s"><v>${this.sharedString(v)}</v></c>`;
  }
}

/** Number formats to cell styles: built-in ids where Excel has one, custom ids from 164. */
const BUILT_IN: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "0%": 9, "0.00%": 10 };

/**
 * An .xlsx of these sheets written by hand, every cell in its form. `date1904` makes a 1904 workbook
 * (serial numbers are the same; t="d" text differs).
 */
export function handWrittenWorkbook(sheets: SheetSpec[], options: { date1904?: boolean } = {}): Buffer {
  const formats: string[] = [];
  const custom: string[] = [];
  const styleOf = (format: string | undefined): number => {
    if (format === undefined || format === "General") return 0;
    let k = formats.indexOf(format);
    if (k < 0) {
      formats.push(format);
      k = formats.length - 1;
      if (BUILT_IN[format] === undefined) custom.push(format);
    }
    return k + 1;
  };
  const writer = new SheetWriter(styleOf, options.date1904 === true);
  const book: FixtureBook = {
    sheets: sheets.map((sheet) => {
      const lastRow = sheet.cells.length - 1;
      const hidden = new Set(sheet.hiddenRows ?? []);
      const rows = sheet.cells.map((row, r) => {
        const cells = row.map((spec, c) => writer.cell(r, c, spec, lastRow)).join("");
        if (!cells && !hidden.has(r)) return "";
        return `<row r="${r + 1}"${hidden.has(r) ? ' hidden="1"' : ""}>${cells}</row>`;
      });
      const merges = sheet.merges ?? [];
      return {
        name: xmlText(sheet.name),
        data: rows.join(""),
        tail: merges.length
          ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}"/>`).join("")}</mergeCells>`
          : "",
      };
    }),
    before: options.date1904 ? '<workbookPr date1904="1"/>' : undefined,
  };
  const numFmts = custom
    .map((f) => `<numFmt numFmtId="${164 + custom.indexOf(f)}" formatCode="${xmlText(f)}"/>`)
    .join("");
  const xfs = formats
    .map((f) => `<xf numFmtId="${BUILT_IN[f] ?? 164 + custom.indexOf(f)}" applyNumberFormat="1"/>`)
    .join("");
  book.styles = `${numFmts ? `<numFmts count="${custom.length}">${numFmts}</numFmts>` : ""}<cellXfs count="${formats.length + 1}"><xf numFmtId="0"/>${xfs}</cellXfs>`;
  book.shared = writer.shared.map((t) => `<si><t xml:space="preserve">${escapeText(t)}</t></si>`).join("");
  // The shared strings are complete only once every sheet is written: the parts are made last.
  return zip(entries(workbookParts(book)));
}

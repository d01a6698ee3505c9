import { readXmlPart } from "./xml-part";
import { ZipArchive } from "./zip";

/**
 * Built-in number formats by id, as Excel (en-US, the form Office.js `numberFormat` gives) shows them.
 * Ids 27–36 and 50–58 are East Asian dates whose code depends on the locale: a date either way.
 */
const BUILT_IN = new Map<number, string>([
  [0, "General"],
  [1, "0"],
  [2, "0.00"],
  [3, "#,##0"],
  [4, "#,##0.00"],
  [5, '"$"#,##0_);\\("$"#,##0\\)'],
  [6, '"$"#,##0_);[Red]\\("$"#,##0\\)'],
  [7, '"$"#,##0.00_);\\("$"#,##0.00\\)'],
  [8, '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)'],
  [9, "0%"],
  [10, "0.00%"],
  [11, "0.00E+00"],
  [12, "# ?/?"],
  [13, "# ??/??"],
  [14, "m/d/yyyy"],
  [15, "d-mmm-yy"],
  [16, "d-mmm"],
  [17, "mmm-yy"],
  [18, "h:mm AM/PM"],
  [19, "h:mm:ss AM/PM"],
  [20, "h:mm"],
  [21, "h:mm:ss"],
  [22, "m/d/yyyy h:mm"],
  [37, "#,##0 ;(#,##0)"],
  [38, "#,##0 ;[Red](#,##0)"],
  [39, "#,##0.00;(#,##0.00)"],
  [40, "#,##0.00;[Red](#,##0.00)"],
  [41, '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)'],
  [42, '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)'],
  [43, '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)'],
  [44, '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)'],
  [45, "mm:ss"],
  [46, "[h]:mm:ss"],
  [47, "mmss.0"],
  [48, "##0.0E+0"],
  [49, "@"],
]);
const EAST_ASIAN_DATE = "yyyy/m/d";
/** Ids below this are Excel's own; custom formats are numbered from it. */
const FIRST_CUSTOM = 164;

function builtIn(id: number): string {
  if ((id >= 27 && id <= 36) || (id >= 50 && id <= 58)) return EAST_ASIAN_DATE;
  return BUILT_IN.get(id) ?? "General";
}

/**
 * The number format of each cell style (cellXfs index), as a format code. undefined marks a style whose
 * custom format the file does not define: a cell using it cannot be read with certainty.
 */
export function readStyles(zip: ZipArchive, part: string): Array<string | undefined> {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let section = "";
  readXmlPart(zip, part, {
    open(name, attributes) {
      if (name === "numFmts" || name === "cellXfs" || name === "cellStyleXfs" || name === "dxfs") section = name;
      else if (name === "numFmt" && section === "numFmts") {
        const id = Number(attributes.numFmtId);
        if (Number.isInteger(id) && attributes.formatCode !== undefined) custom.set(id, attributes.formatCode);
      } else if (name === "xf" && section === "cellXfs") ids.push(Number(attributes.numFmtId ?? "0"));
    },
    close(name) {
      if (name === section) section = "";
    },
    text() {},
  });
  return ids.map((id) => {
    if (!Number.isInteger(id) || id < 0) return undefined;
    return custom.get(id) ?? (id < FIRST_CUSTOM ? builtIn(id) : undefined);
  });
}

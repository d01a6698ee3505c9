import { CellValue } from "../../../src/rules/reading/cell";
import { transposedView } from "../../../src/rules/reading/orientation";
import { ExcelDouble, SheetSeed } from "./excel-double";
import { sampleDistrict } from "../sample-district";

/**
 * Bundled on its own by the end-to-end test and run in the page before the pane's bundles: outside Office,
 * office.js leaves `Excel` undefined, so this installs the Excel double holding a workbook. By default a
 * district workbook: the district sheet (with one conditional format of the user's), and a user's sheet
 * that carries the name of a result sheet. With `?workbook=shapes`: a cover sheet, a district table and
 * the same kind of table turned sideways (one area per column).
 */

export const E2E_AREAS = 36;

const blankAsExcel = (rows: CellValue[][]): unknown[][] => rows.map((r) => r.map((v) => v ?? ""));

function shapes(): SheetSeed[] {
  const usual = sampleDistrict({ areas: 14, seed: 4 });
  const turned = transposedView(sampleDistrict({ areas: 9, seed: 5, name: "Bảng ngang" }));
  return [
    { name: "Hướng dẫn", values: [["Sổ tổng hợp: mỗi trang một bảng. Số liệu giả lập."]] },
    { ...usual, values: blankAsExcel(usual.values) },
    { ...turned, values: blankAsExcel(turned.values) },
  ];
}

const district = sampleDistrict({ areas: E2E_AREAS, hideAreaRows: 1 });
const double = new ExcelDouble(
  new URLSearchParams(window.location.search).get("workbook") === "shapes"
    ? shapes()
    : [
        {
          ...district,
          conditionalFormats: [{ type: "Custom", ranges: "D9:D20", formula: "=D9>300", fill: "#C6EFCE" }],
        },
        { name: "NTM - Theo xã", values: [["Sổ theo dõi của tôi", "không được ghi đè"]] },
      ]
);

Object.assign(window, { Excel: { run: double.run }, __excelDouble: double });

import { ExcelDouble } from "./excel-double";
import { sampleDistrict } from "./sample-district";

/**
 * Bundled on its own by the end-to-end test and run in the page before the pane's bundles: outside Office,
 * office.js leaves `Excel` undefined, so this installs the Excel double holding a district workbook:
 * the district sheet (with one conditional format of the user's), and a user's sheet that carries the name
 * of a result sheet.
 */

export const E2E_AREAS = 36;

const district = sampleDistrict({ areas: E2E_AREAS, hideAreaRows: 1 });
const double = new ExcelDouble([
  {
    ...district,
    conditionalFormats: [{ type: "Custom", ranges: "D9:D20", formula: "=D9>300", fill: "#C6EFCE" }],
  },
  { name: "NTM - Theo xã", values: [["Sổ theo dõi của tôi", "không được ghi đè"]] },
]);

Object.assign(window, { Excel: { run: double.run }, __excelDouble: double });

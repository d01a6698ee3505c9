/** exceljs's streaming workbook writer on its own, without the library's readers (see analyse.ts). */
declare module "exceljs/lib/stream/xlsx/workbook-writer" {
  import type ExcelJS from "exceljs";
  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}

/**
 * The NTM.* custom functions called the way Excel calls them: ranges as 2-D arrays, null for an omitted
 * argument, numbers as numbers, text, booleans, "" for blank cells, error values; faults as #VALUE! with a message.
 */
import * as fn from "../src/functions/functions";
import {
  addinState,
  reloadSettings,
  resetAddinState,
  setMappings,
  setRuleset,
  stateFromSettings,
} from "../src/functions/addin-state";
import { readMappingSetting } from "../src/rules/reading/sheet-table";
import { rowHash } from "../src/functions/row-hash";
import { RowAssessments } from "../src/functions/row-assessments";
import { CellValue } from "../src/rules/reading/cell";
import * as columns from "../src/rules/reading/columns";
import { embeddedRuleset, rulesetFromDocument, rulesetToDocument } from "../src/rules/ruleset/ruleset-document";
import { Ruleset } from "../src/rules/ruleset/ruleset";
import { SETTING_KEYS } from "../src/rules/workbook";

/** The part of Excel's custom functions runtime the functions use. */
class ExcelError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}
const globals = globalThis as unknown as Record<string, unknown>;
globals.CustomFunctions = { Error: ExcelError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };

const ruleset = embeddedRuleset();

/** One row of values in the canonical order (22 indicators), every indicator exactly at its threshold. */
function passingRow(rs: Ruleset = ruleset): CellValue[] {
  return rs.indicators.map((i) => (typeof i.threshold === "boolean" ? "Có" : i.threshold));
}

/** The same row with some indicators replaced. */
function rowWith(changes: Record<string, CellValue>, rs: Ruleset = ruleset): CellValue[] {
  return rs.indicators.map((i, k) => (i.id in changes ? changes[i.id] : passingRow(rs)[k]));
}

/** A row as Excel passes a 1×n range. */
const range = (cells: CellValue[]): CellValue[][] => [cells];

/** Run a call that must fail the way Excel shows it: #VALUE! with a message. */
async function valueError(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
  } catch (e) {
    expect(e).toBeInstanceOf(ExcelError);
    expect((e as ExcelError).code).toBe("#VALUE!");
    return (e as ExcelError).message ?? "";
  }
  throw new Error("expected #VALUE!");
}

const failing = rowWith({ "TC02.1": 50, "TC07.1": 20 });

beforeEach(() => {
  resetAddinState();
  delete globals.Office;
  delete globals.Excel;
});

describe("a row in the canonical column order (no headers, no saved mapping)", () => {
  test("a row at every threshold meets 13/13", async () => {
    expect(await fn.score(range(passingRow()), undefined)).toBe(13);
    expect(await fn.status(range(passingRow()))).toBe("Đạt chuẩn");
    expect(await fn.gaps(range(passingRow()))).toBe("");
    expect(await fn.gapList(range(passingRow()))).toEqual([[""]]);
  });

  test("omitted optional arguments arrive as null", async () => {
    expect(await fn.score(range(failing), null as unknown as undefined)).toBe(11);
    expect(await fn.gapList(range(failing), null as unknown as undefined, null as unknown as undefined)).toEqual([
      ["TC02 Thủy lợi", "TC07 Hộ nghèo"],
    ]);
    expect(await fn.threshold("TC01.1", null as unknown as undefined, null as unknown as undefined)).toBe(70);
  });

  test("criteria not met are counted, named and listed", async () => {
    expect(await fn.score(range(failing))).toBe(11);
    expect(await fn.status(range(failing))).toBe("Chưa đạt (11/13)");
    expect(await fn.gaps(range(failing))).toBe("TC02 Thủy lợi; TC07 Hộ nghèo");
    expect(await fn.gapList(range(failing), undefined, true)).toEqual([["TC02 Thủy lợi"], ["TC07 Hộ nghèo"]]);
  });

  test("MET takes an id, a number, a name or an indicator id", async () => {
    expect(await fn.met("TC07", range(failing))).toBe(false);
    expect(await fn.met(7, range(failing))).toBe(false);
    expect(await fn.met("tc 2", range(failing))).toBe(false);
    expect(await fn.met("Thủy lợi", range(failing))).toBe(false);
    expect(await fn.met("TC01", range(failing))).toBe(true);
    expect(await fn.met("Giao thông", range(failing))).toBe(true);
    expect(await fn.met("TC07.1", range(failing))).toBe(false);
    expect(await fn.met(7.1, range(failing))).toBe(false);
    expect(await fn.met("TC06.1", range(failing))).toBe(true);
  });

  test("text as staff type it: decimal commas, millions, yes/no words, TRUE", async () => {
    const typed = rowWith({
      "TC01.1": "85,5",
      "TC06.1": "36 triệu",
      "TC03.1": true,
      "TC04.1": "x",
      "TC05.1": "Không",
      "TC10.1": "85%",
    });
    expect(await fn.score(range(typed))).toBe(13);
  });

  test("a row given as a column (n×1) reads top to bottom", async () => {
    expect(await fn.score(passingRow().map((v) => [v]))).toBe(13);
  });

  test("criterion statuses: 13 cells of Đạt/Chưa đạt", async () => {
    const statuses: CellValue[] = ruleset.criteria.map((c) =>
      c.id === "TC09" ? "Chưa đạt" : c.id === "TC11" ? "x" : "Đạt"
    );
    expect(await fn.score(range(statuses))).toBe(12);
    expect(await fn.gaps(range(statuses))).toBe("TC09 Tổ chức sản xuất");
    expect(await fn.met("TC11", range(statuses))).toBe(true);
  });

  test("a row with no values at all says so", async () => {
    const blank = range(ruleset.indicators.map(() => ""));
    expect(await fn.score(blank)).toBe(0);
    expect(await fn.status(blank)).toBe("Chưa có số liệu");
    expect(await fn.gaps(blank)).toBe("Chưa có số liệu");
  });

  test("percent cells formatted as % arrive as fractions and are read as percentages", async () => {
    const fractions = ruleset.indicators.map((i) =>
      typeof i.threshold === "boolean" ? true : i.unit === "percent" ? i.threshold / 100 : i.threshold
    );
    expect(await fn.score(range(fractions))).toBe(13);
    const table = await fn.explain(range(fractions));
    const road = table.find((r) => r[0] === "TC01.1") as CellValue[];
    expect(road[2]).toBe(70);
    expect(road[6]).toBe("Hiểu 0,7 là 70% (ô định dạng %).");
  });

  test("a lone small percentage is not taken for a fraction", async () => {
    const row = ruleset.indicators.map((i) => (i.id === "TC07.1" ? 1 : ""));
    const table = await fn.explain(range(row));
    expect((table.find((r) => r[0] === "TC07.1") as CellValue[]).slice(2, 5)).toEqual([1, "≤ 12%", true]);
  });
});

describe("values that cannot be read", () => {
  test("Excel error values (as text or as error objects) count as missing, are never met, and EXPLAIN names them", async () => {
    const row = rowWith({
      "TC02.1": "#N/A",
      "TC10.1": new ExcelError("#DIV/0!") as unknown as CellValue,
      "TC12.1": "không rõ",
    });
    expect(await fn.score(range(row))).toBe(10);
    expect(await fn.gaps(range(row))).toBe(
      "TC02 Thủy lợi (thiếu số liệu); TC10 Y tế (thiếu số liệu); TC12 Môi trường (thiếu số liệu)"
    );
    expect(await fn.met("TC02", range(row))).toBe(false);
    const table = await fn.explain(range(row));
    const byId = (id: string) => table.find((r) => r[0] === id) as CellValue[];
    expect(byId("TC02.1").slice(2, 5)).toEqual(["#N/A", "≥ 80%", false]);
    expect(byId("TC02.1")[6]).toContain("Không đọc được");
    expect(byId("TC02.1")[6]).toContain("#N/A");
    expect(byId("TC10.1")[2]).toBe("#DIV/0!");
    expect(byId("TC12.1")[6]).toContain("không rõ");
  });

  test("error and rich cell values as Excel's data types pass them", async () => {
    const row = rowWith({
      "TC02.1": { type: "Error", errorType: "Div0" } as unknown as CellValue,
      "TC08.1": { type: "Error", errorType: "NotAvailable", basicValue: "#N/A" } as unknown as CellValue,
      "TC10.1": { type: "FormattedNumber", basicValue: 85, numberFormat: "0" } as unknown as CellValue,
      "TC11.1": { type: "Entity", text: "Đạt", properties: {} } as unknown as CellValue,
    });
    const table = await fn.explain(range(row));
    const byId = (id: string) => table.find((r) => r[0] === id) as CellValue[];
    expect(byId("TC02.1").slice(2, 5)).toEqual(["#DIV/0!", "≥ 80%", false]);
    expect(byId("TC08.1").slice(2, 5)).toEqual(["#N/A", "≥ 90%", false]);
    expect(byId("TC10.1").slice(2, 5)).toEqual([85, "≥ 85%", true]);
    expect(byId("TC11.1").slice(2, 5)).toEqual(["Có", "= Có", true]);
    expect(await fn.score(range(row))).toBe(11);
  });

  test("a blank cell is missing data, not a crash", async () => {
    const row = rowWith({ "TC08.1": "" });
    expect(await fn.score(range(row))).toBe(12);
    const table = await fn.explain(range(row));
    expect((table.find((r) => r[0] === "TC08.1") as CellValue[]).slice(2)).toEqual([
      "",
      "≥ 90%",
      false,
      "",
      "Thiếu số liệu",
    ]);
  });
});

describe("EXPLAIN and CRITERIA tables", () => {
  test("EXPLAIN: one row per indicator with value, threshold, met, shortfall; the provisional note below", async () => {
    const table = await fn.explain(range(failing));
    expect(table[0]).toEqual(["Mã", "Chỉ tiêu", "Giá trị", "Ngưỡng", "Đạt", "Còn thiếu", "Ghi chú"]);
    expect(table.slice(1, 23).map((r) => r[0])).toEqual(ruleset.indicators.map((i) => i.id));
    expect(new Set(table.map((r) => r.length))).toEqual(new Set([7]));
    const water = table.find((r) => r[0] === "TC02.1") as CellValue[];
    expect(water).toEqual(["TC02.1", ruleset.indicators[3].nameVi, 50, "≥ 80%", false, 30, ""]);
    const poor = table.find((r) => r[0] === "TC07.1") as CellValue[];
    expect(poor.slice(2, 6)).toEqual([20, "≤ 12%", false, 8]);
    const income = table.find((r) => r[0] === "TC06.1") as CellValue[];
    expect(income.slice(2, 5)).toEqual([36000000, "≥ 36.000.000 đ/người/năm", true]);
    const last = table[table.length - 1];
    expect(last[0]).toBe("Lưu ý");
    expect(last[1]).toContain("Ngưỡng tạm tính");
  });

  test("EXPLAIN of declared statuses shows one row per criterion", async () => {
    const statuses: CellValue[] = ruleset.criteria.map((c) => (c.id === "TC05" ? "Chưa đạt" : "Đạt"));
    const table = await fn.explain(range(statuses));
    expect(table.slice(1, 14).map((r) => r[0])).toEqual(ruleset.criteria.map((c) => c.id));
    expect(table[5].slice(0, 5)).toEqual(["TC05", "Nhà ở dân cư", "Chưa đạt", "Đạt", false]);
  });

  test("CRITERIA: the ruleset as a table, verified column, provisional note and source", async () => {
    const table = await fn.criteria();
    expect(table[0]).toEqual([
      "Mã tiêu chí",
      "Tiêu chí",
      "Tiêu chí (tiếng Anh)",
      "Mã chỉ tiêu",
      "Chỉ tiêu",
      "Chỉ tiêu (tiếng Anh)",
      "Đơn vị",
      "Toán tử",
      "Ngưỡng",
      "Ngưỡng riêng (năm, nhóm)",
      "Đã xác minh",
      "Cách tính đạt",
    ]);
    expect(table.slice(1, 23).map((r) => r[3])).toEqual(ruleset.indicators.map((i) => i.id));
    expect(table[1]).toEqual([
      "TC01",
      "Giao thông",
      "Transport / roads",
      "TC01.1",
      ruleset.indicators[0].nameVi,
      ruleset.indicators[0].nameEn,
      "%",
      "≥",
      70,
      "",
      false,
      "Tất cả",
    ]);
    expect(table.find((r) => r[3] === "TC03.1")?.[8]).toBe("Có");
    const notes = table.slice(23);
    expect(notes.map((r) => r[0])).toEqual(["Lưu ý", "Nguồn"]);
    expect(notes[0][1]).toContain("Ngưỡng tạm tính");
    expect(notes[1][1]).toContain("2076/QĐ-UBND");
    expect(new Set(table.map((r) => r.length))).toEqual(new Set([12]));
  });
});

describe("THRESHOLD", () => {
  test("by indicator id, loose id, number, or a one-indicator criterion", async () => {
    expect(await fn.threshold("TC01.1")).toBe(70);
    expect(await fn.threshold("tc1.1")).toBe(70);
    expect(await fn.threshold(7.1)).toBe(12);
    expect(await fn.threshold("TC06")).toBe(36000000);
    expect(await fn.threshold("TC03.1")).toBe(true);
    expect(await fn.threshold("Tỷ lệ người dân tham gia bảo hiểm y tế")).toBe(85);
  });

  test("year and group select the variant in force", async () => {
    const doc = rulesetToDocument(ruleset) as { criteria: Array<{ indicators: Array<Record<string, unknown>> }> };
    const income = doc.criteria[5].indicators[0];
    income.thresholds = [
      { value: 39000000, from_year: 2019 },
      { value: 30000000, group: "Xã ĐBKK" },
      { value: 33000000, group: "Nhóm 2", from_year: 2020 },
    ];
    setRuleset(rulesetFromDocument(doc));
    expect(await fn.threshold("TC06.1", 2018)).toBe(36000000);
    expect(await fn.threshold("TC06.1", 2020)).toBe(39000000);
    expect(await fn.threshold("TC06.1", 2020, "ĐBKK")).toBe(30000000);
    expect(await fn.threshold("TC06.1", null as unknown as undefined, "dbkk")).toBe(30000000);
    expect(await fn.threshold("TC06.1", 2021, "nhóm 2")).toBe(33000000);
    expect(await fn.threshold("TC06.1", 2019, "Nhóm 2")).toBe(39000000);
    // A group the ruleset has no thresholds of its own for: the common ones.
    expect(await fn.threshold("TC06.1", 2021, "Nhóm 3")).toBe(39000000);
    const table = await fn.criteria();
    expect(table.find((r) => r[3] === "TC06.1")?.[9]).toBe(
      'từ 2019: 39.000.000 đ/người/năm; nhóm "Xã ĐBKK": 30.000.000 đ/người/năm; từ 2020, nhóm "Nhóm 2": 33.000.000 đ/người/năm'
    );
  });

  test("faults name what was typed", async () => {
    expect(await valueError(() => fn.threshold("TC99.1"))).toContain('"TC99.1"');
    expect(await valueError(() => fn.threshold("TC01"))).toContain("TC01.1, TC01.2, TC01.3");
    expect(await valueError(() => fn.threshold(""))).toContain("Thiếu mã chỉ tiêu");
    expect(await valueError(() => fn.threshold("TC01.1", "năm nay" as unknown as number))).toContain('"năm nay"');
  });
});

describe("headers: the table's own header rows", () => {
  const fixed = ["TT", "Tên thôn", "Xã"];
  const headers = [...fixed, ...ruleset.indicators.map((i) => i.nameVi)];
  const values = [1, "Khu Đồng Xuân", "Tiên Kiên", ...failing];

  test("one header row with names, extra name columns", async () => {
    expect(await fn.score(range(values), range(headers))).toBe(11);
    expect(await fn.gaps(range(values), range(headers))).toBe("TC02 Thủy lợi; TC07 Hộ nghèo");
  });

  test("two header rows: criterion over its indicators, ids below", async () => {
    const upper: CellValue[] = ["TT", "Khu dân cư", "Xã"];
    const lower: CellValue[] = ["", "", ""];
    for (const c of ruleset.criteria) {
      c.indicators.forEach((i, k) => {
        upper.push(k === 0 ? `${Number(c.id.slice(2))}. ${c.nameVi}` : "");
        lower.push(i.id);
      });
    }
    expect(await fn.score(range(values), [upper, lower])).toBe(11);
  });

  test("a sideways table: a column of values with its column (or columns) of headers", async () => {
    // =NTM.SCORE(D5:D26; B5:B26): one area's column, the indicators' names down column B.
    const column = (cells: CellValue[]): CellValue[][] => cells.map((c) => [c]);
    expect(await fn.score(column(failing), column(ruleset.indicators.map((i) => i.nameVi)))).toBe(11);
    // Two header columns: the criterion (merged down, typed once) beside each indicator.
    const headers: CellValue[][] = [];
    for (const c of ruleset.criteria) c.indicators.forEach((i, k) => headers.push([k === 0 ? c.nameVi : "", i.nameVi]));
    expect(await fn.gaps(column(failing), headers)).toBe("TC02 Thủy lợi; TC07 Hộ nghèo");
  });

  test("headers passed anew with every call are recognised once", async () => {
    const rs = rulesetFromDocument(rulesetToDocument(ruleset));
    setRuleset(rs);
    const recognise = jest.spyOn(columns, "recognizeHeaders");
    try {
      const scores = await Promise.all(
        Array.from({ length: 40 }, (_, k) => fn.score(range([k, ...values.slice(1)]), range([...headers])))
      );
      expect(new Set(scores)).toEqual(new Set([11]));
      expect(recognise).toHaveBeenCalledTimes(1);
      expect(addinState().rows.size).toBe(40);
    } finally {
      recognise.mockRestore();
    }
  });

  test("columns in another order are read by their headers", async () => {
    const order = ruleset.indicators.map((_, k) => k).reverse();
    const h = order.map((k) => ruleset.indicators[k].id);
    const v = order.map((k) => failing[k]);
    expect(await fn.gaps(range(v), range(h))).toBe("TC02 Thủy lợi; TC07 Hộ nghèo");
  });

  test("criterion status headers", async () => {
    const h = ruleset.criteria.map((c) => `${c.id} ${c.nameVi}`);
    const v = ruleset.criteria.map((c) => (c.id === "TC13" ? "Chưa đạt" : "Đạt"));
    expect(await fn.status(range(v), range(h))).toBe("Chưa đạt (12/13)");
  });

  test("a header that cannot be mapped is named", async () => {
    const message = await valueError(() => fn.score(range([...values, 5]), range([...headers, "Cột gì đó lạ"])));
    expect(message).toContain('"Cột gì đó lạ"');
    expect(message).toContain("26");
  });

  test("a row shorter than its headers names the missing columns", async () => {
    const message = await valueError(() => fn.score(range(values.slice(0, 23)), range(headers)));
    expect(message).toContain("ít hơn 25 cột");
    expect(message).toContain(`24 "${ruleset.indicators[20].nameVi.slice(0, 39)}…"`);
  });

  test("a row longer than its headers is refused", async () => {
    expect(await valueError(() => fn.score(range([...values, 1]), range(headers)))).toContain("nhiều hơn 25 cột");
  });

  test("blank headers are refused", async () => {
    expect(await valueError(() => fn.score(range(values), range(values.map(() => ""))))).toContain(
      "Vùng tiêu đề để trống"
    );
  });

  test("headers with no indicator or criterion column", async () => {
    expect(await valueError(() => fn.score(range([1, "A", "B"]), range(fixed)))).toContain(
      "không có cột chỉ tiêu hay tiêu chí"
    );
  });
});

describe("faults in the row or the arguments", () => {
  test("no headers and a row of neither 22 nor 13 cells", async () => {
    const message = await valueError(() => fn.score(range(passingRow().slice(0, 20))));
    expect(message).toContain("đúng 22 ô");
    expect(message).toContain("13 ô");
    expect(message).toContain("có 20 ô");
    expect(message).toContain(" / No headers range");
  });

  test("a block of several rows is refused", async () => {
    expect(await valueError(() => fn.score([passingRow(), passingRow()]))).toContain("2 hàng × 22 cột");
  });

  test("an unknown criterion is named", async () => {
    expect(await valueError(() => fn.met("TC99", range(failing)))).toContain('"TC99"');
    expect(await valueError(() => fn.met("Văn minh đô thị", range(failing)))).toContain('"Văn minh đô thị"');
    expect(await valueError(() => fn.met(null, range(failing)))).toContain("Thiếu mã tiêu chí");
  });
});

describe("the saved column mapping", () => {
  const mapping = {
    version: 1,
    sheet: "KDC",
    headerTop: 2,
    headerBottom: 2,
    dataStart: 3,
    columns: [
      { column: "B", role: { kind: "area" } },
      ...ruleset.indicators.map((i, k) => ({
        column: String.fromCharCode(68 + k),
        role: { kind: "indicator", indicatorId: i.id },
      })),
    ],
  };
  /** A sheet row from column A: A=TT, B=name, C=note, D… indicators. */
  const sheetRow = (cells: CellValue[]): CellValue[] => [1, "Khu 1", "ghi chú", ...cells];

  test("used when no headers are given: the row runs from column A", async () => {
    setMappings([mapping]);
    expect(await fn.score(range(sheetRow(failing)))).toBe(11);
    expect(await fn.score(range(sheetRow(failing)), null as unknown as undefined)).toBe(11);
  });

  test("headers still win over the saved mapping", async () => {
    setMappings([mapping]);
    expect(await fn.score(range(failing), range(ruleset.indicators.map((i) => i.id)))).toBe(11);
  });

  test("a row that does not reach the mapped columns says which column and how", async () => {
    setMappings([mapping]);
    const message = await valueError(() => fn.score(range(failing)));
    expect(message).toContain("đến cột Y");
    expect(message).toContain("A5:Y5");
  });

  test("mappings saved per table: a row takes the usual table's, an area's column the sideways table's", async () => {
    // A sideways table: rows 5… hold the indicators, each area a column read from row 1.
    const sideways = {
      ...mapping,
      sheet: "Ngang",
      orientation: "columns",
      columns: [
        { row: 3, role: { kind: "area" } },
        ...ruleset.indicators.map((i, k) => ({ row: 5 + k, role: { kind: "indicator", indicatorId: i.id } })),
      ],
    };
    setMappings([sideways, mapping]);
    expect(await fn.score(range(sheetRow(failing)))).toBe(11);
    const areaColumn = [null, null, "Khu 1", null, ...failing].map((c) => [c]);
    expect(await fn.score(areaColumn)).toBe(11);
    const short = await valueError(() => fn.score(areaColumn.slice(0, 10)));
    expect(short).toContain("từ dòng 1");
    expect(short).toContain("D1:D26");
  });

  test("a mapping saved with another ruleset is reported, not guessed", async () => {
    setMappings([{ ...mapping, columns: [{ column: "D", role: { kind: "indicator", indicatorId: "TC99.9" } }] }]);
    expect(await valueError(() => fn.score(range(sheetRow(failing))))).toContain("TC99.9");
  });
});

describe("the workbook's settings (Office.context.document.settings)", () => {
  function officeWith(settings: Record<string, unknown>): void {
    globals.Office = {
      onReady: () => Promise.resolve({ host: "Excel" }),
      context: { document: { settings: { get: (name: string) => settings[name] ?? null } } },
    };
  }

  test("a corrected ruleset and a mapping stored in the workbook are used on first call", async () => {
    const doc = rulesetToDocument(ruleset) as { criteria: Array<{ indicators: Array<Record<string, unknown>> }> };
    doc.criteria[1].indicators[0].threshold = 50;
    officeWith({ [SETTING_KEYS.ruleset]: JSON.stringify(doc) });
    expect(await fn.threshold("TC02.1")).toBe(50);
    expect(await fn.score(range(failing))).toBe(12);
  });

  test("a faulty stored ruleset falls back to the embedded one and says so where results are shown", async () => {
    officeWith({ [SETTING_KEYS.ruleset]: "{ not json" });
    expect(await fn.threshold("TC02.1")).toBe(80);
    const notes = (await fn.criteria()).filter((r) => r[0] === "Lưu ý").map((r) => r[1]);
    expect(notes.some((n) => String(n).includes("Bộ tiêu chí lưu trong sổ có lỗi"))).toBe(true);
    const explained = (await fn.explain(range(failing))).filter((r) => r[0] === "Lưu ý");
    expect(explained).toHaveLength(2);
  });

  test("an unreadable saved mapping is set aside and said beside results, in the words the pane uses", async () => {
    officeWith({ [SETTING_KEYS.mapping]: "{not json" });
    expect(await fn.score(range(failing))).toBe(11);
    expect(addinState().problems).toEqual([readMappingSetting("{not json").problem]);
    expect(addinState().mappings).toEqual([]);
    const notes = (await fn.criteria()).filter((r) => r[0] === "Lưu ý").map((r) => r[1]);
    expect(notes).toContain(readMappingSetting("{not json").problem?.message.vi);
    setMappings([]);
    expect(addinState().problems).toEqual([]);
  });

  test("a stored mapping is read as the pane reads it: a list, one older mapping, an object Office hands back", () => {
    const mapping = { version: 1, sheet: "KDC", headerTop: 0, headerBottom: 0, dataStart: 1, columns: [] };
    const from = (value: unknown) => stateFromSettings({ get: (n) => (n === SETTING_KEYS.mapping ? value : null) });
    for (const value of [JSON.stringify([mapping]), JSON.stringify(mapping), [mapping], mapping]) {
      expect(from(value)).toMatchObject({ mappings: [mapping], problems: [] });
    }
    expect(from("")).toMatchObject({ mappings: [], problems: [] });
  });

  test("reloadSettings picks up what the pane saved", async () => {
    const settings: Record<string, unknown> = {};
    officeWith(settings);
    expect(await fn.threshold("TC01.1")).toBe(70);
    const doc = rulesetToDocument(ruleset) as { criteria: Array<{ indicators: Array<Record<string, unknown>> }> };
    doc.criteria[0].indicators[0].threshold = 65;
    settings[SETTING_KEYS.ruleset] = JSON.stringify(doc);
    reloadSettings();
    expect(await fn.threshold("TC01.1")).toBe(65);
  });
});

describe("recalculation: many concurrent calls, one cache", () => {
  test("concurrent calls on distinct and repeated rows agree with one-at-a-time calls", async () => {
    const rows = Array.from({ length: 60 }, (_, k) =>
      rowWith({ "TC01.1": 60 + (k % 20), "TC07.1": k % 15, "TC06.1": 30000000 + k * 200000 })
    );
    const sequential: number[] = [];
    for (const r of rows) sequential.push(await fn.score(range(r)));
    const calls = Array.from({ length: 600 }, (_, k) => rows[(k * 7) % rows.length]);
    const concurrent = await Promise.all(calls.map((r) => fn.score(range(r))));
    expect(concurrent).toEqual(calls.map((r) => sequential[rows.indexOf(r)]));
    const mixed = await Promise.all(
      calls.slice(0, 100).map((r, k) => (k % 2 ? fn.status(range(r)) : fn.gaps(range(r))))
    );
    expect(mixed.every((x) => typeof x === "string")).toBe(true);
  });

  test("identical rows are assessed once, even while the first is still running", async () => {
    const rs = rulesetFromDocument(rulesetToDocument(ruleset));
    setRuleset(rs);
    await Promise.all(Array.from({ length: 50 }, () => fn.score(range(failing))));
    expect(addinState().rows.size).toBe(1);
  });

  test("a ruleset change asks Excel for a full recalculation and later calls use the new ruleset", async () => {
    const calculate = jest.fn();
    globals.Excel = {
      CalculationType: { full: "Full" },
      run: async (batch: (context: unknown) => Promise<void>) =>
        batch({ workbook: { application: { calculate } }, sync: () => Promise.resolve() }),
    };
    expect(await fn.score(range(failing))).toBe(11);
    const doc = rulesetToDocument(ruleset) as { criteria: Array<{ indicators: Array<Record<string, unknown>> }> };
    doc.criteria[6].indicators[0].threshold = 25;
    setRuleset(rulesetFromDocument(doc));
    expect(calculate).toHaveBeenCalledWith("Full");
    expect(await fn.score(range(failing))).toBe(12);
    setRuleset(undefined);
    expect(await fn.score(range(failing))).toBe(11);
    expect(calculate).toHaveBeenCalledTimes(2);
    setRuleset(undefined); // the same ruleset again: nothing to recalculate
    setMappings([]);
    expect(calculate).toHaveBeenCalledTimes(2);
  });

  test("rows are told apart by value and type, not by how they were passed", async () => {
    expect(rowHash([1, "a"], 0)).toBe(rowHash([1, "a"], 0));
    expect(rowHash([1], 0)).not.toBe(rowHash(["1"], 0));
    expect(rowHash([true], 0)).not.toBe(rowHash(["TRUE"], 0));
    expect(rowHash([null], 0)).toBe(rowHash([undefined], 0));
    expect(rowHash(["#N/A"], 0)).toBe(rowHash([new ExcelError("#N/A")], 0));
    expect(rowHash([1], 0)).not.toBe(rowHash([1], 1));
    const rs = rulesetFromDocument(rulesetToDocument(ruleset));
    setRuleset(rs);
    const asText = failing.map((v) => (typeof v === "number" ? String(v) : v));
    expect(await fn.score(range(failing))).toBe(11);
    expect(await fn.score(range(asText))).toBe(11);
    expect(await fn.score(range([...failing]))).toBe(11);
    expect(addinState().rows.size).toBe(2);
  });

  test("the remembered rows are bounded and keep what was used recently", async () => {
    const rows = new RowAssessments(ruleset, { remember: 4 });
    const row = (k: number) => range(rowWith({ "TC01.1": 60 + k }));
    const first = rows.assess(row(0), null, undefined);
    const second = rows.assess(row(1), null, undefined);
    for (let k = 2; k < 4; k++) await rows.assess(row(k), null, undefined);
    expect(rows.assess(row(0), null, undefined)).toBe(first); // used again: now the most recent
    await rows.assess(row(4), null, undefined);
    expect(rows.assess(row(0), null, undefined)).toBe(first);
    expect(rows.size).toBe(4);
    const secondAgain = rows.assess(row(1), null, undefined); // the least recently used was dropped
    expect(secondAgain).not.toBe(second);
    for (let k = 5; k < 40; k++) {
      await rows.assess(row(k), null, undefined);
      expect(rows.size).toBeLessThanOrEqual(4);
    }
    expect(rows.assess(row(39), null, undefined)).toBe(rows.assess(row(39), null, undefined));
    const again = rows.assess(row(0), null, undefined);
    expect(again).not.toBe(first); // dropped long ago: assessed anew, to the same result
    expect((await again).assessment.metCount).toBe((await first).assessment.metCount);
  });
});

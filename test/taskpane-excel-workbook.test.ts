// office-addin-mock imports office-addin-manifest only for its OfficeApp enum; that package pulls in an
// ESM-only dependency (strip-bom) that jest's CommonJS loader cannot require, so the enum is given here.
jest.mock(
  require("path").join(
    require("path").dirname(require.resolve("office-addin-mock/package.json")),
    "node_modules/office-addin-manifest"
  ),
  () => ({
    OfficeApp: {
      Excel: "excel",
      OneNote: "onenote",
      Outlook: "outlook",
      PowerPoint: "powerpoint",
      Project: "project",
      Word: "word",
    },
  })
);

import { OfficeMockObject } from "office-addin-mock";
import { cellAddress } from "../src/rules/cell";
import { InputError } from "../src/rules/message";
import { Highlight, SheetOutput } from "../src/rules/workbook";
import { chunkAreas, hiddenRowsFrom, parseAreas, rebaseFormula, splitAreas } from "../src/taskpane/a1";
import { CELLS_PER_SYNC, ExcelWorkbook, HIGHLIGHT_MARKER, markedFormula } from "../src/taskpane/excel-workbook";
import { sampleDistrict } from "./support/sample-district";

/**
 * A small Excel object model on office-addin-mock: properties are only readable after load() and a sync,
 * every object the code asks for is recorded, and context.sync() is counted.
 */

type Grid = unknown[][];

interface MockSheet {
  name: string;
  values?: Grid;
  numberFormats?: string[][];
  merges?: string | null;
  visible?: string | null;
  protected?: boolean;
  conditionalFormats?: Array<{ id: string; type: string; formula: string }>;
  charts?: string[];
}

interface RangeRecord {
  sheet: string;
  rect: [number, number, number, number];
  node: OfficeMockObject;
}

const OFFICE_APP = "excel";

function mockExcel(sheets: MockSheet[], settings: Record<string, unknown> = {}, active = sheets[0]?.name) {
  const created: OfficeMockObject[] = [];
  const log = {
    syncs: 0,
    suspended: 0,
    ranges: [] as RangeRecord[],
    added: [] as Array<{
      sheet: string;
      address: string;
      type: string;
      node: { custom: { rule: { formula?: string }; format: { fill: { color?: string } } } };
    }>,
    deleted: [] as string[],
    newSheets: [] as string[],
    chartsAdded: [] as Array<{ sheet: string; type: string; source: RangeRecord; chart: Record<string, unknown> }>,
    chartsDeleted: [] as string[],
    cleared: [] as string[],
    unmerged: [] as string[],
    frozen: [] as Array<[string, number]>,
    settingsAdded: {} as Record<string, unknown>,
    activated: [] as string[],
    selected: [] as string[],
  };
  const mock = <T extends object>(data: T): OfficeMockObject & T => {
    const m = new OfficeMockObject(data as never, OFFICE_APP as never) as OfficeMockObject & T;
    created.push(m);
    return m;
  };
  const nullable = <T extends object>(m: T, isNull: boolean): T =>
    Object.defineProperty(m, "isNullObject", { value: isNull });
  /** office-addin-mock has no collections: "items/x" loads the items array and x on each mock item. */
  const collection = <T>(items: T[]) => {
    const m = mock({ items });
    (m as OfficeMockObject).load = function (this: OfficeMockObject, what: unknown) {
      const sub = String(what ?? "")
        .split(",")
        .map((k) => k.trim().replace(/^items\//, ""))
        .filter((k) => k !== "" && k !== "items");
      for (const item of items) if (item instanceof OfficeMockObject && sub.length > 0) item.load(sub.join(","));
      return OfficeMockObject.prototype.load.call(this, "items");
    };
    return m;
  };

  const sheetNode = (s: MockSheet) => {
    const width = Math.max(1, ...(s.values ?? [[]]).map((r) => r.length));
    const height = Math.max(1, (s.values ?? []).length);
    const readable = s.values !== undefined;
    const rangeNode = (top: number, left: number, rows: number, columns: number) => {
      const data: Record<string, unknown> = {
        format: { font: {}, fill: {} },
        getMergedAreasOrNullObject: () => nullable(mock({ address: s.merges ?? "" }), !s.merges),
        getSpecialCellsOrNullObject: () => nullable(mock({ address: s.visible ?? "" }), !s.visible),
        clear: () => log.cleared.push(s.name),
        select: () => log.selected.push(s.name),
      };
      if (readable) {
        data.values = (s.values ?? []).slice(top, top + rows).map((r) => r.slice(left, left + columns));
        data.numberFormat = (s.numberFormats ?? []).slice(top, top + rows).map((r) => r.slice(left, left + columns));
      }
      const node = mock(data);
      log.ranges.push({ sheet: s.name, rect: [top, left, rows, columns], node });
      return node;
    };
    const formats = (s.conditionalFormats ?? []).map((cf) => ({
      id: cf.id,
      type: cf.type,
      custom: { rule: mock({ formula: cf.formula }) },
      delete: () => log.deleted.push(cf.id),
    }));
    const charts = Object.assign(
      collection((s.charts ?? []).map((name) => ({ name, delete: () => log.chartsDeleted.push(name) }))),
      {
        add: (type: string, source: OfficeMockObject) => {
          const chart = {
            title: {},
            legend: {},
            setPosition: (a: string, b: string) => Object.assign(chart, { position: [a, b] }),
          };
          log.chartsAdded.push({
            sheet: s.name,
            type,
            source: log.ranges.find((r) => r.node === source) as RangeRecord,
            chart,
          });
          return chart;
        },
      }
    );
    const node = mock({
      name: s.name,
      protection: { protected: s.protected ?? false },
      freezePanes: {
        freezeRows: (n: number) => log.frozen.push([s.name, n]),
        unfreeze: () => log.frozen.push([s.name, 0]),
      },
      activate: () => log.activated.push(s.name),
      getUsedRange: () =>
        mock({
          rowIndex: 0,
          columnIndex: 0,
          rowCount: height,
          columnCount: width,
          unmerge: () => log.unmerged.push(s.name),
          clear: () => log.cleared.push(s.name),
        }),
      getRangeByIndexes: rangeNode,
      getRange: (address?: string) =>
        address === undefined
          ? { conditionalFormats: collection(formats) }
          : { select: () => log.selected.push(`${s.name}!${address}`) },
      getRanges: (address: string) => ({
        conditionalFormats: {
          add: (type: string) => {
            const cf = { custom: { rule: {}, format: { fill: {} } } };
            log.added.push({ sheet: s.name, address, type, node: cf });
            return cf;
          },
        },
      }),
    });
    // Mock objects cannot be nested in a mock's data: attach the chart collection afterwards.
    return Object.assign(node, { charts });
  };

  const nodes = new Map(sheets.map((s) => [s.name, sheetNode(s)]));
  const worksheets = Object.assign(collection(sheets.map((s) => nodes.get(s.name))), {
    getItem: (name: string) => {
      const n = nodes.get(name);
      if (!n) throw new Error(`ItemNotFound: ${name}`);
      return n;
    },
    getActiveWorksheet: () => nodes.get(active ?? ""),
    add: (name: string) => {
      log.newSheets.push(name);
      const n = sheetNode({ name });
      nodes.set(name, n);
      return n;
    },
  });
  const context = mock({
    workbook: {
      settings: {
        add: (key: string, value: unknown) => (log.settingsAdded[key] = value),
        getItemOrNullObject: (key: string) => nullable(mock({ value: settings[key] ?? "" }), !(key in settings)),
      },
    },
    application: { suspendApiCalculationUntilNextSync: () => log.suspended++ },
  });
  // Attached after construction: office-addin-mock would replace a populated child on every sync.
  Object.assign(context.workbook, { worksheets });
  context.sync = async () => {
    log.syncs++;
    for (const m of [...created]) await OfficeMockObject.prototype.sync.call(m);
    await new Promise((resolve) => setImmediate(resolve));
  };
  const run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) =>
    batch(context as unknown as Excel.RequestContext);
  return { workbook: new ExcelWorkbook(run), log };
}

/** The address Excel gives for a sheet's blocks: "'Tổng hợp KDC'!A1:E1, 'Tổng hợp KDC'!B2". */
const excelAddress = (sheet: string, rects: Array<{ top: number; left: number; bottom: number; right: number }>) =>
  rects
    .map((m) => {
      const a = cellAddress(m.top, m.left);
      const b = cellAddress(m.bottom, m.right);
      return `'${sheet}'!${a === b ? a : `${a}:${b}`}`;
    })
    .join(", ");

function district(areas: number, hide = 0): MockSheet & { expected: ReturnType<typeof sampleDistrict> } {
  const s = sampleDistrict({ areas, hideAreaRows: hide });
  const width = s.values[0].length;
  const rows = s.values.length;
  const hidden = new Set(s.hiddenRows);
  const visible: Array<{ top: number; left: number; bottom: number; right: number }> = [];
  for (let r = 0; r < rows; r++) {
    if (hidden.has(r)) continue;
    const last = visible[visible.length - 1];
    if (last && last.bottom === r - 1) last.bottom = r;
    else visible.push({ top: r, left: 0, bottom: r, right: width - 1 });
  }
  return {
    name: s.name,
    values: s.values,
    numberFormats: s.numberFormats,
    merges: excelAddress(s.name, s.merges ?? []),
    visible: excelAddress(s.name, visible),
    expected: s,
  };
}

describe("A1 addresses as Excel gives and takes them", () => {
  test("areas split on commas outside quoted sheet names; whole rows and columns; hidden rows from visible blocks", () => {
    expect(splitAreas("'Xã A, B'!A1:C2, 'Xã A, B'!D5")).toEqual(["A1:C2", "D5"]);
    expect(parseAreas("Sheet1!$B$3:$D$5,F7")).toEqual([
      { top: 2, left: 1, bottom: 4, right: 3 },
      { top: 6, left: 5, bottom: 6, right: 5 },
    ]);
    expect(parseAreas("3:5")[0]).toMatchObject({ top: 2, bottom: 4, left: 0 });
    expect(hiddenRowsFrom(parseAreas("A1:C3,A6:C8"), 9)).toEqual([3, 4, 8]);
  });

  test("a long multi-area range is cut into chunks, each formula moved to its chunk's top-left cell", () => {
    const range = Array.from({ length: 100 }, (_, k) => `F${10 + k * 3}:F${11 + k * 3}`).join(",");
    const chunks = chunkAreas(range);
    expect(chunks.map((c) => splitAreas(c.address).length)).toEqual([40, 40, 20]);
    expect(chunks[1].topLeft).toBe("F130");
    expect(chunks.flatMap((c) => splitAreas(c.address))).toEqual(splitAreas(range));
    // Long address lists are cut by length too, never past it.
    const short = chunkAreas(range, 40, 100);
    expect(short.every((c) => c.address.length <= 100)).toBe(true);
    expect(short.some((c) => c.address.length > 90)).toBe(true);
    expect(short.flatMap((c) => splitAreas(c.address))).toEqual(splitAreas(range));
    const f = '=OR(F10=FALSE,ISNUMBER(MATCH(TRIM(F10),{"F10","Chưa đạt"},0)),AF10>1)';
    expect(rebaseFormula(f, "F10", "F130")).toBe(
      '=OR(F130=FALSE,ISNUMBER(MATCH(TRIM(F130),{"F10","Chưa đạt"},0)),AF10>1)'
    );
  });
});

describe("ExcelWorkbook on office-addin-mock", () => {
  test("reads values, number formats, merged blocks, hidden rows and protection in two syncs", async () => {
    const sheet = district(10, 2);
    const { workbook, log } = mockExcel([sheet]);
    const data = await workbook.readSheet(sheet.name);
    expect(log.syncs).toBe(2);
    expect(data.values).toEqual(sheet.expected.values);
    expect(data.numberFormats).toEqual(sheet.expected.numberFormats);
    expect(data.merges).toEqual(sheet.expected.merges);
    expect(data.hiddenRows).toEqual(sheet.expected.hiddenRows);
    expect(data.hiddenRows).toHaveLength(2);
    expect(data.protected).toBe(false);
  });

  test("5,000 areas take the same two syncs; past 250,000 cells one more sync per block, nothing lost", async () => {
    const counts: number[] = [];
    for (const areas of [10, 5000]) {
      const sheet = district(areas);
      const { workbook, log } = mockExcel([sheet]);
      const data = await workbook.readSheet(sheet.name);
      expect(data.values).toHaveLength(sheet.expected.values.length);
      counts.push(log.syncs);
    }
    expect(counts).toEqual([2, 2]);
    const big = district(9000);
    expect(big.expected.values.length * 30).toBeGreaterThan(CELLS_PER_SYNC);
    const { workbook, log } = mockExcel([big]);
    const data = await workbook.readSheet(big.name);
    expect(log.syncs).toBe(3);
    expect(data.values).toEqual(big.expected.values);
  });

  test("an empty sheet reads as one blank cell, with no merges and every row visible", async () => {
    const { workbook } = mockExcel([
      { name: "Trống", values: [[""]], numberFormats: [["General"]], merges: null, visible: "Trống!A1" },
    ]);
    const data = await workbook.readSheet("Trống");
    expect(data).toMatchObject({ values: [[""]], merges: [], hiddenRows: [] });
  });

  test("sheet names, the active sheet and settings, one sync each", async () => {
    const { workbook, log } = mockExcel(
      [
        { name: "A", values: [[1]] },
        { name: "B", values: [[2]] },
      ],
      { "ntm.mapping": '{"sheet":"B"}' },
      "B"
    );
    expect(await workbook.sheetNames()).toEqual(["A", "B"]);
    expect(await workbook.activeSheetName()).toBe("B");
    expect(await workbook.loadSetting("ntm.mapping")).toBe('{"sheet":"B"}');
    expect(await workbook.loadSetting("ntm.nothing")).toBeUndefined();
    await workbook.saveSetting("ntm.ruleset", "{}");
    expect(log.settingsAdded).toEqual({ "ntm.ruleset": "{}" });
    expect(log.syncs).toBe(5);
  });

  function output(name: string, rows: number): SheetOutput {
    return {
      name,
      rows: [
        ["TIÊU ĐỀ"],
        ["⚠ NGƯỠNG TẠM TÍNH"],
        [],
        ["Số tiêu chí đạt", "Số khu"],
        ...Array.from({ length: rows }, (_, k) => [`${k % 14}/13`, k, "=không phải công thức", null]),
      ],
      headerRows: 4,
      tableHeaderRow: 3,
      warningRows: [1],
      columnWidths: [18, 16, 10],
      columnFormats: { 1: "0", 2: "@" },
      chart: {
        title: "Phân bố",
        headerRow: 3,
        firstRow: 4,
        lastRow: 3 + rows,
        categoryColumn: 0,
        valueColumns: [1],
        kind: "column",
      },
    };
  }

  test("writes each sheet as one array with formats per column and a chart, in the same syncs for 10 and 5,000 rows", async () => {
    const shapes: Array<{ syncs: number; ranges: number }> = [];
    for (const rows of [10, 5000]) {
      const { workbook, log } = mockExcel([{ name: "Dữ liệu", values: [[1]] }]);
      await workbook.writeSheets([output("NTM - Phân bố", rows), output("NTM - Theo xã", rows)]);
      expect(log.newSheets).toEqual(["NTM - Phân bố", "NTM - Theo xã"]);
      expect(log.suspended).toBe(1);
      const written = log.ranges.filter((r) => r.sheet === "NTM - Phân bố");
      const grid = written
        .map((r) => r.node.values as unknown[][])
        .find((v) => Array.isArray(v) && v.length === rows + 4) as unknown[][];
      expect(grid[4]).toEqual(["'0/13", 0, "'=không phải công thức", ""]);
      expect(grid.every((r) => r.length === 4)).toBe(true);
      const numberFormats = written.filter((r) => Array.isArray(r.node.numberFormat));
      expect(numberFormats.map((r) => r.rect)).toEqual([
        [4, 1, rows, 1],
        [4, 2, rows, 1],
      ]);
      expect(log.chartsAdded[0]).toMatchObject({
        sheet: "NTM - Phân bố",
        type: "ColumnClustered",
        source: { rect: [3, 0, rows + 1, 2] },
      });
      expect(log.chartsAdded[0].chart).toMatchObject({ title: { text: "Phân bố" }, legend: { visible: false } });
      expect(log.frozen).toContainEqual(["NTM - Phân bố", 4]);
      shapes.push({ syncs: log.syncs, ranges: log.ranges.length });
    }
    expect(shapes[0]).toEqual(shapes[1]);
    expect(shapes[0].syncs).toBe(2);
  });

  test("an owned sheet is cleared and refilled in place, its old chart removed", async () => {
    const { workbook, log } = mockExcel([
      { name: "Dữ liệu", values: [[1]] },
      { name: "NTM - Phân bố", charts: ["Chart 1"] },
    ]);
    await workbook.writeSheets([output("NTM - Phân bố", 3)]);
    expect(log.newSheets).toEqual([]);
    // Merged titles of the last run are undone before anything is written over them.
    expect(log.unmerged).toEqual(["NTM - Phân bố"]);
    expect(log.cleared).toEqual(["NTM - Phân bố"]);
    expect(log.chartsDeleted).toEqual(["Chart 1"]);
    expect(log.chartsAdded).toHaveLength(1);
    expect(log.syncs).toBe(3);
  });

  const highlights = (areas: number): Highlight[] => {
    const blocks = Array.from(
      { length: Math.ceil(areas / 12) },
      (_, k) => `F${10 + k * 14}:F${9 + k * 14 + Math.min(12, areas - k * 12)}`
    );
    return [
      { range: blocks.join(","), formula: "=AND(ISNUMBER(F10),F10<0.7)", fill: "#F8CBAD", label: "TC01.1" },
      { range: blocks.join(","), formula: "=LEN(TRIM(F10))=0", fill: "#FFF2CC", label: "TC01.1:missing" },
    ];
  };

  test("highlights replace only the add-in's marked formats, in the same syncs for 10 and 5,000 areas", async () => {
    const shapes: number[] = [];
    for (const areas of [10, 5000]) {
      const user = { id: "{user}", type: "Custom", formula: "=LEN(TRIM(F10))=0" };
      const mine = {
        id: "{mine}",
        type: "Custom",
        formula: markedFormula("=AND(ISNUMBER(F10),F10<0.8)").replace("F10", "F11"),
      };
      const colour = { id: "{scale}", type: "ColorScale", formula: "" };
      const { workbook, log } = mockExcel([
        { name: "Tổng hợp", values: [[1]], conditionalFormats: [user, mine, colour] },
      ]);
      const hs = highlights(areas);
      expect(await workbook.setHighlights([{ sheet: "Tổng hợp", highlights: hs }])).toEqual([]);
      expect(log.deleted).toEqual(["{mine}"]);
      const chunks = chunkAreas(hs[0].range);
      expect(log.added).toHaveLength(chunks.length * 2);
      expect(log.added[0].node.custom.rule.formula).toBe(`=AND(AND(ISNUMBER(F10),F10<0.7),${HIGHLIGHT_MARKER})`);
      expect(log.added[0].node.custom.format.fill.color).toBe("#F8CBAD");
      if (chunks.length > 1) {
        const second = log.added[1];
        expect(second.address).toBe(chunks[1].address);
        expect(second.node.custom.rule.formula).toContain(`ISNUMBER(${chunks[1].topLeft})`);
      }
      shapes.push(log.syncs);
    }
    expect(shapes).toEqual([3, 3]);
  });

  test("several sheets take their highlights in the same three syncs as one", async () => {
    const sheets = ["Minh Lương", "Hùng Xuyên", "Chí Đám"];
    const mine = (id: string) => ({ id, type: "Custom", formula: markedFormula("=LEN(TRIM(F10))=0") });
    const { workbook, log } = mockExcel(
      sheets.map((name, k) => ({ name, values: [[1]], conditionalFormats: [mine(`{${k}}`)] }))
    );
    const problems = await workbook.setHighlights(sheets.map((sheet) => ({ sheet, highlights: highlights(30) })));
    expect(problems).toEqual([]);
    expect(log.deleted).toEqual(["{0}", "{1}", "{2}"]);
    expect(new Set(log.added.map((a) => a.sheet))).toEqual(new Set(sheets));
    expect(log.syncs).toBe(3);
  });

  test("a protected sheet is left alone with a located problem; the other sheets are highlighted", async () => {
    const mine = { id: "{mine}", type: "Custom", formula: markedFormula("=LEN(TRIM(F10))=0") };
    const { workbook, log } = mockExcel([
      { name: "Tổng hợp", values: [[1]], protected: true, conditionalFormats: [mine] },
      { name: "Xã khác", values: [[1]] },
    ]);
    const problems = await workbook.setHighlights([
      { sheet: "Tổng hợp", highlights: highlights(10) },
      { sheet: "Xã khác", highlights: highlights(10) },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "sheet-protected", where: "Tổng hợp" });
    expect(problems[0].message.vi).toMatch(/bảo vệ/);
    expect(log.deleted).toEqual([]);
    expect(log.added.every((a) => a.sheet === "Xã khác")).toBe(true);
    expect(log.added.length).toBeGreaterThan(0);
    // Clearing a protected sheet is refused before anything changes.
    const error = await workbook.clearHighlights(["Tổng hợp"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(log.deleted).toEqual([]);
  });

  test("clearing removes the add-in's formats only and says how many", async () => {
    const formats = [
      { id: "{a}", type: "Custom", formula: markedFormula("=LEN(TRIM(F10))=0") },
      { id: "{b}", type: "Custom", formula: '=AND(F10<1, ISTEXT("khác"))' },
      { id: "{c}", type: "Custom", formula: markedFormula("=AND(ISNUMBER(G10),G10<0.8)").toLowerCase() },
    ];
    const { workbook, log } = mockExcel([{ name: "Tổng hợp", values: [[1]], conditionalFormats: formats }]);
    expect(await workbook.clearHighlights(["Tổng hợp"])).toBe(2);
    expect(log.deleted).toEqual(["{a}", "{c}"]);
  });

  test("selecting an area's row activates its sheet and selects the row in one sync", async () => {
    const { workbook, log } = mockExcel([{ name: "Tổng hợp", values: [[1]] }]);
    await workbook.selectLine("Tổng hợp", "42:42");
    expect(log.activated).toEqual(["Tổng hợp"]);
    expect(log.selected).toEqual(["Tổng hợp!42:42"]);
    expect(log.syncs).toBe(1);
  });
});

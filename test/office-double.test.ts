import { ExcelDouble } from "./support/office/excel-double";

/**
 * The Excel double's own semantics, those of Office.js that the pane's round-trip counts rest on: a property is
 * readable only after load() and a sync; operations queue until the sync; a failing operation rejects the sync and
 * drops the rest of its batch; *OrNullObject answers after a sync; protected sheets refuse writes.
 */

const seed = () =>
  new ExcelDouble([
    {
      name: "Tổng hợp",
      values: [
        ["a", 1],
        ["b", 2],
      ],
    },
    { name: "Khác", values: [] },
  ]);

describe("the Excel double keeps Office.js's batch semantics", () => {
  test("a property read before load() and a sync throws; after them it holds the value of the sync", async () => {
    const double = seed();
    await double.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Tổng hợp").getRange("A1:B2");
      expect(() => range.values).toThrow(/not available.*load/);
      range.load("values");
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([
        ["a", 1],
        ["b", 2],
      ]);
      // Not another property, nor a later change, until loaded again.
      expect(() => range.address).toThrow(/not available/);
      range.values = [
        ["c", 3],
        ["d", 4],
      ];
      await context.sync();
      expect(range.values[0]).toEqual(["a", 1]);
    });
    expect(double.state.syncs).toBe(2);
  });

  test("writes queue until the sync; Excel.run syncs what is still queued when the batch returns", async () => {
    const double = seed();
    await double.run(async (context) => {
      context.workbook.worksheets.getItem("Khác").getRange("B2").values = [["x"]];
      expect(double.sheet("Khác").values).toEqual([]);
      await context.sync();
      expect(double.sheet("Khác").values).toEqual([
        ["", ""],
        ["", "x"],
      ]);
      context.workbook.worksheets.getItem("Khác").getRange("A1").values = [["'=1+1"]];
    });
    expect(double.sheet("Khác").values[0][0]).toBe("=1+1");
    expect(double.state).toMatchObject({ runs: 1, syncs: 2 });
  });

  test("a failing operation rejects the sync and the rest of its batch is dropped", async () => {
    const double = seed();
    const error = await double
      .run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem("Khác").getRange("A1").values = [[1]];
        sheets.getItem("Không có").getRange("A1").values = [[2]];
        sheets.getItem("Khác").getRange("A2").values = [[3]];
        await context.sync();
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ItemNotFound" });
    expect(double.sheet("Khác").values).toEqual([[1]]);
  });

  test("*OrNullObject says whether the object exists after a sync, and only then", async () => {
    const double = seed();
    await double.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Không có");
      const present = context.workbook.worksheets.getItemOrNullObject("tổng HỢP");
      expect(() => missing.isNullObject).toThrow(/not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  test("a write that does not match the range's size, text Excel would retype, or a protected sheet is refused", async () => {
    const double = new ExcelDouble([
      { name: "Khóa", values: [[1]], protected: true },
      { name: "Mở", values: [] },
    ]);
    const refusal = (write: (context: Excel.RequestContext) => void) =>
      double
        .run(async (context) => {
          write(context);
          await context.sync();
        })
        .catch((e: { code?: string }) => e.code);
    const sheet = (context: Excel.RequestContext, name: string) => context.workbook.worksheets.getItem(name);
    expect(await refusal((c) => (sheet(c, "Khóa").getRange("A1").values = [[2]]))).toBe("AccessDenied");
    expect(await refusal((c) => (sheet(c, "Mở").getRange("A1:B1").values = [[2]]))).toBe("InvalidArgument");
    // "1/13" would become 13 January, "=x" a formula: text needs its apostrophe.
    expect(await refusal((c) => (sheet(c, "Mở").getRange("A1").values = [["1/13"]]))).toBe("InvalidArgument");
    expect(await refusal((c) => (sheet(c, "Mở").getRange("A1").values = [["=x"]]))).toBe("InvalidArgument");
    expect(await refusal((c) => (sheet(c, "Mở").getRange("A1").values = [["'1/13"]]))).toBeUndefined();
    expect(double.sheet("Khóa").values).toEqual([[1]]);
    expect(double.sheet("Mở").values).toEqual([["1/13"]]);
  });
});

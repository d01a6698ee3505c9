import { EXCEL_CELL_CHARACTERS, writableSheet, writableText } from "../src/rules/report/output-text";
import { terminalText } from "../src/cli/io";
import { SheetOutput } from "../src/rules/workbook";

describe("texts the add-in writes into sheets", () => {
  test("characters XML 1.0 cannot carry are removed; tab, line ends and characters beyond the BMP stay", () => {
    expect(writableText("Khu\uffff 1\u0001\u0000\ufffe")).toBe("Khu 1");
    expect(writableText("a\tb\nc\rd")).toBe("a\tb\nc\rd");
    expect(writableText("😀 Khu")).toBe("😀 Khu");
    expect(writableText("lẻ \ud83d và \ude00")).toBe("lẻ  và ");
  });

  test("a text over Excel's 32,767 characters is cut to the limit, with a note, never inside a surrogate pair", () => {
    const cut = writableText("x".repeat(40_000));
    expect(cut).toHaveLength(EXCEL_CELL_CHARACTERS);
    expect(cut).toMatch(
      /x … \[đã cắt bớt: một ô Excel chứa tối đa 32\.767 ký tự \/ cut: an Excel cell holds at most 32,767 characters\]$/
    );
    const emoji = writableText("😀".repeat(20_000));
    expect(emoji.length).toBeLessThanOrEqual(EXCEL_CELL_CHARACTERS);
    expect(emoji).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(writableText("y".repeat(EXCEL_CELL_CHARACTERS))).toHaveLength(EXCEL_CELL_CHARACTERS);
  });

  test("a sheet with nothing to change is the same object; otherwise only its texts change", () => {
    const clean: SheetOutput = { name: "NTM - Theo khu", rows: [["Khu 1", 5, true, null]] };
    expect(writableSheet(clean)).toBe(clean);
    const dirty: SheetOutput = { name: "NTM - Theo khu", rows: [["Khu\u0001 1", 5], ["ok"]], headerRows: 1 };
    const out = writableSheet(dirty);
    expect(out.rows).toEqual([["Khu 1", 5], ["ok"]]);
    expect(out.rows[1]).toBe(dirty.rows[1]);
    expect(out.headerRows).toBe(1);
    expect(dirty.rows[0][0]).toBe("Khu\u0001 1");
  });
});

describe("text printed on the terminal", () => {
  test("escape sequences go whole; other controls, DEL, C1 and bidirectional overrides go", () => {
    expect(terminalText("Khu \u001b[2J\u001b[31mĐỏ\u001b[0m")).toBe("Khu Đỏ");
    expect(terminalText("\u001b]0;tiêu đề\u0007sau\u001b]8;;http://x\u001b\\link")).toBe("saulink");
    expect(terminalText("a\rb\u0008c\u007fd\u009be\u202ef\u2066g")).toBe("abcdefg");
    expect(terminalText("giữ\ttab\nvà dòng")).toBe("giữ\ttab\nvà dòng");
  });
});

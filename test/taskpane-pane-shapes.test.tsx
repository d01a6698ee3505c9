/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { resetAddinState } from "../src/functions/addin-state";
import { MemoryWorkbook, SHEET_NAMES } from "../src/rules/workbook";
import { createPaneActions } from "../src/taskpane/actions";
import { Pane } from "../src/taskpane/components/Pane";
import { recordingDocuments } from "./support/documents";
import { bookSheets, shapeBook } from "./support/shapes";

/** The pane over the core's in-memory workbook, recording what it selects ("12:12", "G:G"). */
class PaneWorkbook extends MemoryWorkbook {
  selected: Array<[string, string]> = [];
  async selectLine(sheet: string, address: string) {
    this.selected.push([sheet, address]);
  }
}

const status = () => screen.getByRole("status");

async function opened(workbook: PaneWorkbook, found: RegExp) {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane actions={createPaneActions(workbook, recordingDocuments())} initialLanguage="vi" />
    </FluentProvider>
  );
  await waitFor(() => expect(status().textContent).toMatch(found));
  return user;
}

beforeEach(() => resetAddinState());

describe("the pane on the shapes workbooks come in", () => {
  test("one sheet per commune: every table listed to read or leave out, the cover passed over with the reason", async () => {
    const book = shapeBook({ shape: "communes" });
    const workbook = new PaneWorkbook(bookSheets(book));
    const user = await opened(workbook, /Đã tìm thấy bảng: \d+ bảng trên các trang/);
    const tables = within(screen.getByRole("region", { name: "Các bảng tìm thấy" }));
    const boxes = tables.getAllByRole("checkbox");
    expect(boxes).toHaveLength(book.sheets.length);
    expect(boxes.every((b) => (b as HTMLInputElement).checked)).toBe(true);
    const skipped = within(screen.getByRole("region", { name: "Trang bỏ qua" }));
    expect(skipped.getByText(/Hướng dẫn: trang bìa, hướng dẫn hoặc ghi chú/)).toBeTruthy();
    // The commune the first table's areas go under, and where it came from.
    expect(screen.getByText(`Xã: ${book.sheets[0].name} (lấy từ tên trang, vì bảng không có cột xã)`)).toBeTruthy();

    // Leave the first commune out: only the others are read.
    await user.click(boxes[0]);
    await user.click(screen.getByRole("tab", { name: "Kết quả" }));
    await user.click(screen.getByRole("button", { name: "Phân tích và ghi kết quả" }));
    const read = book.areas.filter((a) => a.sheet !== book.sheets[0].name).length;
    await waitFor(() => expect(status().textContent).toMatch(new RegExp(`Đã phân tích ${read} khu dân cư`)));
    expect(workbook.highlights.has(book.sheets[0].name)).toBe(false);
    expect(workbook.highlights.has(book.sheets[1].name)).toBe(true);
    const notes = within(screen.getByRole("region", { name: "Cách đọc bảng" }));
    expect(notes.getAllByText(/xã lấy từ tên trang/).length).toBe(book.sheets.length - 1);
    expect(workbook.outputs.has(SHEET_NAMES.sources)).toBe(true);
    // The report says which sheets were passed over when the tables were found, and why.
    const sources = workbook.outputs.get(SHEET_NAMES.sources)?.rows ?? [];
    expect(sources.find((r) => r[1] === "Hướng dẫn")?.slice(3)).toEqual([
      "bỏ qua",
      0,
      "",
      "",
      "trang bìa, hướng dẫn hoặc ghi chú",
    ]);
  });

  test("a sideways form: its rows to map, not its columns; an area shown by its column", async () => {
    const book = shapeBook({ shape: "sideways", commune: "Xã Thanh Thủy", areas: 10 });
    const workbook = new PaneWorkbook(bookSheets(book));
    const user = await opened(workbook, /Đã tìm thấy bảng trên trang “Rà soát KDC”/);
    expect(screen.getByText(/^Tiêu đề ở cột B–C, số liệu từ cột D/)).toBeTruthy();
    expect(screen.getByText(/Bảng ngang: tiêu chí, chỉ tiêu theo dòng/)).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Dòng đã nhận ra" })).toBeTruthy();
    // The roads indicator's row, named by its sheet row and header, is offered a role like a column is.
    const roads = book.sheets[0].valueColumns.find((v) => v.indicatorId === "TC01.1")!;
    const select = screen.getByRole("combobox", {
      name: new RegExp(`^Dòng ${roads.column + 1} \\(`),
    }) as HTMLSelectElement;
    expect(select.value).toBe("indicator:TC01.1");
    // The area names' row was chosen by what it holds: said, and marked for checking.
    const names = screen.getByRole("combobox", { name: /^Dòng 7 / }) as HTMLSelectElement;
    expect(names.value).toBe("area");
    expect(screen.getAllByText(/Chọn theo nội dung/).length).toBeGreaterThan(0);

    await user.click(screen.getByRole("tab", { name: "Kết quả" }));
    await user.click(screen.getByRole("button", { name: "Phân tích và ghi kết quả" }));
    await waitFor(() => expect(status().textContent).toMatch(/Đã phân tích 10 khu dân cư/));
    const close = within(screen.getByRole("region", { name: /Khu gần đạt chuẩn/ })).getAllByRole("button");
    expect(close[0].getAttribute("aria-label")).toMatch(/chọn cột [D-M] trên trang số liệu/);
    await user.click(close[0]);
    await waitFor(() => expect(status().textContent).toMatch(/Đã chọn cột [D-M]/));
    expect(workbook.selected[0]).toEqual(["Rà soát KDC", expect.stringMatching(/^([D-M]):\1$/)]);
  });
});

/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TextDecoder, TextEncoder } from "util";
import { addinState, resetAddinState } from "../src/functions/addin-state";
import { Language } from "../src/rules/message";
import { MemoryWorkbook, SETTING_KEYS, SHEET_NAMES, SheetData, SheetHighlights } from "../src/rules/workbook";
import { recordingDocuments } from "./support/documents";
import { createPaneActions, PaneActions } from "../src/taskpane/actions";
import { Pane } from "../src/taskpane/components/Pane";
import { hostProblem } from "../src/taskpane/strings";
import { sampleDistrict } from "./support/sample-district";
import { openDocx, paragraphs } from "./support/docx";
import { RULESET_TABLE_COLUMNS } from "../src/rules/ruleset/ruleset-table";
import { columnLetter } from "../src/rules/reading/cell";

// What jsdom lacks and every browser or Office webview has: TextEncoder (the Word report's zip); a canvas
// to measure text, without which echarts estimates text widths as it does on a server.
Object.assign(globalThis, { TextEncoder, TextDecoder });
HTMLCanvasElement.prototype.getContext = () => null;

/** The pane over the core's in-memory workbook: the actions are the real ones, only Excel is absent. */
class PaneWorkbook extends MemoryWorkbook {
  selected: Array<[string, number]> = [];
  async selectLine(sheet: string, address: string) {
    // "12:12": the row an area is on.
    this.selected.push([sheet, Number(address.split(":")[0])]);
  }
}

class ProtectedWorkbook extends PaneWorkbook {
  override async setHighlights(sheets: SheetHighlights[]) {
    return sheets.map((s) => hostProblem("sheetProtected", s.sheet));
  }
}

function renderPane(actions: PaneActions, language: Language = "vi") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <Pane actions={actions} initialLanguage={language} />
    </FluentProvider>
  );
}

const district = (): SheetData => sampleDistrict({ areas: 30, hideAreaRows: 1 });
const status = () => screen.getByRole("status");

async function opened(workbook: PaneWorkbook) {
  const user = userEvent.setup();
  renderPane(createPaneActions(workbook, recordingDocuments()));
  await waitFor(() => expect(status().textContent).toMatch(/Đã tìm thấy bảng/));
  return user;
}

async function analyse(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole("tab", { name: "Kết quả" }));
  await user.click(screen.getByRole("button", { name: "Phân tích và ghi kết quả" }));
  await waitFor(() => expect(status().textContent).toMatch(/Đã phân tích 30 khu dân cư/));
}

beforeEach(() => resetAddinState());

describe("the task pane", () => {
  test("opens in Vietnamese, finds the table and shows every column with its confidence; English on the switch", async () => {
    const user = await opened(new PaneWorkbook([district()]));
    expect(screen.getByRole("heading", { name: "Cột đã nhận ra" })).toBeTruthy();
    expect(screen.getByText("Trang: Tổng hợp KDC")).toBeTruthy();
    expect(screen.getByText("Tiêu đề ở dòng 6–7, số liệu từ dòng 9")).toBeTruthy();
    const area = screen.getByRole("combobox", { name: /^Cột C \(Khu dân cư\)/ }) as HTMLSelectElement;
    expect(area.value).toBe("area");
    const roads = screen.getByRole("combobox", { name: /^Cột F / }) as HTMLSelectElement;
    expect(roads.value).toBe("indicator:TC01.1");
    expect(screen.getAllByText(/độ tin cậy \d+%/).length).toBeGreaterThanOrEqual(25);
    await user.click(screen.getByRole("switch", { name: "English" }));
    expect(screen.getByRole("heading", { name: "Recognised columns" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Results" })).toBeTruthy();
    expect(screen.getAllByRole("option", { name: /^TC01\.1 / })[0].textContent).toMatch(/^TC01\.1 Share of/);
  });

  test("a corrected column is remembered in the workbook and given to the custom functions", async () => {
    const workbook = new PaneWorkbook([district()]);
    const user = await opened(workbook);
    const year = screen.getByRole("combobox", { name: /^Cột AC / }) as HTMLSelectElement;
    await user.selectOptions(year, "note");
    expect(screen.getByText(/Có thay đổi chưa lưu/)).toBeTruthy();
    expect((screen.getByRole("combobox", { name: /^Cột AC / }) as HTMLSelectElement).value).toBe("note");
    // The note role moved here: the column that had it is unrecognised now.
    expect((screen.getByRole("combobox", { name: /^Cột AD / }) as HTMLSelectElement).value).toBe("");
    await user.click(screen.getByRole("button", { name: "Lưu cách ghép cột" }));
    await waitFor(() => expect(status().textContent).toMatch(/Đã lưu cách ghép cột vào sổ/));
    const [saved] = JSON.parse(workbook.settings.get(SETTING_KEYS.mapping) as string);
    expect(saved.columns.find((c: { column: string }) => c.column === "AC").role).toEqual({ kind: "note" });
    expect(addinState().mappings).toEqual([saved]);
    expect(screen.getByText("Dùng cách ghép cột đã lưu trong sổ")).toBeTruthy();
  });

  test("analysis: the summary the sheets carry, areas close to the standard, what holds them back; an area's row on click", async () => {
    const workbook = new PaneWorkbook([district()]);
    const user = await opened(workbook);
    await user.click(screen.getByRole("tab", { name: "Kết quả" }));
    expect(within(screen.getByRole("tabpanel", { name: "Kết quả" })).getByText("Ngưỡng tạm tính")).toBeTruthy();
    await analyse(user);
    const areasSheet = workbook.outputs.get(SHEET_NAMES.areas);
    expect(areasSheet).toBeDefined();
    const summary = screen.getByRole("region", { name: "Tổng quan" });
    const counts = within(summary)
      .getAllByRole("definition")
      .map((d) => Number(d.textContent));
    const rows = (areasSheet?.rows ?? []).slice((areasSheet?.tableHeaderRow ?? 0) + 1);
    const metAll = rows.filter((r) => r[6] === "Đạt chuẩn").length;
    expect(counts[0]).toBe(30);
    expect(counts[1]).toBe(metAll);
    expect(counts.slice(1).reduce((a, b) => a + b, 0)).toBe(30);
    const close = within(screen.getByRole("region", { name: /Khu gần đạt chuẩn/ })).getAllByRole("button");
    expect(close.length).toBe(counts[2] + counts[3]);
    const holding = within(screen.getByRole("region", { name: "Tiêu chí cản trở nhiều khu nhất" })).getAllByRole(
      "listitem"
    );
    expect(holding.length).toBeGreaterThan(0);
    expect(screen.getByText(/Đã tô màu \d+ quy tắc/)).toBeTruthy();
    expect(screen.getByText("1 khu đang bị ẩn hoặc lọc vẫn được đánh giá.")).toBeTruthy();
    await user.click(close[0]);
    await waitFor(() => expect(status().textContent).toMatch(/Đã chọn dòng/));
    const [sheet, row] = workbook.selected[0];
    expect(sheet).toBe("Tổng hợp KDC");
    expect(close[0].getAttribute("aria-label")).toContain(`chọn dòng ${row}`);
    expect(workbook.highlights.get("Tổng hợp KDC")?.length).toBeGreaterThan(0);
    await user.click(screen.getByRole("tab", { name: "Lộ trình" }));
    const roadmap = within(screen.getByRole("region", { name: "Lộ trình đã được ghi ra các trang" }));
    expect(roadmap.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      SHEET_NAMES.roadmap,
      SHEET_NAMES.roadmapSummary,
    ]);
  });

  test("a protected sheet: results are written and the pane says why the gaps are not highlighted", async () => {
    const workbook = new ProtectedWorkbook([district()]);
    const user = await opened(workbook);
    await analyse(user);
    expect(workbook.outputs.has(SHEET_NAMES.areas)).toBe(true);
    expect(screen.getByText(/Chưa tô màu được trên trang số liệu/)).toBeTruthy();
    expect(screen.getByText(/đang được bảo vệ/)).toBeTruthy();
  });

  test("a sheet of the user's with a result sheet's name: the pane says where the results went", async () => {
    const mine: SheetData = { name: SHEET_NAMES.criteria, values: [["của tôi"]] };
    const workbook = new PaneWorkbook([district(), mine]);
    const user = await opened(workbook);
    await analyse(user);
    expect(
      screen.getByText(
        `Trang “${SHEET_NAMES.criteria}” là trang của bạn nên được giữ nguyên; kết quả ghi vào “${SHEET_NAMES.criteria} (2)”.`
      )
    ).toBeTruthy();
    expect(workbook.sheets.get(SHEET_NAMES.criteria)).toBe(mine);
  });

  test("criteria: a faulty sheet is refused with every fault located; a good one is loaded and results recompute", async () => {
    const workbook = new PaneWorkbook([district()]);
    const user = await opened(workbook);
    await analyse(user);
    await user.click(screen.getByRole("tab", { name: "Bộ tiêu chí" }));
    await user.click(screen.getByRole("button", { name: "Ghi bộ tiêu chí ra trang" }));
    await waitFor(() => expect(status().textContent).toMatch(/Đã ghi bộ tiêu chí ra trang/));
    const table = workbook.outputs.get(SHEET_NAMES.ruleset);
    if (!table) throw new Error("no criteria sheet");
    const column = (key: string) => RULESET_TABLE_COLUMNS.findIndex((c) => c.key === key);
    const row = table.rows.findIndex((r) => r[column("indicatorId")] === "TC07.1");
    const edit = (value: string | number) =>
      workbook.outputs.set(SHEET_NAMES.ruleset, {
        ...table,
        rows: table.rows.map((r, k) => (k === row ? r.map((v, c) => (c === column("threshold") ? value : v)) : r)),
      });
    edit("nhiều");
    await user.click(screen.getByRole("button", { name: "Nạp lại bộ tiêu chí" }));
    await waitFor(() => expect(screen.getByText(/Không nạp: trang bộ tiêu chí có 1 lỗi/)).toBeTruthy());
    expect(screen.getByText(`${SHEET_NAMES.ruleset}!${columnLetter(column("threshold"))}${row + 1}:`)).toBeTruthy();
    expect(addinState().ruleset.indicators.find((i) => i.id === "TC07.1")?.threshold).toBe(12);
    edit(0);
    await user.click(screen.getByRole("button", { name: "Nạp lại bộ tiêu chí" }));
    await waitFor(() => expect(status().textContent).toMatch(/tính lại 30 khu dân cư/));
    expect(addinState().ruleset.indicators.find((i) => i.id === "TC07.1")?.threshold).toBe(0);
    expect(screen.getByText("Đang dùng bộ tiêu chí đã sửa, lưu trong sổ này.")).toBeTruthy();
    expect(screen.queryByText(/Không nạp/)).toBeNull();
  });

  test("a table the pane cannot recognise: its header row is offered for mapping by hand, with the reason", async () => {
    const sheet: SheetData = {
      name: "Theo dõi",
      values: [
        ["STT", "Khu dân cư", "Cột A"],
        [1, "Khu 1", 85],
      ],
    };
    const user = userEvent.setup();
    renderPane(createPaneActions(new PaneWorkbook([sheet]), recordingDocuments()));
    await waitFor(() => expect(status().textContent).toMatch(/không nhận ra cột tiêu chí nào; hãy ghép cột bằng tay/));
    expect(screen.getByText(/Dòng tiêu đề của trang được đưa ra dưới đây/)).toBeTruthy();
    expect(screen.getAllByText(/"Cột A"/).length).toBeGreaterThan(0);
    const columnA = screen.getByRole("combobox", { name: /^Cột C / }) as HTMLSelectElement;
    await user.selectOptions(columnA, "indicator:TC02.1");
    expect(columnA.value).toBe("indicator:TC02.1");
  });

  test("an empty sheet gives a clear message on opening, and a failing Excel call is shown as an alert", async () => {
    const workbook = new PaneWorkbook([{ name: "Trống", values: [] }]);
    renderPane(createPaneActions(workbook, recordingDocuments()));
    await waitFor(() => expect(screen.getByText(/Trang "Trống" trống/)).toBeTruthy());
    expect(screen.getByRole("alert").textContent).toBe("");
    const failing: PaneActions = {
      ...createPaneActions(new PaneWorkbook([district()]), recordingDocuments()),
      detect: () => Promise.reject(new Error("The requested resource doesn't exist.")),
    };
    const user = userEvent.setup();
    renderPane(failing);
    const find = await screen.findAllByRole("button", { name: "Tìm bảng" });
    await user.click(find[1]);
    await waitFor(() => expect(screen.getAllByText(/Excel báo lỗi: The requested resource/).length).toBeGreaterThan(0));
  });

  test("the Word report: the dossier's areas typed, refused by name when not in the table, the file handed over", async () => {
    const workbook = new PaneWorkbook([district()]);
    const documents = recordingDocuments();
    const user = userEvent.setup();
    renderPane(createPaneActions(workbook, documents));
    await waitFor(() => expect(status().textContent).toMatch(/Đã tìm thấy bảng/));
    await user.click(screen.getByRole("tab", { name: "Kết quả" }));
    const dossier = screen.getByRole("textbox", { name: "Hồ sơ công nhận cho các khu" });
    await user.type(dossier, "Xã Không Có/Khu 99");
    await user.click(screen.getByRole("button", { name: "Phân tích và ghi kết quả" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toMatch(/Không có khu dân cư "Xã Không Có\/Khu 99"/)
    );
    // Nothing was written: the analysis stopped at the faulty list.
    expect(workbook.outputs.size).toBe(0);
    await user.clear(dossier);
    await analyse(user);
    expect(workbook.outputs.get(SHEET_NAMES.dossier)).toBeDefined();
    await user.click(screen.getByRole("button", { name: "Tải báo cáo Word (.docx)" }));
    // Charts and the document take a few seconds under jsdom.
    await waitFor(
      () =>
        expect(status().textContent).toMatch(/Đã tạo báo cáo Word “bao-cao-khu-dan-cu-ntm-\d{4}-\d{2}-\d{2}\.docx”/),
      { timeout: 30_000 }
    );
    expect(documents.saved).toHaveLength(1);
    const saved = documents.saved[0];
    expect(saved.mimeType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const text = paragraphs(openDocx(saved.bytes).text("word/document.xml"));
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("I. KẾT QUẢ RÀ SOÁT, ĐÁNH GIÁ");
  });

  test("in Excel on Windows or Mac, where a pane cannot download, the pane says so and what to do instead", async () => {
    const user = userEvent.setup();
    renderPane(createPaneActions(new PaneWorkbook([district()]), recordingDocuments(false)));
    await waitFor(() => expect(status().textContent).toMatch(/Đã tìm thấy bảng/));
    await analyse(user);
    expect(screen.queryByRole("button", { name: "Tải báo cáo Word (.docx)" })).toBeNull();
    expect(screen.getByText(/Excel trên máy tính không cho khung tác vụ tải tệp về/)).toBeTruthy();
    expect(screen.getByText(/ntm analyse TỆP.xlsx --docx bao-cao.docx/)).toBeTruthy();
  });

  test("works from the keyboard: a tab and an action by Enter, a live region for what happened", async () => {
    const workbook = new PaneWorkbook([district()]);
    const user = await opened(workbook);
    expect(status().getAttribute("aria-live")).toBe("polite");
    screen.getByRole("tab", { name: "Kết quả" }).focus();
    await user.keyboard("{Enter}");
    expect(screen.getByRole("tabpanel", { name: "Kết quả" })).toBeTruthy();
    screen.getByRole("button", { name: "Phân tích và ghi kết quả" }).focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(status().textContent).toMatch(/Đã phân tích 30 khu dân cư/));
    expect(screen.getByRole("region", { name: "Tổng quan" })).toBeTruthy();
  });
});

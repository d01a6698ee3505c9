/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { resetAddinState } from "../src/functions/addin-state";
import { MemoryWorkbook, SHEET_NAMES } from "../src/rules/workbook";
import { AnalyseRequest, createPaneActions, PaneActions } from "../src/taskpane/actions";
import { Pane } from "../src/taskpane/components/Pane";
import { ROADMAP_SETTINGS_KEY, RoadmapSettings } from "../src/taskpane/roadmap-settings";
import { sampleDistrict } from "../src/taskpane/testing/sample-district";

/** The roadmap tab over the real actions on the core's in-memory workbook, with the calls recorded. */
class PaneWorkbook extends MemoryWorkbook {
  selected: Array<[string, number]> = [];
  async selectRow(sheet: string, row: number) {
    this.selected.push([sheet, row]);
  }
}

interface Recorded {
  actions: PaneActions;
  analysed: AnalyseRequest[];
  saved: RoadmapSettings[];
}

function recorded(workbook: PaneWorkbook): Recorded {
  const real = createPaneActions(workbook);
  const analysed: AnalyseRequest[] = [];
  const saved: RoadmapSettings[] = [];
  const actions: PaneActions = {
    ...real,
    analyse: (request) => {
      analysed.push(request);
      return real.analyse(request);
    },
    saveRoadmapSettings: (settings) => {
      saved.push(settings);
      return real.saveRoadmapSettings(settings);
    },
  };
  return { actions, analysed, saved };
}

const status = () => screen.getByRole("status");
const box = (name: string) => screen.getByRole("textbox", { name });

async function openRoadmap(actions: PaneActions) {
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <Pane actions={actions} />
    </FluentProvider>
  );
  await waitFor(() => expect(status().textContent).toMatch(/Đã tìm thấy bảng/));
  await user.click(screen.getByRole("tab", { name: "Lộ trình" }));
  return user;
}

async function retype(user: ReturnType<typeof userEvent.setup>, name: string, value: string) {
  await user.clear(box(name));
  if (value) await user.type(box(name), value);
}

const workbookWith = (settings?: RoadmapSettings) => {
  const workbook = new PaneWorkbook([sampleDistrict({ areas: 30 })]);
  if (settings) workbook.settings.set(ROADMAP_SETTINGS_KEY, JSON.stringify(settings));
  return workbook;
};

const planButton = () => screen.getByRole("button", { name: "Lưu thiết lập và lập lộ trình" });

beforeEach(() => resetAddinState());

describe("the roadmap tab", () => {
  test("the form shows the core's validation messages and passes the settings on, the reward read the Vietnamese way", async () => {
    const workbook = workbookWith();
    const { actions, analysed, saved } = recorded(workbook);
    const user = await openRoadmap(actions);
    expect(screen.getByText("Chưa có lộ trình", { exact: false })).toBeTruthy();
    expect((box("Tối thiểu") as HTMLInputElement).value).toBe("2");
    expect((box("Tối đa") as HTMLInputElement).value).toBe("3");

    await retype(user, "Năm bắt đầu", "2026");
    await retype(user, "Năm mục tiêu", "2020");
    const invalid = screen.getByRole("list", { name: "Thiết lập chưa hợp lệ" });
    expect(invalid.textContent).toContain("Năm mục tiêu (2020) trước năm bắt đầu (2026).");
    expect(box("Năm mục tiêu").getAttribute("aria-invalid")).toBe("true");
    expect(planButton().hasAttribute("disabled") || planButton().getAttribute("aria-disabled") === "true").toBe(true);

    await retype(user, "Năm mục tiêu", "2028");
    await retype(user, "Tối thiểu", "4");
    expect(screen.getByRole("list", { name: "Thiết lập chưa hợp lệ" }).textContent).toContain(
      "Tối thiểu (4) lớn hơn tối đa (3)."
    );
    await retype(user, "Tối thiểu", "1");
    await retype(user, "Mức thưởng mỗi khu được công nhận mới (đồng, không bắt buộc)", "1.000.000");
    expect(screen.getByText("Hiểu là 1.000.000 đồng.")).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Thiết lập chưa hợp lệ" })).toBeNull();

    await user.click(planButton());
    await waitFor(() => expect(status().textContent).toBe("Đã lưu thiết lập và lập lộ trình 2026–2028."));
    const expected: RoadmapSettings = {
      startYear: 2026,
      targetYear: 2028,
      perCommune: { min: 1, max: 3 },
      rewardPerArea: 1_000_000,
    };
    expect(saved).toEqual([expected]);
    expect(analysed[0].roadmap).toEqual(expected);
    expect(JSON.parse(workbook.settings.get(ROADMAP_SETTINGS_KEY) ?? "")).toEqual(expected);
    // Still on the roadmap tab, the plan year by year.
    expect(screen.getByRole("heading", { name: "Lộ trình 2026–2028" })).toBeTruthy();
    for (const year of [2026, 2027, 2028]) {
      expect(screen.getByText(new RegExp(`^${year}: \\d+ khu \\(lũy kế \\d+\\)$`))).toBeTruthy();
    }
    expect(screen.getAllByText(/^Thưởng: [\d.]+ đồng$/)).toHaveLength(3);
  });

  test("an infeasible district target: the outcome sentence with the shortfall; rules collapsed; an area's row on click", async () => {
    const workbook = workbookWith();
    const { actions } = recorded(workbook);
    const user = await openRoadmap(actions);
    await retype(user, "Mục tiêu của huyện (không bắt buộc)", "1000");
    await user.click(planButton());
    await waitFor(() => expect(status().textContent).toMatch(/Đã lưu thiết lập và lập lộ trình/));
    expect(screen.getByText("Không đạt mục tiêu của huyện")).toBeTruthy();
    // The plan is a result: the provisional-thresholds warning stands with it, in the roadmap panel itself.
    const roadmapPanel = screen.getByRole("heading", { name: "Lộ trình 2026–2030" }).closest("div")!.parentElement!;
    expect(within(roadmapPanel).getByText("Ngưỡng tạm tính")).toBeTruthy();
    expect(screen.getByText(/^Không đạt mục tiêu: dự kiến \d+\/1000 khu .*còn thiếu \d+ khu\./)).toBeTruthy();
    expect(screen.getAllByText(/^\d{4}: \d+ khu \(lũy kế \d+ \/ mục tiêu \d+\)$/).length).toBeGreaterThan(0);

    const rules = screen.getByRole("button", { name: "Quy tắc lập lộ trình" });
    expect(rules.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByText(/^1\. Trong mỗi khu/)).toBeNull();
    await user.click(rules);
    expect(screen.getByText(/^1\. Trong mỗi khu/)).toBeTruthy();

    const firstYear = screen.getAllByRole("list", { name: /^Các khu dự kiến đạt chuẩn năm \d{4}$/ })[0];
    const area = within(firstYear).getAllByRole("button")[0];
    await user.click(area);
    await waitFor(() => expect(status().textContent).toMatch(/Đã chọn dòng/));
    const [sheet, row] = workbook.selected[0];
    expect(sheet).toBe("Tổng hợp KDC");
    expect(area.getAttribute("aria-label")).toContain(`chọn dòng ${row}`);

    await user.click(screen.getByRole("switch", { name: "English" }));
    expect(screen.getByText(/^Target not reachable: /)).toBeTruthy();
    expect(screen.getAllByText(/^\d{4}: \d+ areas \(cumulative \d+ \/ target \d+\)$/).length).toBeGreaterThan(0);
  });

  test("settings saved in the workbook come back on opening and reach an analysis from the Results tab", async () => {
    const workbook = workbookWith({ startYear: 2027, targetYear: 2029, target: 20 });
    const { actions, analysed } = recorded(workbook);
    const user = await openRoadmap(actions);
    expect((box("Năm bắt đầu") as HTMLInputElement).value).toBe("2027");
    expect((box("Mục tiêu của huyện (không bắt buộc)") as HTMLInputElement).value).toBe("20");
    await user.click(screen.getByRole("tab", { name: "Kết quả" }));
    await user.click(screen.getByRole("button", { name: "Phân tích và ghi kết quả" }));
    await waitFor(() => expect(status().textContent).toMatch(/Đã phân tích 30 khu dân cư/));
    expect(analysed[0].roadmap).toEqual({ startYear: 2027, targetYear: 2029, target: 20 });
    expect(String(workbook.outputs.get(SHEET_NAMES.roadmap)?.rows[0][0])).toMatch(/2027–2029/);
    await user.click(screen.getByRole("tab", { name: "Lộ trình" }));
    expect(screen.getByRole("heading", { name: "Lộ trình 2027–2029" })).toBeTruthy();
  });

  test("the yearly review: the core's message without a roadmap; after one, reached, slipped and early counts", async () => {
    const workbook = workbookWith({ startYear: 2025, targetYear: 2028 });
    const { actions } = recorded(workbook);
    const user = await openRoadmap(actions);
    const review = screen.getByRole("button", { name: "Rà soát tiến độ năm nay" });
    await user.click(review);
    await waitFor(() => expect(screen.getByText("Chưa rà soát được")).toBeTruthy());
    expect(screen.getByText(/Chưa có trang "NTM - Lộ trình" của năm trước/)).toBeTruthy();

    // Assessed for 2026 against a roadmap that started in 2025: the 2025 areas are due.
    await user.click(screen.getByRole("tab", { name: "Kết quả" }));
    await user.type(box("Năm đánh giá (không bắt buộc)"), "2026");
    await user.click(screen.getByRole("button", { name: "Phân tích và ghi kết quả" }));
    await waitFor(() => expect(status().textContent).toMatch(/Đã phân tích 30 khu dân cư/));
    await user.click(screen.getByRole("tab", { name: "Lộ trình" }));
    const due2025 = Number(/^2025: (\d+) khu/.exec(screen.getByText(/^2025: /).textContent ?? "")?.[1]);
    expect(screen.getByText(/So lộ trình đã ghi với số liệu năm 2026/)).toBeTruthy();
    await user.click(review);
    await waitFor(() =>
      expect(status().textContent).toBe(`Đã rà soát tiến độ năm 2026 và ghi trang “${SHEET_NAMES.progress}”.`)
    );
    expect(screen.queryByText("Chưa rà soát được")).toBeNull();
    const result = screen.getByRole("region", { name: "Kết quả rà soát năm 2026" });
    const counts = within(result)
      .getAllByRole("definition")
      .map((d) => Number(d.textContent));
    expect(counts).toEqual([due2025, 0, due2025, 0]);
    expect(within(result).getByText("Chưa đạt, chậm so với lộ trình")).toBeTruthy();
    const written = within(screen.getByRole("region", { name: "Lộ trình đã được ghi ra các trang" }));
    expect(written.getAllByRole("listitem").map((li) => li.textContent)).toEqual([
      SHEET_NAMES.progress,
      SHEET_NAMES.roadmap,
      SHEET_NAMES.roadmapSummary,
    ]);
    // The re-plan from 2026 is what the tab shows now.
    expect(screen.getByRole("heading", { name: "Lộ trình 2026–2028" })).toBeTruthy();
    expect(workbook.outputs.has(SHEET_NAMES.progress)).toBe(true);
  });
});

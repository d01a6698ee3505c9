/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { resetAddinState } from "../src/functions/addin-state";
import { MemoryWorkbook, SETTING_KEYS, SHEET_NAMES } from "../src/rules/workbook";
import { AnalyseRequest, createPaneActions, PaneActions } from "../src/taskpane/actions";
import { Pane } from "../src/taskpane/components/Pane";
import { RoadmapSettings, roadmapSettingsToDocument } from "../src/rules/roadmap-settings";
import { sampleDistrict } from "./support/sample-district";
import { recordingDocuments } from "./support/documents";

/** The roadmap tab over the real actions on the core's in-memory workbook, with the calls recorded. */
class PaneWorkbook extends MemoryWorkbook {
  selected: Array<[string, number]> = [];
  async selectLine(sheet: string, address: string) {
    // "12:12": the row an area is on.
    this.selected.push([sheet, Number(address.split(":")[0])]);
  }
}

interface Recorded {
  actions: PaneActions;
  analysed: AnalyseRequest[];
  saved: RoadmapSettings[];
}

function recorded(workbook: PaneWorkbook): Recorded {
  const real = createPaneActions(workbook, recordingDocuments());
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
  if (settings) {
    workbook.settings.set(SETTING_KEYS.roadmapSettings, JSON.stringify(roadmapSettingsToDocument(settings)));
  }
  return workbook;
};

const planButton = () => screen.getByRole("button", { name: "Lưu thiết lập và lập lộ trình" });

/** Save the settings and plan; done when the analysis it asked for has been announced. */
async function plan(user: ReturnType<typeof userEvent.setup>, { analysed }: Recorded) {
  const runs = analysed.length;
  await user.click(planButton());
  await waitFor(() => {
    expect(analysed).toHaveLength(runs + 1);
    expect(status().textContent).toMatch(/^Đã lưu thiết lập và lập lộ trình/);
  });
}

const savedJson = (workbook: PaneWorkbook) => JSON.parse(workbook.settings.get(SETTING_KEYS.roadmapSettings) ?? "{}");

/** The roadmap summary's "Xã dưới mức tối thiểu" cells, one per planned year. */
function belowMinimum(workbook: PaneWorkbook): string[] {
  const rows = workbook.outputs.get(SHEET_NAMES.roadmapSummary)?.rows ?? [];
  const header = rows.findIndex((r) => r.includes("Xã dưới mức tối thiểu / Communes below the minimum"));
  const column = rows[header].indexOf("Xã dưới mức tối thiểu / Communes below the minimum");
  const years = rows.slice(header + 1).filter((r) => typeof r[0] === "number");
  expect(years.length).toBeGreaterThan(0);
  return years.map((r) => String(r[column] ?? ""));
}

/** An area's line on the roadmap sheet: its numbered criteria and their effort classes. */
function roadmapLine(workbook: PaneWorkbook, commune: string, area: string): { steps: string; effort: string } {
  const rows = workbook.outputs.get(SHEET_NAMES.roadmap)?.rows ?? [];
  const header = rows.findIndex((r) => r[0] === "Năm / Year");
  const at = (start: string) => rows[header].findIndex((h) => String(h).startsWith(start));
  const row = rows.find((r) => r[at("Xã /")] === commune && r[at("Khu dân cư /")] === area);
  if (!row) throw new Error(`${area}, ${commune} is not on the roadmap sheet`);
  return { steps: String(row[at("Tiêu chí cần hoàn thành")]), effort: String(row[at("Mức độ /")]) };
}

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
    // Kept as the command line's --roadmap file has it.
    expect(savedJson(workbook)).toEqual({
      format: "ntm-roadmap/1",
      start_year: 2026,
      target_year: 2028,
      per_commune: { min: 1, max: 3 },
      reward_per_area: 1_000_000,
    });
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

  test("a yearly budget set in a settings file, not on the form, is kept when the officer saves the form", async () => {
    const workbook = workbookWith({ startYear: 2027, capacity: { budgetPerYear: 800_000_000 } });
    const rec = recorded(workbook);
    const user = await openRoadmap(rec.actions);
    await retype(user, "Mục tiêu của huyện (không bắt buộc)", "20");
    await plan(user, rec);
    const expected: RoadmapSettings = {
      startYear: 2027,
      perCommune: { min: 2, max: 3 },
      target: 20,
      capacity: { budgetPerYear: 800_000_000 },
    };
    expect(rec.saved).toEqual([expected]);
    expect(rec.analysed[0].roadmap).toEqual(expected);
    expect(savedJson(workbook).capacity).toEqual({ budget_per_year: 800_000_000 });
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

  test("communes at the commune standard: listed after an analysis, the ticked one saved with the settings and given no yearly aim", async () => {
    // A yearly capacity of 4 completions leaves some communes below the 2-a-year aim.
    const workbook = workbookWith({ startYear: 2026, capacity: { completionsPerYear: 4 } });
    const rec = recorded(workbook);
    const { actions, analysed, saved } = rec;
    const user = await openRoadmap(actions);
    const group = screen.getByRole("group", { name: "Xã đã đạt chuẩn nông thôn mới" });
    expect(within(group).queryAllByRole("checkbox")).toHaveLength(0);
    expect(within(group).getByText("Phân tích (thẻ “Kết quả”) để hiện danh sách xã của huyện.")).toBeTruthy();

    await plan(user, rec);
    const boxes = within(group).getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((b) => b.labels?.[0]?.textContent)).toEqual(["Xã Vũ Yển", "Xã Hanh Cù", "Xã Thanh Hà"]);
    expect(boxes.every((b) => !b.checked)).toBe(true);
    expect(group.getAttribute("aria-describedby")).toBeTruthy();
    expect(belowMinimum(workbook)[0]).toMatch(/Xã Thanh Hà \(\d\)/);

    await user.click(within(group).getByRole("checkbox", { name: "Xã Thanh Hà" }));
    // Ticking is a form change: nothing goes to the workbook until the settings are saved.
    expect(saved).toHaveLength(1);
    await plan(user, rec);
    const expected: RoadmapSettings = {
      startYear: 2026,
      perCommune: { min: 2, max: 3 },
      capacity: { completionsPerYear: 4 },
      communesMeetingStandard: [{ commune: "Xã Thanh Hà" }],
    };
    expect(saved[1]).toEqual(expected);
    expect(analysed[1].roadmap).toEqual(expected);
    expect(savedJson(workbook)).toEqual({
      format: "ntm-roadmap/1",
      start_year: 2026,
      per_commune: { min: 2, max: 3 },
      capacity: { completions_per_year: 4 },
      communes_meeting_standard: ["Xã Thanh Hà"],
    });
    const below = belowMinimum(workbook);
    expect(below.some((cell) => cell.includes("Xã Thanh Hà"))).toBe(false);
    // The other communes still carry the aim: the limit still binds.
    expect(below.some((cell) => cell !== "")).toBe(true);
    expect((within(group).getByRole("checkbox", { name: "Xã Thanh Hà" }) as HTMLInputElement).checked).toBe(true);

    await user.click(screen.getByRole("switch", { name: "English" }));
    expect(screen.getByRole("group", { name: "Communes already at the new-countryside standard" })).toBeTruthy();
  });

  test("effort per criterion: a class made high moves that criterion after the others in an area's steps; reset brings the defaults back; only changes are saved", async () => {
    const workbook = workbookWith();
    const rec = recorded(workbook);
    const user = await openRoadmap(rec.actions);
    await plan(user, rec);
    // By default TC08 (medium) comes before TC05 (high) in this area.
    expect(roadmapLine(workbook, "Xã Thanh Hà", "Khu 5")).toEqual({
      steps: expect.stringMatching(/^1\) TC08 .*; 2\) TC05 /),
      effort: "TC08 trung bình; TC05 cao",
    });

    const header = screen.getByRole("button", { name: "Mức độ khó của từng tiêu chí" });
    expect(header.getAttribute("aria-expanded")).toBe("false");
    await user.click(header);
    const table = screen.getByRole("table", { name: "Mức độ khó của từng tiêu chí" });
    const selects = within(table).getAllByRole("combobox") as HTMLSelectElement[];
    expect(selects).toHaveLength(13);
    expect(
      within(table)
        .getAllByRole("rowheader")
        .map((h) => h.textContent)
    ).toContain("TC04 Cơ sở vật chất văn hóa");
    const tc08 = within(table).getByRole("combobox", { name: "TC08 Lao động có việc làm" }) as HTMLSelectElement;
    expect(tc08.value).toBe("medium");
    expect(tc08.selectedOptions[0].textContent).toBe("Trung bình (mặc định)");
    expect([...tc08.options].map((o) => o.textContent)).toEqual(["Thấp", "Trung bình (mặc định)", "Cao"]);

    await user.selectOptions(tc08, "high");
    expect(tc08.selectedOptions[0].textContent).toBe("Cao");
    expect(screen.getByRole("button", { name: "Mức độ khó của từng tiêu chí (đã đổi 1)" })).toBeTruthy();
    await plan(user, rec);
    expect(savedJson(workbook).effort).toEqual({
      format: "ntm-roadmap-effort/1",
      criteria: { TC08: { effort: "high", funding: "state" } },
    });
    expect(roadmapLine(workbook, "Xã Thanh Hà", "Khu 5")).toEqual({
      steps: expect.stringMatching(/^1\) TC05 .*; 2\) TC08 /),
      effort: "TC05 cao; TC08 cao",
    });

    await user.click(screen.getByRole("button", { name: "Khôi phục mặc định" }));
    expect(tc08.value).toBe("medium");
    expect(screen.getByRole("button", { name: "Mức độ khó của từng tiêu chí" })).toBeTruthy();
    await plan(user, rec);
    expect(savedJson(workbook)).not.toHaveProperty("effort");
    expect(roadmapLine(workbook, "Xã Thanh Hà", "Khu 5").steps).toMatch(/^1\) TC08 .*; 2\) TC05 /);

    await user.click(screen.getByRole("switch", { name: "English" }));
    const english = screen.getByRole("combobox", { name: "TC08 Employed labour" }) as HTMLSelectElement;
    expect(english.selectedOptions[0].textContent).toBe("Medium (default)");
  });

  test("settings saved before the communes and effort fields existed load, and unreadable new values are ignored", async () => {
    const workbook = new PaneWorkbook([sampleDistrict({ areas: 30 })]);
    workbook.settings.set(
      SETTING_KEYS.roadmapSettings,
      JSON.stringify({
        startYear: 2027,
        perCommune: { min: 1, max: 2 },
        communesMeetingStandard: "Xã Thanh Hà",
        effort: {
          criteria: { TC08: { effort: "rất cao", funding: "state" }, TC11: { effort: "high", funding: "community" } },
        },
      })
    );
    const rec = recorded(workbook);
    const { actions, analysed } = rec;
    const user = await openRoadmap(actions);
    expect((box("Năm bắt đầu") as HTMLInputElement).value).toBe("2027");
    expect((box("Tối đa") as HTMLInputElement).value).toBe("2");
    await user.click(screen.getByRole("button", { name: "Mức độ khó của từng tiêu chí (đã đổi 1)" }));
    expect((screen.getByRole("combobox", { name: "TC08 Lao động có việc làm" }) as HTMLSelectElement).value).toBe(
      "medium"
    );
    expect((screen.getByRole("combobox", { name: "TC11 Văn hóa" }) as HTMLSelectElement).value).toBe("high");
    await plan(user, rec);
    expect(analysed[0].roadmap?.communesMeetingStandard).toBeUndefined();
    expect(analysed[0].roadmap?.effort?.criteria.TC11.effort).toBe("high");
    expect(analysed[0].roadmap?.effort?.criteria.TC08.effort).toBe("medium");
    expect(savedJson(workbook)).toEqual({
      format: "ntm-roadmap/1",
      start_year: 2027,
      per_commune: { min: 1, max: 2 },
      effort: { format: "ntm-roadmap-effort/1", criteria: { TC11: { effort: "high", funding: "community" } } },
    });
  });
});

import { AreaAssessment } from "../src/rules/assessment/assessment";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import {
  ALL_FAILING_MIN_AREAS,
  CRITERIA_LABEL_SHARE,
  implausibilities,
  MIN_READABLE_SHARE,
  ReadingFacts,
  UNNAMED_SHARE,
} from "../src/rules/reading/sanity";

const rs = embeddedRuleset();

/** n assessed areas, `failing` of them meeting no criterion and the rest meeting some. */
function assessments(n: number, failing = 0): AreaAssessment[] {
  return Array.from({ length: n }, (_, k) => ({ metCount: k < failing ? 0 : 11 }) as AreaAssessment);
}

function facts(overrides: Partial<ReadingFacts> & { n?: number } = {}): ReadingFacts {
  const n = overrides.n ?? 10;
  return {
    assessments: assessments(n),
    labels: Array.from({ length: n }, (_, k) => `Khu ${k + 1}`),
    unnamed: 0,
    cells: n * 22,
    readable: n * 22,
    ...overrides,
  };
}

const codes = (f: ReadingFacts) => implausibilities(f, rs).map((x) => x.code);

describe("the checks before a reading is believed: each threshold, both sides", () => {
  test("a plausible district: nothing to say", () => {
    expect(codes(facts())).toEqual([]);
    expect(codes(facts({ n: 1 }))).toEqual([]);
  });

  test("areas without a name: more than half is implausible, half is not", () => {
    const n = 10;
    expect(codes(facts({ unnamed: Math.floor(UNNAMED_SHARE * n) }))).toEqual([]);
    expect(codes(facts({ unnamed: Math.floor(UNNAMED_SHARE * n) + 1 }))).toEqual(["areas-unnamed"]);
  });

  test("lines named after criteria, indicators or column headings: from half of them on", () => {
    const criteria = rs.criteria.map((c) => c.nameVi);
    const n = 10;
    const like = Math.ceil(CRITERIA_LABEL_SHARE * n);
    const labels = (k: number) => [
      ...criteria.slice(0, k),
      ...Array.from({ length: n - k }, (_, j) => `Thôn ${j + 1}`),
    ];
    expect(codes(facts({ labels: labels(like - 1) }))).toEqual([]);
    const found = implausibilities(facts({ labels: labels(like) }), rs);
    expect(found.map((f) => f.code)).toEqual(["labels-are-criteria"]);
    expect(found[0].message.vi).toMatch(/xoay ngang/);
    expect(found[0].message.vi).toContain("“Giao thông”");
    // Column headings of a form count too; areas named with their kind never do ("Khu Văn Hóa").
    expect(codes(facts({ n: 3, labels: ["Chỉ tiêu quy định", "Kết quả thực hiện", "Tự đánh giá"] }))).toEqual([
      "labels-are-criteria",
    ]);
    expect(codes(facts({ n: 3, labels: ["Khu Văn Hóa", "Thôn Giao Thông", "Xóm Thủy Lợi"] }))).toEqual([]);
    // "Tổ 5" is an area, "Tổ chức sản xuất" a criterion: tone marks tell them apart.
    expect(codes(facts({ n: 2, labels: ["Tổ 5", "Tổ dân phố 6"] }))).toEqual([]);
    expect(codes(facts({ n: 2, labels: ["Tổ chức sản xuất", "Tổ 5"] }))).toEqual(["labels-are-criteria"]);
  });

  test("a province of thousands of areas is judged on an even sample of its labels", () => {
    const n = 1000;
    const criteria = rs.criteria.map((c) => c.nameVi);
    // Every other line named after a criterion, spread through the table.
    const labels = Array.from({ length: n }, (_, k) => (k % 2 ? criteria[k % 13] : `Thôn ${k}`));
    const found = implausibilities(
      facts({ n, labels, cells: n * 22, readable: n * 22, assessments: assessments(n) }),
      rs
    );
    expect(found.map((f) => f.code)).toEqual(["labels-are-criteria"]);
    expect(found[0].message.en).toMatch(/\/200 \(mẫu \/ sampled of 1000\)/);
    const few = labels.map((l, k) => (k % 10 === 1 ? l : `Thôn ${k}`));
    expect(codes(facts({ n, labels: few, cells: n * 22, readable: n * 22, assessments: assessments(n) }))).toEqual([]);
  });

  test("almost nothing readable: below the share is implausible, at it is not", () => {
    const cells = 200;
    const at = Math.ceil(MIN_READABLE_SHARE * cells);
    expect(codes(facts({ cells, readable: at }))).toEqual([]);
    const found = implausibilities(facts({ cells, readable: at - 1 }), rs);
    expect(found.map((f) => f.code)).toEqual(["values-unreadable"]);
    expect(found[0].message.en).toContain(`${at - 1}/${cells}`);
  });

  test("every area failing every criterion: implausible from the minimum number of areas; one meeting one is enough", () => {
    const n = ALL_FAILING_MIN_AREAS;
    expect(codes(facts({ n, assessments: assessments(n, n) }))).toEqual(["all-failing"]);
    expect(codes(facts({ n: n - 1, assessments: assessments(n - 1, n - 1) }))).toEqual([]);
    expect(codes(facts({ n, assessments: assessments(n, n - 1) }))).toEqual([]);
  });
});

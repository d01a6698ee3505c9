import { ResvgRasterizer } from "../src/cli/resvg-rasterizer";
import { ANNEXED_AT_MOST } from "../src/documents/dossier-annex";
import { renderReport, ReportOptions, wordReportOf } from "../src/documents/rendered-report";
import { analyseWorkbook } from "../src/rules/analysis/analyse";
import { shortfallCounts } from "../src/rules/report/district-summary";
import { parseDossierList } from "../src/rules/report/dossier";
import { formatNumber } from "../src/rules/format";
import { InputError } from "../src/rules/message";
import { SheetResult } from "../src/rules/report/report-labels";
import { embeddedRuleset } from "../src/rules/ruleset/ruleset-document";
import { district, districtSheet, readableDistrict } from "./support/workbooks";
import { SaxesParser } from "saxes";
import { openDocx, paragraphs, tables } from "./support/docx";

/**
 * The Word report opened as Word stores it (word/document.xml and its parts): the state form of Nghị định
 * 30/2020 (A4, margins, Times New Roman, the motto block, the title, page numbers), its sections, its
 * tables agreeing with the report model, the charts as pictures and the dossier annex.
 */

const ruleset = embeddedRuleset();
const rasterizer = new ResvgRasterizer();

/** A generated district table (some areas meet every criterion), read as the command line reads it. */
async function analysed(areas: number, communes?: number): Promise<SheetResult> {
  const place = district("Thanh Ba");
  const sheet = districtSheet({
    areas,
    district: communes ? { ...place, communes: place.communes.slice(0, communes) } : place,
  });
  const [table] = (await analyseWorkbook(await readableDistrict(sheet), { ruleset, year: 2019 })).tables;
  return table;
}

async function word(results: SheetResult[], options: ReportOptions = {}) {
  const all = {
    roadmap: { startYear: 2020, targetYear: 2024, target: 40, rewardPerArea: 50_000_000 },
    year: 2019,
    ...options,
  };
  const rendered = await renderReport(results, ruleset, "vi", all, rasterizer);
  const docx = openDocx(await wordReportOf(results, ruleset, rendered, all));
  return { docx, rendered, document: docx.text("word/document.xml") };
}

const TWIPS_PER_MM = 1440 / 25.4;

describe("the Word report", () => {
  let district: SheetResult;
  beforeAll(async () => {
    district = await analysed(60);
  });

  test("is an A4 document in the state form: margins, Times New Roman 14, page numbers from page 2 at the top", async () => {
    const { docx, document } = await word([district]);
    const size = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(document)!;
    expect([Number(size[1]), Number(size[2])]).toEqual([11906, 16838]);
    const margin = (side: string) =>
      Number(new RegExp(`<w:pgMar[^>]* w:${side}="(\\d+)"`).exec(document)![1]) / TWIPS_PER_MM;
    expect(margin("top")).toBeCloseTo(20, 0);
    expect(margin("bottom")).toBeCloseTo(20, 0);
    expect(margin("left")).toBeCloseTo(30, 0);
    expect(margin("right")).toBeCloseTo(15, 0);
    const styles = docx.text("word/styles.xml");
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*w:ascii="Times New Roman"[\s\S]*<w:sz w:val="28"\/>/);
    // Every run names the font too, so no style of the reader's Word can replace it.
    expect(document.match(/w:ascii="(?!Times New Roman)[^"]+"/g)).toBeNull();
    // No number on the first page (titlePg, an empty first header), the page field at the top centre after it.
    expect(document).toContain("<w:titlePg/>");
    const headers = docx.paths.filter((p) => /^word\/header\d+\.xml$/.test(p)).map((p) => docx.text(p));
    expect(headers.some((h) => /PAGE/.test(h) && /<w:jc w:val="center"\/>/.test(h))).toBe(true);
    expect(headers.some((h) => !/PAGE/.test(h))).toBe(true);
  });

  test("opens with the letterhead, the motto with its rule, place and date, and the title in bold capitals", async () => {
    const { document } = await word([district]);
    const [head] = tables(document);
    const [left, right] = head[0];
    // A district workbook of five communes: the issuing body is left for the officer, under the province.
    expect(left.split("\n")[0]).toBe("UBND TỈNH PHÚ THỌ");
    expect(left).toMatch(/^UBND TỈNH PHÚ THỌ\n…+/);
    expect(right.split("\n").slice(0, 2)).toEqual([
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
    ]);
    expect(head[1][0]).toBe("Số: ……/BC-……");
    expect(head[1][1]).toBe("Phú Thọ, ngày …… tháng …… năm ……");
    // No district is invented, though the sheet's title names one (there are none since July 2025).
    expect(document).not.toMatch(/HUYỆN|UBND huyện/i);
    const text = paragraphs(document);
    const title = text.indexOf("BÁO CÁO");
    expect(title).toBeGreaterThan(0);
    expect(text[title + 1]).toBe(
      "Kết quả rà soát, đánh giá khu dân cư theo Bộ tiêu chí khu dân cư nông thôn mới và lộ trình đến năm 2024"
    );
    expect(document).toMatch(/<w:b\/>[\s\S]{0,400}<w:t xml:space="preserve">BÁO CÁO<\/w:t>/);
    // The rules under the motto and the title are bottom borders of their own short paragraphs.
    expect(document.match(/<w:pBdr><w:bottom w:val="single"/g)?.length).toBeGreaterThanOrEqual(3);
  });

  test("a commune's own workbook names its committee, its number symbol, place and signer", async () => {
    const one = await analysed(12, 1);
    const { document } = await word([one]);
    const [head] = tables(document);
    // "Thị trấn Thanh Ba": a town keeps its kind; a name without one is a "xã".
    const commune = one.assessments[0].area.commune;
    expect(commune).toBe("Thị trấn Thanh Ba");
    expect(head[0][0].split("\n").slice(0, 2)).toEqual(["ỦY BAN NHÂN DÂN", "THỊ TRẤN THANH BA"]);
    expect(head[1][0]).toBe("Số: ……/BC-UBND");
    expect(head[1][1]).toBe("Thanh Ba, ngày …… tháng …… năm ……");
    const text = paragraphs(document).join("\n");
    expect(text).toContain("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
    expect(text).toContain("Ủy ban nhân dân thị trấn Thanh Ba báo cáo kết quả rà soát");
  });

  test("has the sections the letter asks for, with the provisional note wherever results are shown", async () => {
    const { document } = await word([district]);
    const text = paragraphs(document);
    for (const heading of [
      "I. KẾT QUẢ RÀ SOÁT, ĐÁNH GIÁ",
      "1. Kết quả chung",
      "2. Kết quả theo từng xã",
      "3. Các tiêu chí còn nhiều khu dân cư chưa đạt",
      "4. Các khu dân cư gần đạt chuẩn",
      "II. LỘ TRÌNH XÂY DỰNG KHU DÂN CƯ NÔNG THÔN MỚI ĐẾN NĂM 2024",
      "1. Số khu dân cư phấn đấu đạt chuẩn theo từng năm",
      "2. Phân bổ theo năm và theo xã",
      "3. Kinh phí thưởng; hỗ trợ của nhà nước và huy động cộng đồng",
      "III. ĐỀ XUẤT, KIẾN NGHỊ",
      "Nơi nhận:",
    ]) {
      expect(text).toContain(heading);
    }
    // Results, roadmap and the annex each carry the note.
    expect(text.filter((p) => p.startsWith("Lưu ý (ngưỡng tạm tính):")).length).toBe(3);
    // The proposals are left for the officer: lines of dots.
    const proposals = text.indexOf("III. ĐỀ XUẤT, KIẾN NGHỊ");
    expect(text.slice(proposals + 2, proposals + 6).every((p) => /^…+$/.test(p))).toBe(true);
  });

  test("its tables agree with the report model: communes, criteria, near-standard areas, roadmap years and funding", async () => {
    const { document, rendered } = await word([district]);
    const all = tables(document);
    const communeTable = all.find((t) => t[0][1] === "Xã")!;
    const communes = [...new Set(district.assessments.map((a) => a.area.commune))];
    expect(communeTable).toHaveLength(communes.length + 2);
    communes.forEach((c, k) => {
      const t = shortfallCounts(district.assessments.filter((a) => a.area.commune === c));
      expect(communeTable[k + 1].slice(1, 7)).toEqual([
        c,
        ...[t.areas, t.meetsAll, t.short1, t.short2, t.short3].map(String),
      ]);
    });
    const total = shortfallCounts(district.assessments);
    expect(communeTable[communeTable.length - 1].slice(2, 4)).toEqual([String(total.areas), String(total.meetsAll)]);

    const close = district.assessments.filter((a) => a.notMet.length === 1 || a.notMet.length === 2);
    const closeTable = all.find((t) => t[0][4] === "Tiêu chí còn thiếu")!;
    expect(closeTable).toHaveLength(close.length + 1);

    const plan = rendered.report.plan!;
    const years = all.find((t) => t[0][1] === "Số khu đạt chuẩn trong năm")!;
    expect(years.slice(1, -1).map((r) => [r[0], r[1], r[2]])).toEqual(
      plan.years.map((y) => [String(y.year), String(y.planned), String(y.cumulative)])
    );
    // Reward spending: 50.000.000 đồng a newly recognised area, in Vietnamese figures.
    expect(plan.years[0].rewardSpending).toBe(plan.years[0].planned * 50_000_000);
    expect(years[1][6]).toBe(formatNumber(plan.years[0].rewardSpending, "vi"));
    const perCommune = all.find((t) => t[0][3] === "Các khu dân cư phấn đấu đạt chuẩn")!;
    expect(perCommune.length - 1).toBe(plan.years.reduce((s, y) => s + y.communes.length, 0));
    const funding = all.find((t) => /Hỗ trợ của nhà nước/.test(t[0][1]))!;
    expect(funding[1][1]).toMatch(/Cộng: \d+$/);
  });

  test("carries the three charts as PNG pictures, each with its caption", async () => {
    const { docx, document } = await word([district]);
    const media = docx.paths.filter((p) => p.startsWith("word/media/"));
    expect(media).toHaveLength(3);
    for (const m of media) {
      const png = docx.bytes(m);
      expect([...png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(png.length).toBeGreaterThan(10_000);
    }
    expect(document.match(/<w:drawing>/g)).toHaveLength(3);
    const text = paragraphs(document);
    expect(text).toContain("Biểu đồ 1. Phân bố khu dân cư theo số tiêu chí đạt");
    expect(text).toContain("Biểu đồ 2. Các tiêu chí có nhiều khu dân cư chưa đạt nhất");
    expect(text).toContain("Biểu đồ 3. Số khu đạt chuẩn dự kiến (lũy kế) so với mục tiêu");
  });

  test("annexes the dossier of every area meeting all criteria, criterion by criterion, its pages numbered afresh", async () => {
    const { document, rendered } = await word([district]);
    const dossier = rendered.report.dossier;
    expect(dossier.length).toBeGreaterThan(0);
    const text = paragraphs(document);
    const annex = text.indexOf("Phụ lục");
    expect(annex).toBeGreaterThan(text.indexOf("Nơi nhận:"));
    expect(text[annex + 2]).toMatch(/^\(Kèm theo Báo cáo số ……\/BC-…… ngày …… tháng …… năm …… của …+\)$/);
    for (const [k, d] of dossier.entries()) {
      expect(text).toContain(`${k + 1}. ${d.assessment.area.name}, ${d.assessment.area.commune}: đạt 13/13 tiêu chí`);
    }
    const annexTables = tables(document).filter(
      (t) => t[0].join("|") === "TT|Tiêu chí|Chỉ tiêu|Yêu cầu|Kết quả thực hiện|Đánh giá"
    );
    expect(annexTables).toHaveLength(dossier.length);
    // One line per indicator (22), every one "Đạt"; a criterion's name once over its indicators.
    expect(annexTables[0]).toHaveLength(ruleset.indicators.length + 1);
    expect(annexTables[0].slice(1).every((r) => r[r.length - 1] === "Đạt")).toBe(true);
    expect(document).toMatch(/<w:vMerge w:val="restart"\/>/);
    // Two sections: the report, then the annex restarting its page numbers.
    expect(document.match(/<w:sectPr/g)).toHaveLength(2);
    expect(document).toMatch(/<w:pgNumType w:start="1"\/>/);
  });

  test("a roll-up with more areas at the standard than an annex should carry lists them and points to the sheet", async () => {
    const met = district.assessments.filter((a) => a.meetsAll);
    const many = Array.from({ length: ANNEXED_AT_MOST + 5 }, (_, k) => {
      const a = met[k % met.length];
      return { ...a, area: { ...a.area, name: `Khu số ${k + 1}` } };
    });
    const { document } = await word([{ ...district, assessments: [...district.assessments, ...many] }]);
    const text = paragraphs(document);
    const total = met.length + many.length;
    expect(text).toContain(
      `Danh sách ${total} khu đạt đủ tiêu chí tại Phụ lục kèm theo; bảng đánh giá từng tiêu chí của từng khu tại trang “NTM - Hồ sơ công nhận” của báo cáo Excel.`
    );
    const list = tables(document).find((t) => t[0].join("|") === "TT|Xã|Khu dân cư|Số tiêu chí đạt")!;
    expect(list).toHaveLength(total + 1);
    expect(document).not.toMatch(/: đạt 13\/13 tiêu chí</);
  });

  test("annexes the areas the officer lists; a name not in the table is refused by name; no annex when none qualifies", async () => {
    const listed = district.assessments.filter((a) => !a.meetsAll).slice(0, 2);
    const refs = parseDossierList(listed.map((a) => `${a.area.commune}/${a.area.name}`).join("; "));
    const { document } = await word([district], { dossier: refs });
    const text = paragraphs(document);
    expect(text).toContain(`Hồ sơ đánh giá từng tiêu chí của 2 khu được chọn tại Phụ lục kèm theo.`);
    expect(text).toContain(
      `1. ${listed[0].area.name}, ${listed[0].area.commune}: đạt ${listed[0].metCount}/13 tiêu chí`
    );

    await expect(word([district], { dossier: parseDossierList("Xã Không Có/Khu 99") })).rejects.toThrow(InputError);

    const none = district.assessments.filter((a) => !a.meetsAll);
    const withoutMet: SheetResult = { ...district, assessments: none };
    const { document: plain } = await word([withoutMet]);
    expect(paragraphs(plain)).toContain("Chưa có khu dân cư nào đạt đủ 13/13 tiêu chí để đề nghị công nhận.");
    expect(plain).not.toContain("Phụ lục");
    expect(plain.match(/<w:sectPr/g)).toHaveLength(1);
  });

  test("names read from a file with characters XML cannot carry still give a well-formed document", async () => {
    const [first, ...rest] = district.assessments;
    const odd: SheetResult = {
      ...district,
      assessments: [{ ...first, area: { ...first.area, name: "Khu\uFFFF Đỏ\u0001" } }, ...rest],
    };
    const { document } = await word([odd], {
      dossier: parseDossierList(`${first.area.commune}/${odd.assessments[0].area.name}`),
    });
    const parser = new SaxesParser();
    const errors: string[] = [];
    parser.on("error", (e) => errors.push(e.message));
    parser.write(document).close();
    expect(errors).toEqual([]);
    expect(paragraphs(document).some((p) => p.includes("Khu Đỏ"))).toBe(true);
  });
});

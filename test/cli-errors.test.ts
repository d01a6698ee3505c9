import * as fs from "fs";
import * as path from "path";
import { builtCli, Run, runNtm, sha1, tempDir, writeDistrict, writeWorkbook } from "./support/workbooks";

let bin: string;
let dir: string;
let good: string;

beforeAll(async () => {
  bin = builtCli();
  dir = tempDir("errors");
  good = path.join(dir, "thanh-ba.xlsx");
  await writeDistrict(good, { areas: 15, seed: 31 });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (name: string) => path.join(dir, name);

/** A failure the user can act on: both languages, the exit code of its class, no stack trace, no report. */
function expectFailure(run: Run, code: number, vi: RegExp, en: RegExp, report?: string): void {
  expect(run.status).toBe(code);
  expect(run.stderr).toMatch(/^Lỗi: /m);
  expect(run.stderr).toMatch(/^Error: /m);
  expect(run.stderr).toMatch(vi);
  expect(run.stderr).toMatch(en);
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(run.stdout).toBe("");
  if (report) expect(fs.existsSync(report)).toBe(false);
}

/** No temporary file left behind in the folder. */
const leftovers = () => fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"));

describe("ntm analyse on bad input: a clear message, a non-zero exit, nothing half-written", () => {
  test("a missing file (exit 3)", () => {
    const out = file("r1.xlsx");
    expectFailure(
      runNtm(bin, ["analyse", file("khong-co.xlsx"), "--out", out]),
      3,
      /Không tìm thấy tệp/,
      /File not found/,
      out
    );
  });

  test("a file that is not an .xlsx: text, CSV, empty (exit 3)", () => {
    const text = file("ghi-chu.xlsx");
    fs.writeFileSync(text, "TT;Khu dân cư;Giao thông\n1;Khu 1;85\n");
    expectFailure(
      runNtm(bin, ["analyse", text]),
      3,
      /không phải sổ làm việc Excel \.xlsx/,
      /not an Excel \.xlsx workbook/
    );
    const csv = file("so-lieu.csv");
    fs.writeFileSync(csv, "TT,Khu dân cư\n1,Khu 1\n");
    expectFailure(
      runNtm(bin, ["analyse", csv, "--out", file("r2.xlsx")]),
      3,
      /đuôi \.csv/,
      /extension \.csv/,
      file("r2.xlsx")
    );
    const empty = file("rong.xlsx");
    fs.writeFileSync(empty, "");
    expectFailure(runNtm(bin, ["analyse", empty]), 3, /Tệp rỗng/, /empty \(0 bytes\)/);
  });

  test("a corrupt workbook (exit 3)", () => {
    const broken = file("hong.xlsx");
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(broken, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectFailure(runNtm(bin, ["analyse", broken]), 3, /bị hỏng/, /corrupt/);
  });

  test("a password-protected workbook or an old .xls: the OLE signature is recognised (exit 3)", () => {
    const locked = file("co-mat-khau.xlsx");
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    fs.writeFileSync(locked, Buffer.concat([header, Buffer.alloc(4096)]));
    expectFailure(
      runNtm(bin, ["analyse", locked]),
      3,
      /đặt mật khẩu hoặc là tệp \.xls cũ/,
      /password-protected or an old \.xls/
    );
  });

  test("an empty sheet (exit 4)", async () => {
    const blank = file("trang-trong.xlsx");
    await writeWorkbook(blank, [{ name: "Sheet1", rows: [[null, " "], []] }]);
    expectFailure(runNtm(bin, ["analyse", blank]), 4, /trống/, /empty/);
  });

  test("a sheet without recognisable columns: the headers found are listed (exit 4)", async () => {
    const staff = file("can-bo.xlsx");
    await writeWorkbook(staff, [
      {
        name: "Cán bộ",
        rows: [
          ["DANH SÁCH CÁN BỘ PHỤ TRÁCH"],
          [],
          ["Họ và tên", "Chức vụ", "Đơn vị công tác"],
          ["Nguyễn Văn An", "Phó chủ tịch", "UBND xã Tiên Kiên"],
        ],
      },
    ]);
    const run = runNtm(bin, ["analyse", staff]);
    expectFailure(run, 4, /Không tìm thấy bảng khu dân cư/, /No residential-area table found/);
    expect(run.stderr).toContain('"Họ và tên"');
    expect(run.stderr).toMatch(/^Gợi ý: chọn trang có bảng bằng --sheet/m);
    expect(run.stderr).toContain("can-bo.xlsx › ");
  });

  test("an unknown --sheet names the sheets there are (exit 4)", () => {
    expectFailure(
      runNtm(bin, ["analyse", good, "--sheet", "Không có"]),
      4,
      /Không có trang "Không có"/,
      /No sheet "Không có"/
    );
  });

  test("an unreadable ruleset: located JSON fault, missing file (exit 5)", () => {
    const bad = file("bo-tieu-chi.json");
    fs.writeFileSync(bad, '{\n  "criteria": [\n    { "id": "TC01", }\n  ]\n}\n');
    const run = runNtm(bin, ["analyse", good, "--ruleset", bad, "--out", file("r3.xlsx")]);
    expectFailure(run, 5, /không phải JSON hợp lệ \(dòng 3, cột/, /not valid JSON \(line 3, column/, file("r3.xlsx"));
    expect(run.stderr).toContain("bo-tieu-chi.json:3:");
    expectFailure(
      runNtm(bin, ["analyse", good, "--ruleset", file("khong-co.json")]),
      5,
      /Không đọc được tệp bộ tiêu chí/,
      /Cannot read the ruleset file/
    );
    const noCriteria = file("thieu.json");
    fs.writeFileSync(noCriteria, '{"id": "x"}');
    expectFailure(
      runNtm(bin, ["analyse", good, "--ruleset", noCriteria]),
      5,
      /Thiếu danh sách "criteria"/,
      /"criteria" list is missing/
    );
  });

  test("an existing report is kept without --force, replaced with it; the input is never the output (exit 6)", () => {
    const out = file("bao-cao.xlsx");
    fs.writeFileSync(out, "báo cáo cũ");
    expectFailure(
      runNtm(bin, ["analyse", good, "--out", out]),
      6,
      /đã có\. Thêm --force/,
      /already exists\. Add --force/
    );
    expect(fs.readFileSync(out, "utf8")).toBe("báo cáo cũ");
    expect(runNtm(bin, ["analyse", good, "--out", out, "--force"]).status).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    const before = sha1(good);
    expectFailure(
      runNtm(bin, ["analyse", good, "--out", good, "--force"]),
      6,
      /không được ghi đè lên tệp đầu vào/,
      /must not replace an input/
    );
    expect(sha1(good)).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  test("one bad file among several: every fault listed, no report at all (exit of the first)", () => {
    const out = file("toan-tinh.xlsx");
    const locked = file("huyen-khoa.xlsx");
    fs.writeFileSync(locked, Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(512)]));
    const run = runNtm(bin, ["analyse", good, file("khong-co.xlsx"), locked, "--out", out]);
    expectFailure(
      run,
      3,
      /khong-co\.xlsx: Không tìm thấy tệp/,
      /huyen-khoa\.xlsx: The file is password-protected/,
      out
    );
    expect(leftovers()).toEqual([]);
  });

  test("usage faults (exit 2): unknown option or command, missing file, bad --year or --lang", () => {
    expectFailure(
      runNtm(bin, ["analyse", good, "--outt", "x.xlsx"]),
      2,
      /Tùy chọn không có: --outt/,
      /Unknown option: --outt/
    );
    expectFailure(runNtm(bin, ["analyse"]), 2, /Cần ít nhất một tệp/, /At least one \.xlsx file/);
    expectFailure(
      runNtm(bin, ["analyse", good, "--year", "hai nghìn"]),
      2,
      /--year phải là số nguyên/,
      /--year must be a whole number/
    );
    expectFailure(
      runNtm(bin, ["analyse", good, "--lang", "fr"]),
      2,
      /--lang nhận một trong: vi, en/,
      /--lang takes one of: vi, en/
    );
    expectFailure(runNtm(bin, ["analyse", good, "--out"]), 2, /--out cần một giá trị/, /--out needs a value/);
    expectFailure(
      runNtm(bin, ["analyse", good, "--out", "bao-cao.pdf"]),
      2,
      /phải là tệp \.xlsx/,
      /must be an \.xlsx file/
    );
    expectFailure(runNtm(bin, ["phan-tich", good]), 2, /Không có lệnh "phan-tich"/, /No command "phan-tich"/);
  });

  test("bin/ntm.js without a build says how to build", () => {
    const bare = file("bare");
    fs.mkdirSync(path.join(bare, "bin"), { recursive: true });
    fs.copyFileSync(path.join(__dirname, "..", "bin", "ntm.js"), path.join(bare, "bin", "ntm.js"));
    expectFailure(runNtm(path.join(bare, "bin", "ntm.js"), ["--version"]), 1, /npm run build:cli/, /not built yet/);
  });
});

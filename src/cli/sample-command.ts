import * as path from "path";
import { Language } from "../rules/message";
import { foldText } from "../rules/ruleset";
import { embeddedRuleset } from "../rules/ruleset-document";
import { choiceOption, integerOption, OptionSpec, parseArgs, usageError } from "./args";
import { EXIT } from "./exit-codes";
import { refuseExisting, writeFileOutput } from "./files";
import { Io } from "./io";
import { sampleSheet, sampleWorkbook } from "./sample";
import { DISTRICTS, findDistrict } from "./sample-places";

export const SAMPLE_OPTIONS: OptionSpec = {
  out: { kind: "value", short: "o" },
  district: { kind: "value" },
  areas: { kind: "value" },
  layout: { kind: "value" },
  seed: { kind: "value" },
  force: { kind: "flag", short: "f" },
  lang: { kind: "value" },
  help: { kind: "flag", short: "h" },
};

export const SAMPLE_YEAR = 2019;
export const SAMPLE_SEED = 2019;

const slug = (text: string): string =>
  foldText(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** `ntm sample [--out FILE] [--district NAME] [--areas N] [--layout indicators|status] [--seed N] [--force]` */
export async function sampleCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, SAMPLE_OPTIONS);
  const language = choiceOption(args, "lang", ["vi", "en"] as const, "vi");
  if (args.flags.has("help")) {
    io.out(SAMPLE_HELP[language]);
    return EXIT.ok;
  }
  if (args.positionals.length > 0) {
    throw usageError(
      args.positionals[0],
      "ntm sample không nhận tên tệp; dùng --out TỆP.xlsx.",
      "ntm sample takes no file name; use --out FILE.xlsx."
    );
  }
  const districtName = args.values.get("district") ?? "Thanh Ba";
  const district = findDistrict(districtName);
  if (!district) {
    const known = DISTRICTS.map((d) => d.name).join(", ");
    throw usageError(
      "--district",
      `Không có huyện "${districtName}" của Phú Thọ. Chọn một trong: ${known}.`,
      `"${districtName}" is not a Phú Thọ district. Choose one of: ${known}.`
    );
  }
  const areas = integerOption(args, "areas", 1, 5000) ?? 150;
  const seed = integerOption(args, "seed", 0, 2 ** 31 - 1) ?? SAMPLE_SEED;
  const layout = choiceOption(args, "layout", ["indicators", "status"] as const, "indicators");
  const out =
    args.values.get("out") ??
    `${slug(`${district.kind} ${district.name}`)}-${SAMPLE_YEAR}${layout === "status" ? "-danh-gia" : ""}.xlsx`;
  if (path.extname(out).toLowerCase() !== ".xlsx") {
    throw usageError(
      "--out",
      `Tệp mẫu phải là tệp .xlsx, không phải "${out}".`,
      `The sample must be an .xlsx file, not "${out}".`
    );
  }
  refuseExisting(out, args.flags.has("force"));
  const sheet = sampleSheet(embeddedRuleset(), { district, areas, layout, seed, year: SAMPLE_YEAR });
  const bytes = new Uint8Array(await sampleWorkbook(sheet, { year: SAMPLE_YEAR }).xlsx.writeBuffer());
  await writeFileOutput(out, bytes);
  const complete = sheet.areas.filter((a) => a.notMet.length === 0).length;
  io.out(
    language === "vi"
      ? `Đã ghi tệp mẫu: ${out} (${district.kind} ${district.name}: ${sheet.areas.length} khu dân cư ở ${sheet.communes.length} xã, ${complete} khu đạt đủ ${embeddedRuleset().criteria.length} tiêu chí; bố cục: ${layout === "indicators" ? "giá trị chỉ tiêu" : "Đạt/Chưa đạt theo tiêu chí"}; seed ${seed})`
      : `Sample written: ${out} (${district.name}: ${sheet.areas.length} areas in ${sheet.communes.length} communes, ${complete} meeting all ${embeddedRuleset().criteria.length} criteria; layout: ${layout === "indicators" ? "indicator values" : "met/not met per criterion"}; seed ${seed})`
  );
  return EXIT.ok;
}

export const SAMPLE_HELP: Record<Language, string> = {
  vi: `Cách dùng: ntm sample [tùy chọn]

Ghi một bảng tổng hợp khu dân cư mẫu của một huyện (số liệu giả lập, giống cách các huyện nhập liệu).

  -o, --out TỆP.xlsx      nơi ghi (mặc định: huyen-thanh-ba-2019.xlsx)
      --district TÊN      huyện của Phú Thọ (mặc định: Thanh Ba)
      --areas N           số khu dân cư (mặc định 150)
      --layout indicators|status  giá trị từng chỉ tiêu (mặc định) hoặc Đạt/Chưa đạt theo tiêu chí
      --seed N            hạt ngẫu nhiên: cùng seed cho cùng tệp (mặc định ${SAMPLE_SEED})
  -f, --force             ghi đè tệp đã có`,
  en: `Usage: ntm sample [options]

Write a sample district workbook of residential areas (made-up figures, typed the way districts type them).

  -o, --out FILE.xlsx     where to write (default: huyen-thanh-ba-2019.xlsx)
      --district NAME     a Phú Thọ district (default: Thanh Ba)
      --areas N           number of residential areas (default 150)
      --layout indicators|status  one value per indicator (default) or met/not met per criterion
      --seed N            random seed: the same seed gives the same file (default ${SAMPLE_SEED})
  -f, --force             replace an existing file`,
};

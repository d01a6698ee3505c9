import { Language, msg } from "../../rules/message";
import { foldText } from "../../rules/fold";
import { embeddedRuleset } from "../../rules/ruleset/ruleset-document";
import { choiceOption, integerOption, OptionSpec, readArguments, usageError } from "../args";
import { EXIT } from "../exit-codes";
import { checkOutput, OutputKind, writeFileOutput } from "../output-files";
import { Io } from "../io";
import { communeName, SAMPLE_SHAPES, sampleBook, sampleBookWorkbook } from "./shapes";
import { DISTRICTS, findDistrict } from "./places";

export const SAMPLE_OPTIONS = {
  out: { type: "string", short: "o" },
  district: { type: "string" },
  areas: { type: "string" },
  layout: { type: "string" },
  shape: { type: "string" },
  commune: { type: "string" },
  seed: { type: "string" },
  force: { type: "boolean", short: "f" },
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionSpec;

const SAMPLE_FILE: OutputKind = { option: "--out", extension: ".xlsx", what: msg("Tệp mẫu", "The sample") };

export const SAMPLE_YEAR = 2019;
export const SAMPLE_SEED = 2019;

const slug = (text: string): string =>
  foldText(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * `ntm sample [--out FILE] [--shape district|communes|commune|sideways] [--district NAME] [--commune NAME]
 * [--areas N] [--layout indicators|status] [--seed N] [--force]`
 */
export async function sampleCommand(argv: string[], io: Io): Promise<number> {
  const args = readArguments(argv, SAMPLE_OPTIONS);
  const language = choiceOption("lang", args.values.lang, ["vi", "en"] as const, "vi");
  if (args.values.help === true) {
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
  const districtName = args.values.district ?? "Thanh Ba";
  const district = findDistrict(districtName);
  if (!district) {
    const known = DISTRICTS.map((d) => d.name).join(", ");
    throw usageError(
      "--district",
      `Không có huyện "${districtName}" của Phú Thọ. Chọn một trong: ${known}.`,
      `"${districtName}" is not a Phú Thọ district. Choose one of: ${known}.`
    );
  }
  const shape = choiceOption("shape", args.values.shape, SAMPLE_SHAPES, "district");
  const oneCommune = shape === "commune" || shape === "sideways";
  const commune = communeName(args.values.commune ?? district.communes[0]);
  // A commune has about a dozen areas; a district about 150.
  const areas = integerOption("areas", args.values.areas, 1, 5000) ?? (oneCommune ? 12 : 150);
  const seed = integerOption("seed", args.values.seed, 0, 2 ** 31 - 1) ?? SAMPLE_SEED;
  const layout = choiceOption("layout", args.values.layout, ["indicators", "status"] as const, "indicators");
  const place =
    shape === "district"
      ? `${district.kind} ${district.name}`
      : shape === "communes"
        ? `cac xa ${district.name}`
        : `${commune}${shape === "sideways" ? " ngang" : ""}`;
  const out = args.values.out ?? `${slug(place)}-${SAMPLE_YEAR}${layout === "status" ? "-danh-gia" : ""}.xlsx`;
  // A sample is made from the built-in ruleset and place names: it reads no file that it could replace.
  checkOutput(out, SAMPLE_FILE, [], args.values.force === true);
  const book = sampleBook(embeddedRuleset(), { shape, district, commune, areas, layout, seed, year: SAMPLE_YEAR });
  const creator =
    shape === "district" ? `UBND ${district.kind} ${district.name}` : oneCommune ? `UBND ${commune}` : "ntm sample";
  const bytes = new Uint8Array(await sampleBookWorkbook(book, { year: SAMPLE_YEAR, creator }).xlsx.writeBuffer());
  await writeFileOutput(out, bytes);
  const complete = book.areas.filter((a) => a.notMet.length === 0).length;
  const where = oneCommune ? commune : `${district.kind} ${district.name}`;
  const whereEn = oneCommune ? commune : district.name;
  io.out(
    language === "vi"
      ? `Đã ghi tệp mẫu: ${out} (${where}: ${book.areas.length} khu dân cư ở ${book.communes.length} xã, ${complete} khu đạt đủ ${embeddedRuleset().criteria.length} tiêu chí; dạng: ${SHAPE_TEXT[shape].vi}; bố cục: ${layout === "indicators" ? "giá trị chỉ tiêu" : "Đạt/Chưa đạt theo tiêu chí"}; seed ${seed})`
      : `Sample written: ${out} (${whereEn}: ${book.areas.length} areas in ${book.communes.length} communes, ${complete} meeting all ${embeddedRuleset().criteria.length} criteria; shape: ${SHAPE_TEXT[shape].en}; layout: ${layout === "indicators" ? "indicator values" : "met/not met per criterion"}; seed ${seed})`
  );
  return EXIT.ok;
}

const SHAPE_TEXT = {
  district: { vi: "bảng tổng hợp của huyện", en: "a district roll-up" },
  communes: { vi: "mỗi xã một trang, sau trang hướng dẫn", en: "one sheet per commune after a cover sheet" },
  commune: { vi: "sổ của một xã, tên xã ở tiêu đề", en: "a commune's own workbook, its name in the title" },
  sideways: { vi: "bảng ngang của một xã, mỗi khu một cột", en: "a commune's sideways form, one column per area" },
} as const;

export const SAMPLE_HELP: Record<Language, string> = {
  vi: `Cách dùng: ntm sample [tùy chọn]

Ghi một sổ khu dân cư mẫu (số liệu giả lập, giống cách các huyện, xã nhập liệu).

  -o, --out TỆP.xlsx      nơi ghi (mặc định: huyen-thanh-ba-2019.xlsx, cac-xa-thanh-ba-2019.xlsx, …)
      --shape DẠNG        district: bảng tổng hợp của huyện (mặc định); communes: mỗi xã một trang sau
                          trang hướng dẫn; commune: sổ của một xã (tên xã ở tiêu đề, không cột xã);
                          sideways: bảng ngang của một xã (tiêu chí theo dòng, mỗi khu một cột)
      --district TÊN      huyện của Phú Thọ, nơi lấy tên xã (mặc định: Thanh Ba)
      --commune TÊN       xã của dạng commune, sideways (mặc định: xã đầu tiên của huyện)
      --areas N           số khu dân cư (mặc định 150; 12 cho một xã)
      --layout indicators|status  giá trị từng chỉ tiêu (mặc định) hoặc Đạt/Chưa đạt theo tiêu chí
      --seed N            hạt ngẫu nhiên: cùng seed cho cùng tệp (mặc định ${SAMPLE_SEED})
  -f, --force             ghi đè tệp đã có`,
  en: `Usage: ntm sample [options]

Write a sample workbook of residential areas (made-up figures, typed the way districts and communes type them).

  -o, --out FILE.xlsx     where to write (default: huyen-thanh-ba-2019.xlsx, cac-xa-thanh-ba-2019.xlsx, …)
      --shape SHAPE       district: a district roll-up (default); communes: one sheet per commune after a
                          cover sheet; commune: a commune's own workbook (its name in the title, no commune
                          column); sideways: a commune's sideways form (criteria down the rows, one column per area)
      --district NAME     a Phú Thọ district, where commune names come from (default: Thanh Ba)
      --commune NAME      the commune of the commune and sideways shapes (default: the district's first)
      --areas N           number of residential areas (default 150; 12 for one commune)
      --layout indicators|status  one value per indicator (default) or met/not met per criterion
      --seed N            random seed: the same seed gives the same file (default ${SAMPLE_SEED})
  -f, --force             replace an existing file`,
};

import { AreaAssessment } from "../assessment/assessment";
import { criterionLabelConfidence, isQualifierText, MIN_CONFIDENCE } from "./columns";
import { Message, msg } from "../message";
import { foldText, Ruleset } from "../ruleset/ruleset";
import { ReadingMemory } from "./reading-memory";

/**
 * Checks made on a table's reading before any result is written: a reading that trips one is not
 * believed. The hosts then read the sheet the other way (turned sideways) or refuse, saying what was
 * seen, rather than report garbage with a success code.
 *
 * The thresholds: each is far from what a real district, commune or province table gives, and close to
 * what a misread table gives (a sideways form read the usual way names its 13 "areas" after criteria and
 * fails them all).
 */

/** More than this share of areas without a name: the area column is not where the reading put it. */
export const UNNAMED_SHARE = 0.5;
/** At least this share of areas called by a criterion's or a column heading's name: criteria run down the rows. */
export const CRITERIA_LABEL_SHARE = 0.5;
/** How surely a label must name a criterion or indicator to count as one (the pane trusts 0.8 and above). */
export const CRITERIA_LABEL_CONFIDENCE = 0.7;
/** Fewer than this share of value cells readable (numbers, Đạt/Chưa đạt, Có/Không): almost nothing to assess. */
export const MIN_READABLE_SHARE = 0.2;
/** From this many areas, every one failing every criterion is a misreading, not a real district. */
export const ALL_FAILING_MIN_AREAS = 3;
/**
 * Labels looked at, spread evenly over the areas: enough to tell a share of a half, and a bounded cost
 * on a province of thousands of areas (each new label is matched against the ruleset once).
 */
export const LABEL_SAMPLE = 200;

/** What a reading gives the checks. */
export interface ReadingFacts {
  assessments: AreaAssessment[];
  /** Per area, its name, or for an area without one the first label of its line. */
  labels: string[];
  /** Areas whose line had values but no name. */
  unnamed: number;
  /** Value cells of the areas (areas × criterion and indicator columns), and those read as a value. */
  cells: number;
  readable: number;
}

/** One thing the checks saw, said to the user. */
export type Implausibility = { code: string; message: Message };

/**
 * An area's name starts with the words areas are called by ("Khu 1", "Thôn Đồng Xuân", "Tổ 5", "TDP 3"),
 * compared with tone marks ("Tổ chức sản xuất" is a criterion, "Tổ 5" an area); folded for names typed
 * without them.
 */
const AREA_WORDS = /^(khu|thôn|xóm|bản|làng|ấp|khóm|tdp|kdc|đội|cụm|buôn|liên thôn)(\s|$|\d)|^tổ\s*(\d|dân phố)/u;
const AREA_WORDS_FOLDED = /^(khu|thon|xom|ban|lang|ap|khom|tdp|kdc|doi|cum|buon|lien thon)(\s|$|\d)|^to\s*(\d|dan pho)/;

function areaLike(label: string): boolean {
  const lower = label.normalize("NFC").toLocaleLowerCase("vi").trim();
  const folded = foldText(label).trim();
  return folded === lower ? AREA_WORDS_FOLDED.test(folded) : AREA_WORDS.test(lower);
}

/** Words that head a column of a form: "Chỉ tiêu", "Kết quả thực hiện", "Ghi chú", "Đơn vị tính". */
const HEADING_WORDS =
  /^(ghi chu|don vi tinh|dvt|noi dung|nguong|muc tieu|chi tieu quy dinh|ke hoach|yeu cau|tu danh gia|tt|stt)$/;

/** A label that names a criterion, an indicator or a column heading rather than a place. */
function criterionLike(label: string, ruleset: Ruleset, memory: ReadingMemory): boolean {
  const folded = foldText(label).trim();
  if (folded === "" || areaLike(label)) return false;
  if (HEADING_WORDS.test(folded) || isQualifierText(label, memory)) return true;
  return criterionLabelConfidence(label, ruleset, memory) >= Math.max(MIN_CONFIDENCE, CRITERIA_LABEL_CONFIDENCE);
}

const quoteSome = (items: string[], max = 4): string =>
  items
    .slice(0, max)
    .map((t) => `“${t.length > 30 ? t.slice(0, 29) + "…" : t}”`)
    .join(", ") + (items.length > max ? ", …" : "");

/** Everything that makes a reading implausible; none: the reading can be believed. */
export function implausibilities(
  facts: ReadingFacts,
  ruleset: Ruleset,
  memory: ReadingMemory = new ReadingMemory()
): Implausibility[] {
  const n = facts.assessments.length;
  if (n === 0) return [];
  const out: Implausibility[] = [];
  const step = Math.max(1, facts.labels.length / LABEL_SAMPLE);
  const sample: string[] = [];
  for (let k = 0; k < facts.labels.length; k += step) sample.push(facts.labels[Math.floor(k)]);
  const like = sample.filter((l) => criterionLike(l, ruleset, memory));
  if (sample.length > 0 && like.length >= CRITERIA_LABEL_SHARE * sample.length) {
    const of = sample.length === n ? `${like.length}/${n}` : `${like.length}/${sample.length} (mẫu / sampled of ${n})`;
    out.push({
      code: "labels-are-criteria",
      message: msg(
        `${of} dòng có tên là tên tiêu chí, chỉ tiêu hay tiêu đề cột (${quoteSome(like)}): bảng có bị xoay ngang không (tiêu chí theo dòng, mỗi khu một cột)?`,
        `${of} lines are named like criteria, indicators or column headings (${quoteSome(like)}): is the table turned sideways (criteria down the rows, one column per area)?`
      ),
    });
  }
  if (facts.unnamed > UNNAMED_SHARE * n) {
    out.push({
      code: "areas-unnamed",
      message: msg(
        `${facts.unnamed}/${n} khu không có tên: không thấy cột tên khu dân cư.`,
        `${facts.unnamed}/${n} areas have no name: no area-name column was found.`
      ),
    });
  }
  const { cells, readable } = facts;
  if (cells > 0 && readable < MIN_READABLE_SHARE * cells) {
    out.push({
      code: "values-unreadable",
      message: msg(
        `chỉ ${readable}/${cells} ô số liệu đọc được (số, Đạt/Chưa đạt, Có/Không): gần như không có gì để đánh giá.`,
        `only ${readable}/${cells} value cells could be read (numbers, met/not met, yes/no): almost nothing to assess.`
      ),
    });
  }
  if (n >= ALL_FAILING_MIN_AREAS && facts.assessments.every((a) => a.metCount === 0)) {
    out.push({
      code: "all-failing",
      message: msg(`cả ${n} khu đều không đạt tiêu chí nào.`, `all ${n} areas fail every criterion.`),
    });
  }
  return out;
}

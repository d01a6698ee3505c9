import { Criterion, foldText, Indicator, Ruleset } from "../../ruleset/ruleset";
import { ReadingMemory } from "../reading-memory";
import { ColumnRole, FixedRoleKind, FIXED_ROLE_KINDS, fixedRole } from "./roles";
import { words } from "./header-text";
import { isNegated } from "./header-match";

/* The per-ruleset index: every role's phrases as weighted words, built once per reading (see ReadingMemory). */

const FIXED_LABELS: Record<FixedRoleKind, string[]> = {
  order: ["tt", "stt", "so tt", "so thu tu", "thu tu"],
  commune: [
    "xa",
    "ten xa",
    "thuoc xa",
    "xa phuong thi tran",
    "xa phuong",
    "ten xa phuong thi tran",
    "xa thi tran",
    "thuoc xa phuong thi tran",
  ],
  area: [
    "khu dan cu",
    "ten khu dan cu",
    "thon",
    "xom",
    "khu",
    "to dan pho",
    "ten thon",
    "thon xom",
    "ten thon xom",
    "thon xom khu dan cu",
    "khu dan cu thon xom",
    "ten khu dan cu thon xom",
    "thon xom to dan pho",
    "ten khu",
    "ban",
    "thon ban",
    "khu pho",
    "ten to dan pho",
  ],
  district: ["huyen", "ten huyen", "huyen thi xa thanh pho"],
  households: ["so ho", "tong so ho", "so ho dan", "ho"],
  population: ["so nhan khau", "so khau", "nhan khau", "tong so nhan khau", "dan so", "so dan", "tong so khau"],
  // The group of the area or its commune (threshold variants): nhóm 1/2/3 (QĐ 51/2025), xã ĐBKK.
  areaType: [
    "nhom xa",
    "nhom",
    "phan nhom xa",
    "nhom cua xa",
    "xa thuoc nhom",
    "loai khu",
    "loai khu dan cu",
    "xa dbkk",
    "loai xa",
    "khu dbkk",
    "thon dbkk",
    "dbkk",
    "khu dan cu dbkk",
    "thuoc xa dbkk",
    "phan loai",
  ],
  canMobilise: [
    "co kha nang huy dong nguon luc",
    "kha nang huy dong nguon luc",
    "co kha nang huy dong",
    "huy dong nguon luc",
    "co the huy dong nguon luc",
  ],
  metCount: [
    "tong so tieu chi dat",
    "so tieu chi dat",
    "so tieu chi da dat",
    "tong so tieu chi da dat",
    "tieu chi dat",
    "tong tieu chi dat",
    "so tieu chi dat chuan",
  ],
  targetYear: [
    "nam du kien dat chuan",
    "du kien nam dat chuan",
    "nam dat chuan",
    "du kien dat chuan nam",
    "du kien dat chuan",
    "nam phan dau dat chuan",
    "phan dau dat chuan nam",
    "nam du kien",
    "lo trinh dat chuan",
  ],
  recognised: [
    "da cong nhan",
    "da duoc cong nhan",
    "nam cong nhan",
    "cong nhan",
    "da cong nhan dat chuan",
    "da duoc cong nhan dat chuan",
    "quyet dinh cong nhan",
    "da cong nhan nam so quyet dinh",
  ],
  note: ["ghi chu"],
};

export interface Phrase {
  tokens: string[];
  key: string;
  /** " key ", for containment tests. */
  padded: string;
  set: Set<string>;
  /** Sum of word weights, set once the index knows them. */
  weight: number;
  /** 1 for an id, a name or a built-in label; lower for an alias. */
  factor: number;
  /** A one-word phrase ("xã", "hộ", "điện") only counts when it is the whole header. */
  wholeOnly: boolean;
  /** Says "chưa"/"không" (not yet, no). */
  negated: boolean;
  /**
   * Weight of scattered shared words (no containment): built-in labels are formulaic, and a person's
   * name ("Trần Thị Bình") shares words with "thị trấn" in another order.
   */
  looseFactor: number;
}

export interface Target {
  role: ColumnRole;
  /** The criterion a ruleset role belongs to. */
  criterion?: Criterion;
  indicator?: Indicator;
  phrases: Phrase[];
}

export interface Candidate {
  target: Target;
  confidence: number;
}

export interface RulesetIndex {
  ruleset: Ruleset;
  targets: Target[];
  byToken: Map<string, number[]>;
  weight: Map<string, number>;
  unseenWeight: number;
  criterionTarget: Map<string, Target>;
  indicatorTarget: Map<string, Target>;
  /** Where scored header texts are remembered: headers repeat across tables, so each is scored once. */
  memory: ReadingMemory;
}

const ALIAS_FACTOR = 0.92;

function phrase(text: string, factor: number, keepDigits = false): Phrase | undefined {
  const tokens = words(foldText(text), keepDigits);
  if (!tokens.length) return undefined;
  const key = tokens.join(" ");
  return {
    tokens,
    key,
    padded: ` ${key} `,
    negated: isNegated(tokens),
    set: new Set(tokens),
    weight: 0,
    factor,
    wholeOnly: tokens.length === 1,
    looseFactor: 1,
  };
}

function phrasesFor(names: string[], aliases: string[], id?: string): Phrase[] {
  const out: Phrase[] = [];
  const seen = new Set<string>();
  const add = (p: Phrase | undefined) => {
    if (p && !seen.has(p.key)) {
      seen.add(p.key);
      out.push(p);
    }
  };
  // Names may carry their own brackets: index them both with and without.
  for (const n of names) {
    add(phrase(n.replace(/\([^()]*\)/g, " "), 1));
    add(phrase(n, 1));
  }
  for (const a of aliases) add(phrase(a, ALIAS_FACTOR));
  // An id as written in a header ("GT.2" in a custom ruleset; "TC01.2" is also read as numbering).
  if (id) add(phrase(id, 1, true));
  return out;
}

function buildIndex(ruleset: Ruleset, memory: ReadingMemory): RulesetIndex {
  const targets: Target[] = [];
  const criterionTarget = new Map<string, Target>();
  const indicatorTarget = new Map<string, Target>();
  for (const c of ruleset.criteria) {
    const t: Target = {
      role: { kind: "criterion", criterionId: c.id },
      criterion: c,
      phrases: phrasesFor([c.nameVi, c.nameEn], c.aliases, c.id),
    };
    targets.push(t);
    criterionTarget.set(c.id, t);
    for (const i of c.indicators) {
      const it: Target = {
        role: { kind: "indicator", indicatorId: i.id },
        criterion: c,
        indicator: i,
        phrases: phrasesFor([i.nameVi, i.nameEn], i.aliases, i.id),
      };
      targets.push(it);
      indicatorTarget.set(i.id, it);
    }
  }
  for (const kind of FIXED_ROLE_KINDS) {
    const phrases = phrasesFor(FIXED_LABELS[kind], []);
    for (const p of phrases) p.looseFactor = 0.6;
    targets.push({ role: fixedRole(kind), phrases });
  }
  // Word weights: a word that names few roles says more than "tỷ lệ" or "hộ".
  const df = new Map<string, number>();
  for (const t of targets) {
    for (const w of new Set(t.phrases.flatMap((p) => p.tokens))) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const n = targets.length;
  const weight = new Map<string, number>();
  for (const [w, d] of df) weight.set(w, Math.log(1 + n / d));
  for (const t of targets)
    for (const p of t.phrases) p.weight = [...p.set].reduce((sum, w) => sum + (weight.get(w) ?? 0), 0);
  const byToken = new Map<string, number[]>();
  targets.forEach((t, ti) => {
    for (const w of new Set(t.phrases.flatMap((p) => p.tokens))) {
      const list = byToken.get(w);
      if (list) list.push(ti);
      else byToken.set(w, [ti]);
    }
  });
  return {
    ruleset,
    targets,
    byToken,
    weight,
    unseenWeight: Math.log(1 + n),
    criterionTarget,
    indicatorTarget,
    memory,
  };
}

export function indexFor(ruleset: Ruleset, memory: ReadingMemory): RulesetIndex {
  return memory.ofRuleset(ruleset, () => buildIndex(ruleset, memory));
}

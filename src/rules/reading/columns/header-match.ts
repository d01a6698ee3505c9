import { Criterion, Ruleset } from "../../ruleset/ruleset";
import { MIN_CONFIDENCE } from "./roles";
import { GENERIC_WORDS, Numbering, UnitHint, HeaderPart } from "./header-text";
import { Phrase, Target, Candidate, RulesetIndex } from "./ruleset-index";

/* One header cell against the index: every role its words could mean, with a confidence. */

const weightOf = (index: RulesetIndex, tokens: Iterable<string>): number => {
  let s = 0;
  for (const t of tokens) s += index.weight.get(t) ?? index.unseenWeight;
  return s;
};

export const isNegated = (tokens: Iterable<string>): boolean => {
  for (const t of tokens) if (t === "chua" || t === "khong") return true;
  return false;
};

/** Header words with their weights, computed once per scored text. */
interface HeaderWords {
  tokens: string[];
  key: string;
  /** Adjacent word pairs, " a b ", to test word order. */
  pairs: string[];
  negated: boolean;
  padded: string;
  set: Set<string>;
  weight: number;
}

/** How well header words fit a phrase: equality, containment either way, or weighted overlap. */
function phraseSimilarity(index: RulesetIndex, h: HeaderWords, p: Phrase): number {
  if (h.key === p.key) return 1;
  let common = 0;
  for (const t of p.set) if (h.set.has(t)) common += index.weight.get(t) ?? index.unseenWeight;
  if (common === 0) return 0;
  const wh = h.weight;
  const wp = p.weight;
  // Shared words in any order are weaker evidence than a phrase found whole ("trưởng thôn" is not
  // "môi trường" of a "thôn").
  let score = ((2 * common) / (wh + wp)) * p.looseFactor * 0.85;
  // "Số tiêu chí chưa đạt" is not "số tiêu chí đạt".
  if (h.negated && !p.negated) return score * 0.5;
  // Shared words that explain little of the header ("Họ và tên" vs "số hộ") are weak evidence.
  if (common < 0.5 * wh) score *= 0.6;
  // One side spelled out inside the other counts more than scattered shared words, unless it is a
  // small part of a long text (a title that mentions "khu dân cư").
  if (p.tokens.length >= 2 && wp >= 0.2 * wh && h.padded.includes(p.padded)) {
    score = Math.max(score, 0.45 + (0.5 * wp) / wh);
  }
  if (h.tokens.length >= 2 && wh >= 0.2 * wp && p.padded.includes(h.padded)) {
    score = Math.max(score, 0.45 + (0.5 * wh) / wp);
  }
  // A header paraphrasing a long name: its words are the name's, mostly in the name's word pairs
  // ("Tỷ lệ đường trục thôn được cứng hóa" in "Tỷ lệ đường trục khu dân cư (trục thôn…) được cứng hóa…").
  if (h.pairs.length > 0) {
    let inOrder = 0;
    for (const pair of h.pairs) if (p.padded.includes(pair)) inOrder++;
    score = Math.max(score, 0.85 * p.looseFactor * (common / wh) * (inOrder / h.pairs.length));
  }
  return score;
}

/** Every role the words of one header cell could mean, best first. */
function scoreWords(index: RulesetIndex, tokens: string[]): Candidate[] {
  const key = tokens.join(" ");
  return index.memory.recall("words", "", key, () => scoreNewWords(index, tokens, key));
}

function scoreNewWords(index: RulesetIndex, tokens: string[], key: string): Candidate[] {
  const set = new Set(tokens);
  if ([...set].every((t) => GENERIC_WORDS.has(t))) return [];
  const h: HeaderWords = {
    tokens,
    key,
    pairs: tokens.slice(1).map((t, k) => ` ${tokens[k]} ${t} `),
    negated: isNegated(set),
    padded: ` ${key} `,
    set,
    weight: weightOf(index, set),
  };
  const seen = new Set<number>();
  for (const t of set) for (const ti of index.byToken.get(t) ?? []) seen.add(ti);
  const out: Candidate[] = [];
  for (const ti of seen) {
    const target = index.targets[ti];
    let best = 0;
    for (const p of target.phrases) {
      const sim = phraseSimilarity(index, h, p);
      // One word on either side must match whole: folding loses tones ("tuổi" age, "tưới" irrigate).
      const oneWord = p.wholeOnly || tokens.length === 1;
      best = Math.max(best, (oneWord && sim < 1 ? sim * 0.5 : sim) * p.factor);
    }
    if (best > 0.2) out.push({ target, confidence: best });
  }
  out.sort((a, b) => b.confidence - a.confidence || specificity(b.target) - specificity(a.target));
  return out;
}

/**
 * A header's unit against an indicator's: "Diện tích (ha)" is not the irrigated share, "(triệu đồng)"
 * is not a percentage. Criteria and other roles are not judged by unit.
 */
export function unitFit(unit: UnitHint, target: Target): number {
  const i = target.indicator;
  if (!i) return 1;
  if (unit === "measure") return i.unit === "number" ? 1 : 0.7;
  if (unit === "money") return i.unit === "vnd_per_person_year" || i.unit === "number" ? 1 : 0.7;
  if (unit === "count") return i.unit === "count" || i.unit === "number" ? 1 : 0.8;
  return i.unit === "percent" || i.unit === "number" ? 1 : 0.8;
}

/** On a tie an indicator beats its criterion: it says more. */
const specificity = (t: Target): number => (t.role.kind === "indicator" ? 1 : 0);

const related = (a: Target, b: Target): boolean => a.criterion !== undefined && a.criterion === b.criterion;

/** The best reading of one header cell, confidence lowered when an unrelated role is as likely. */
export function matchPart(index: RulesetIndex, part: HeaderPart): Candidate[] {
  const fromWords = part.tokens.length ? scoreWords(index, part.tokens) : [];
  let cands = fromWords;
  if (part.fullTokens !== part.tokens && part.fullTokens.length) {
    const full = scoreWords(index, part.fullTokens);
    const merged = new Map<Target, number>();
    for (const c of [...fromWords, ...full]) merged.set(c.target, Math.max(merged.get(c.target) ?? 0, c.confidence));
    cands = [...merged].map(([target, confidence]) => ({ target, confidence }));
  }
  if (part.unit !== undefined) {
    const unit = part.unit;
    cands = cands.map((c) => ({ target: c.target, confidence: c.confidence * unitFit(unit, c.target) }));
  }
  cands.sort((a, b) => b.confidence - a.confidence || specificity(b.target) - specificity(a.target));
  const byNumber = numberedTarget(index, part.numbering);
  if (byNumber) {
    const named = cands.find((c) => c.target === byNumber || related(c.target, byNumber));
    if (part.tokens.length === 0 && part.numbering?.explicit) {
      cands = [{ target: byNumber, confidence: 0.95 }, ...cands];
    } else if (named && named === cands[0]) {
      // Number and name agree: more certain.
      cands = [{ target: named.target, confidence: Math.min(1, named.confidence + 0.1) }, ...cands.slice(1)];
    } else if (part.numbering?.explicit && (cands.length === 0 || cands[0].confidence < MIN_CONFIDENCE)) {
      cands = [{ target: byNumber, confidence: 0.7 }, ...cands];
    }
  }
  if (
    cands.length >= 2 &&
    !related(cands[0].target, cands[1].target) &&
    cands[1].confidence > cands[0].confidence - 0.05
  ) {
    cands = [{ target: cands[0].target, confidence: cands[0].confidence - 0.1 }, ...cands.slice(1)];
  }
  return cands;
}

/** The criterion or indicator a numbering names ("TC1" → TC01, "1.2" → TC01.2). */
function numberedTarget(index: RulesetIndex, n: Numbering | undefined): Target | undefined {
  if (!n || n.criterion === undefined) return undefined;
  const c = criterionByNumber(index.ruleset, n.criterion);
  if (!c) return undefined;
  if (n.indicator !== undefined) {
    const i = c.indicators.find((x) => x.id === `${c.id}.${n.indicator}`) ?? c.indicators[n.indicator - 1];
    return i ? index.indicatorTarget.get(i.id) : undefined;
  }
  return index.criterionTarget.get(c.id);
}

export function criterionByNumber(ruleset: Ruleset, n: number): Criterion | undefined {
  const id = `TC${String(n).padStart(2, "0")}`;
  return ruleset.criteria.find((c) => c.id.toUpperCase() === id) ?? ruleset.criteria[n - 1];
}

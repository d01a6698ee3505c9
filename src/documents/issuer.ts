import { Ruleset } from "../rules/ruleset/ruleset";

/**
 * Who issues the report, as far as the workbook tells. Since July 2025 there are no districts: a report
 * comes from a commune's People's Committee (UBND xã/phường) or from a province department. A workbook of
 * one commune names its committee; any other workbook leaves the body for the officer to fill ("…"),
 * under the province the ruleset belongs to. Nothing is guessed beyond that.
 */
export interface Issuer {
  /** The superior body, printed above the issuing body (not bold); none for a commune committee. */
  parent?: string;
  /** The issuing body, one entry a line, in capitals. */
  name: string[];
  /** The document symbol after the number: "BC-UBND". */
  symbol: string;
  /** Place name before the date: the commune, else the province. */
  place: string;
  /** The body as the text names it: "Ủy ban nhân dân xã Hùng Xuyên". */
  inText: string;
  /** Signing on behalf of ("TM. ỦY BAN NHÂN DÂN") and the signer's position ("CHỦ TỊCH"). */
  authority: string;
  position: string;
}

/** Where the officer writes: a name, a position. */
export const BLANK = "……………";
/** Where the clerk writes a number or a date in the heading. */
export const SHORT_BLANK = "……";

const UNIT = /^(xã|phường|thị trấn)\s+(.+)$/i;

/** "Hùng Xuyên" → xã Hùng Xuyên; "Phường Thanh Miếu" → phường Thanh Miếu. */
function communeUnit(commune: string): { kind: string; name: string } {
  const m = UNIT.exec(commune.normalize("NFC").trim());
  return m ? { kind: m[1].toLocaleLowerCase("vi"), name: m[2].trim() } : { kind: "xã", name: commune.trim() };
}

/** The province the ruleset was issued for ("Ủy ban nhân dân tỉnh Phú Thọ" → "Phú Thọ"). */
export function provinceOf(ruleset: Ruleset): string | undefined {
  return /tỉnh\s+(.+)$/i.exec(ruleset.source.issuer.normalize("NFC"))?.[1]?.trim() || undefined;
}

const upper = (s: string) => s.toLocaleUpperCase("vi");

export function issuerOf(communes: string[], ruleset: Ruleset): Issuer {
  const named = [...new Set(communes.map((c) => c.trim()).filter((c) => c !== ""))];
  if (named.length === 1) {
    const unit = communeUnit(named[0]);
    return {
      name: ["ỦY BAN NHÂN DÂN", upper(`${unit.kind} ${unit.name}`)],
      symbol: "BC-UBND",
      place: unit.name,
      inText: `Ủy ban nhân dân ${unit.kind} ${unit.name}`,
      authority: "TM. ỦY BAN NHÂN DÂN",
      position: "CHỦ TỊCH",
    };
  }
  const province = provinceOf(ruleset);
  return {
    parent: province ? upper(`UBND tỉnh ${province}`) : undefined,
    name: [BLANK + BLANK],
    symbol: `BC-${SHORT_BLANK}`,
    place: province ?? BLANK,
    inText: BLANK,
    authority: BLANK + BLANK,
    position: BLANK + BLANK,
  };
}

/**
 * A ruleset goes through its two editable forms and comes back whole: the file (ntm-ruleset/1) and the
 * criteria sheet an officer edits. Random rulesets: logic of every kind, nested; thresholds by year and
 * group; every unit and operator.
 */
import fc from "fast-check";
import { Logic } from "../src/rules/ruleset/criterion-logic";
import { Ruleset } from "../src/rules/ruleset/ruleset";
import { rulesetFromDocument, rulesetToDocument } from "../src/rules/ruleset/ruleset-document";
import { rulesetFromTable, rulesetToTable } from "../src/rules/ruleset/ruleset-table";
import { rulesetDocArb } from "./support/random-rulesets";

/** What the criteria sheet carries of a ruleset (not the criteria's headings and aliases, nor the file's metadata). */
const onSheet = (rs: Ruleset) =>
  rs.criteria.map((c) => ({
    id: c.id,
    nameVi: c.nameVi,
    nameEn: c.nameEn,
    logic: c.logic,
    indicators: c.indicators.map((i) => ({ ...i })),
  }));

/** The logic a file wrote, as the model holds it (the generator writes the full object form). */
function logicOf(json: unknown, ids: string[]): Logic {
  if (json === undefined) return { kind: "all", items: ids };
  const o = json as { all?: unknown[]; any?: unknown[]; at_least?: number; of?: unknown[] };
  const items = (o.all ?? o.any ?? o.of ?? []).map((i) => (typeof i === "string" ? i : logicOf(i, ids)));
  if (o.at_least !== undefined) return { kind: "atLeast", count: o.at_least, items };
  return o.all ? { kind: "all", items } : { kind: "any", items };
}

test("file → ruleset → file → ruleset: nothing lost, nothing changed", () => {
  fc.assert(
    fc.property(rulesetDocArb, (doc) => {
      const rs = rulesetFromDocument(doc);
      doc.criteria.forEach((c, k) =>
        expect(rs.criteria[k].logic).toEqual(
          logicOf(
            "logic" in c ? c.logic : undefined,
            c.indicators.map((i) => i.id)
          )
        )
      );
      const written = rulesetToDocument(rs);
      const back = rulesetFromDocument(JSON.parse(JSON.stringify(written)));
      expect(back).toEqual(rs);
      expect(rulesetToDocument(back)).toEqual(written);
    }),
    { numRuns: 200 }
  );
});

test("sheet → ruleset → sheet: the same cells; and the ruleset keeps everything the sheet shows", () => {
  fc.assert(
    fc.property(rulesetDocArb, (doc) => {
      const rs = rulesetFromDocument(doc);
      const sheet = rulesetToTable(rs);
      const back = rulesetFromTable(sheet, rs);
      expect(rulesetToTable(back)).toEqual(sheet);
      expect(onSheet(back)).toEqual(onSheet(rs));
    }),
    { numRuns: 200 }
  );
});

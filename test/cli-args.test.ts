/**
 * The command line's options, read by util.parseArgs: every way of writing them that the docs show, and
 * each fault told in Vietnamese and English naming the option, as a usage error (exit 2).
 */
import { choiceOption, integerOption, OptionSpec, readArguments } from "../src/cli/args";
import { CliError, EXIT } from "../src/cli/exit-codes";

const OPTIONS = {
  out: { type: "string", short: "o" },
  sheet: { type: "string", multiple: true },
  year: { type: "string" },
  force: { type: "boolean", short: "f" },
} as const satisfies OptionSpec;

function usageFault(call: () => unknown): { where: string; vi: string; en: string } {
  try {
    call();
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    expect(e.exitCode).toBe(EXIT.usage);
    return { where: e.problems[0].where, vi: e.problems[0].message.vi, en: e.problems[0].message.en };
  }
  throw new Error("no usage fault");
}

describe("readArguments", () => {
  test("values, flags, short forms, repeated options and files", () => {
    const args = readArguments(
      ["a.xlsx", "--out", "r.xlsx", "--sheet=Xã A", "-f", "b.xlsx", "--sheet", "Xã B", "--year", "2025"],
      OPTIONS
    );
    expect(args.positionals).toEqual(["a.xlsx", "b.xlsx"]);
    expect(args.values).toEqual({ out: "r.xlsx", sheet: ["Xã A", "Xã B"], force: true, year: "2025" });
    expect(readArguments(["-o", "x.xlsx", "-o", "y.xlsx"], OPTIONS).values.out).toBe("y.xlsx");
    expect(readArguments(["-fo", "x.xlsx"], OPTIONS).values).toEqual({ force: true, out: "x.xlsx" });
    // "--" ends the options; a lone "-" is a file name.
    expect(readArguments(["--", "--force", "-"], OPTIONS)).toEqual({ positionals: ["--force", "-"], values: {} });
  });

  test("an unknown option is named, with the options there are", () => {
    const f = usageFault(() => readArguments(["a.xlsx", "--outt", "x"], OPTIONS));
    expect(f.where).toBe("--outt");
    expect(f.vi).toBe("Tùy chọn không có: --outt. Các tùy chọn: --out, --sheet, --year, --force.");
    expect(f.en).toBe("Unknown option: --outt. Options: --out, --sheet, --year, --force.");
    expect(usageFault(() => readArguments(["-x"], OPTIONS)).where).toBe("-x");
    expect(usageFault(() => readArguments(["--constructor"], OPTIONS)).where).toBe("--constructor");
  });

  test("a flag given a value, an option without one", () => {
    expect(usageFault(() => readArguments(["--force=yes"], OPTIONS))).toEqual({
      where: "--force",
      vi: "--force không nhận giá trị.",
      en: "--force takes no value.",
    });
    for (const argv of [["a.xlsx", "--out"], ["--out", "--force"], ["-o"]]) {
      const f = usageFault(() => readArguments(argv, OPTIONS));
      expect(f.vi).toMatch(/^(--out|-o) cần một giá trị\.$/);
      expect(f.en).toMatch(/^(--out|-o) needs a value\.$/);
    }
    // Written with "=", a value may start with dashes.
    expect(readArguments(["--out=--x.xlsx"], OPTIONS).values.out).toBe("--x.xlsx");
  });

  test("numbers and choices are checked against their bounds and words", () => {
    expect(integerOption("year", "2025", 2000, 2100)).toBe(2025);
    expect(integerOption("year", undefined, 2000, 2100)).toBeUndefined();
    for (const bad of ["-5", "1999", "20x5", "2025.5"]) {
      expect(usageFault(() => integerOption("year", bad, 2000, 2100)).en).toBe(
        `--year must be a whole number from 2000 to 2100, not "${bad}".`
      );
    }
    expect(choiceOption("lang", " EN ", ["vi", "en"] as const, "vi")).toBe("en");
    expect(usageFault(() => choiceOption("lang", "fr", ["vi", "en"] as const, "vi")).vi).toBe(
      '--lang nhận một trong: vi, en (không phải "fr").'
    );
  });
});

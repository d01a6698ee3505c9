import { problem } from "../rules/message";
import { CliError, EXIT } from "./exit-codes";

/** The options a command takes: a value ("--out FILE") or a flag ("--force"); `repeat`: may be given several times. */
export type OptionSpec = Record<string, { kind: "value" | "flag"; short?: string; repeat?: boolean }>;

export interface ParsedArgs {
  positionals: string[];
  /** The last value of each option. */
  values: Map<string, string>;
  /** Every value of a repeatable option, in order. */
  lists: Map<string, string[]>;
  flags: Set<string>;
}

export const usageError = (where: string, vi: string, en: string): CliError =>
  new CliError(EXIT.usage, [problem("usage", where, vi, en)]);

/** "--out x", "--out=x", "-o x", "--force"; "--" ends the options. Unknown options are refused. */
export function parseArgs(argv: string[], spec: OptionSpec): ParsedArgs {
  const out: ParsedArgs = { positionals: [], values: new Map(), lists: new Map(), flags: new Set() };
  const byShort = new Map(Object.entries(spec).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])));
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === "--") {
      out.positionals.push(...argv.slice(k + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const raw = eq > 0 ? arg.slice(0, eq) : arg;
    const name = raw.startsWith("--") ? raw.slice(2) : byShort.get(raw.slice(1));
    const option = name !== undefined ? spec[name] : undefined;
    if (name === undefined || !option) {
      const known = Object.keys(spec)
        .map((n) => `--${n}`)
        .join(", ");
      throw usageError(
        raw,
        `Tùy chọn không có: ${raw}. Các tùy chọn: ${known}.`,
        `Unknown option: ${raw}. Options: ${known}.`
      );
    }
    if (option.kind === "flag") {
      if (eq > 0) throw usageError(raw, `${raw} không nhận giá trị.`, `${raw} takes no value.`);
      out.flags.add(name);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++k];
    if (value === undefined || (eq < 0 && value.startsWith("--"))) {
      throw usageError(raw, `${raw} cần một giá trị.`, `${raw} needs a value.`);
    }
    out.values.set(name, value);
    out.lists.set(name, [...(out.lists.get(name) ?? []), value]);
  }
  return out;
}

/** A whole number within bounds, or a usage error naming the option. */
export function integerOption(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const text = args.values.get(name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw usageError(
      `--${name}`,
      `--${name} phải là số nguyên từ ${min} đến ${max}, không phải "${text}".`,
      `--${name} must be a whole number from ${min} to ${max}, not "${text}".`
    );
  }
  return n;
}

/** One of a list of words, or a usage error listing them. */
export function choiceOption<T extends string>(args: ParsedArgs, name: string, choices: readonly T[], fallback: T): T {
  const text = args.values.get(name);
  if (text === undefined) return fallback;
  const found = choices.find((c) => c === text.trim().toLowerCase());
  if (!found) {
    throw usageError(
      `--${name}`,
      `--${name} nhận một trong: ${choices.join(", ")} (không phải "${text}").`,
      `--${name} takes one of: ${choices.join(", ")} (not "${text}").`
    );
  }
  return found;
}

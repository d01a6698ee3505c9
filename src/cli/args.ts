import { parseArgs, ParseArgsConfig } from "util";
import { problem } from "../rules/message";
import { CliError, EXIT } from "./exit-codes";

/**
 * A command's options in util.parseArgs' own terms: `{ out: { type: "string", short: "o" }, force: { type:
 * "boolean" } }`; `multiple: true` for an option that may be given several times. Declare them
 * `as const satisfies OptionSpec` so the values read are typed.
 */
export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

type OptionValue<O> = O extends { type: "boolean" } ? boolean : O extends { multiple: true } ? string[] : string;

export interface ParsedArgs<O extends OptionSpec> {
  positionals: string[];
  /** Each option given: its value (the last one, or all of a `multiple` option in order); `true` for a flag. */
  values: { [K in keyof O]?: OptionValue<O[K]> };
}

export const usageError = (where: string, vi: string, en: string): CliError =>
  new CliError(EXIT.usage, [problem("usage", where, vi, en)]);

/**
 * "--out x", "--out=x", "-o x", "-fo x", "--force"; "--" ends the options. util.parseArgs reads the
 * words; the faults it would report in English only are found here, from its tokens, and reported in
 * Vietnamese and English naming the option: unknown options, a flag given a value, an option without one.
 */
export function readArguments<O extends OptionSpec>(argv: string[], options: O): ParsedArgs<O> {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const raw = token.rawName;
    const option = Object.prototype.hasOwnProperty.call(options, token.name) ? options[token.name] : undefined;
    if (!option) {
      const known = Object.keys(options)
        .map((n) => `--${n}`)
        .join(", ");
      throw usageError(
        raw,
        `Tùy chọn không có: ${raw}. Các tùy chọn: ${known}.`,
        `Unknown option: ${raw}. Options: ${known}.`
      );
    }
    if (option.type === "boolean" && token.value !== undefined) {
      throw usageError(raw, `${raw} không nhận giá trị.`, `${raw} takes no value.`);
    }
    // "--out --force" is an --out without its value, not a file named "--force".
    if (
      option.type === "string" &&
      (token.value === undefined || (!token.inlineValue && token.value.startsWith("--")))
    ) {
      throw usageError(raw, `${raw} cần một giá trị.`, `${raw} needs a value.`);
    }
  }
  return { positionals, values: values as ParsedArgs<O>["values"] };
}

/** A whole number within bounds (the value of --`name`), or a usage error naming the option. */
export function integerOption(name: string, text: string | undefined, min: number, max: number): number | undefined {
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

/** One of a list of words (the value of --`name`), or a usage error listing them. */
export function choiceOption<T extends string>(
  name: string,
  text: string | undefined,
  choices: readonly T[],
  fallback: T
): T {
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

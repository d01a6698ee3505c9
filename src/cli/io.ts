/** Where a command prints: stdout for results, stderr for warnings and errors. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/**
 * Terminal escape sequences (ESC [ … final byte, ESC ] … BEL or ST, other ESC pairs), then every other
 * control character but tab and line feed: C0 (carriage return included, which would overwrite a line),
 * DEL, C1, and the bidirectional overrides that reorder what is shown.
 */
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?/g;
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** Text as it may reach a terminal: names and values from users' files cannot move the cursor or recolour it. */
export function terminalText(text: string): string {
  return text.replace(ESCAPES, "").replace(CONTROLS, "");
}

export const processIo: Io = {
  out: (text) => process.stdout.write(terminalText(text) + "\n"),
  err: (text) => process.stderr.write(terminalText(text) + "\n"),
};

/** A refusal as Office.js reports it: a RichApi.Error with Excel's error code. */
export class DoubleError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
  }
}

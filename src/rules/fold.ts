const ASCII = /^[ -~\t\n\r]*$/;

/** Lower case, no diacritics (đ → d), single spaces, trimmed: how texts typed by people are compared. */
export function foldText(text: string): string {
  // Plain ASCII (numbers, "x", "TRUE") needs no Unicode decomposition.
  if (ASCII.test(text)) return text.toLowerCase().replace(/\s+/g, " ").trim();
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

import { XLSX_LIMITS, XlsxLimits } from "./limits";
import { count, tooLarge } from "./read-error";
import { unescapeText } from "./escaped-text";
import { readXmlPart, XmlReader } from "./xml-part";
import { ZipArchive } from "./zip";

/**
 * The shared-string table: the text of each item, rich-text runs joined, phonetic guides (`rPh`, the
 * furigana of Japanese files) left out, escapes decoded. An empty item is "". Item count and each text's
 * length are capped while the part streams (a `count` attribute is never trusted to size anything).
 */
export function readSharedStrings(zip: ZipArchive, part: string, limits: XlsxLimits = XLSX_LIMITS): string[] {
  const strings: string[] = [];
  const reader = new SharedStringsReader(part, strings, limits);
  readXmlPart(zip, part, reader);
  return strings;
}

class SharedStringsReader implements XmlReader {
  private inItem = false;
  private inText = false;
  private phonetic = 0;
  private item = "";

  constructor(
    private readonly part: string,
    private readonly strings: string[],
    private readonly limits: XlsxLimits
  ) {}

  open(name: string): void {
    if (name === "si") {
      this.inItem = true;
      this.item = "";
      if (this.strings.length >= this.limits.sharedStrings) {
        const max = count(this.limits.sharedStrings);
        throw tooLarge(
          this.part,
          `Bảng chuỗi dùng chung có hơn ${max.vi} chuỗi.`,
          `The shared-string table holds more than ${max.en} strings.`
        );
      }
    } else if (name === "rPh") this.phonetic++;
    else if (name === "t" && this.inItem && this.phonetic === 0) this.inText = true;
  }

  close(name: string): void {
    if (name === "t") this.inText = false;
    else if (name === "rPh") this.phonetic--;
    else if (name === "si") {
      const text = unescapeText(this.item);
      this.checkLength(text.length);
      this.strings.push(text);
      this.inItem = false;
    }
  }

  text(text: string): void {
    if (!this.inText) return;
    this.item += text;
    // Escapes are at most 7 characters for one: the raw text is bounded before it is decoded.
    if (this.item.length > 7 * this.limits.cellText) this.checkLength(this.item.length);
  }

  private checkLength(length: number): void {
    if (length <= this.limits.cellText) return;
    const max = count(this.limits.cellText);
    const n = this.strings.length + 1;
    throw tooLarge(
      `${this.part} › ${n}`,
      `Chuỗi dùng chung thứ ${n} dài hơn ${max.vi} ký tự, giới hạn của một ô Excel.`,
      `Shared string #${n} is longer than ${max.en} characters, the limit of an Excel cell.`
    );
  }
}

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
  /** The item's text so far (decoded), and the raw text of its current `<t>`. */
  private item = "";
  private run = "";

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
    else if (name === "t" && this.inItem && this.phonetic === 0) {
      this.inText = true;
      this.run = "";
    }
  }

  close(name: string): void {
    if (name === "t" && this.inText) {
      // Escapes are decoded element by element, as Excel writes them.
      this.item += unescapeText(this.run);
      this.checkLength(this.item.length);
      this.inText = false;
    } else if (name === "rPh") this.phonetic--;
    else if (name === "si") {
      this.strings.push(this.item);
      this.inItem = false;
    }
  }

  text(text: string): void {
    if (!this.inText) return;
    this.run += text;
    // Escapes are at most 7 characters for one: the raw text is bounded before it is decoded.
    if (this.run.length > 7 * this.limits.cellText) this.checkLength(this.run.length);
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

import { SaxesParser } from "saxes";
import { corrupt, XlsxReadError } from "./read-error";
import { ZipArchive } from "./zip";

/**
 * What a part's reader is told, in document order. Names are local (`x:row` is `row`): OOXML parts
 * are written with and without namespace prefixes, and the strict and transitional schemas differ
 * only in namespace. Attributes are keyed as written (`r:id`; see `attribute`).
 */
export interface XmlReader {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  /** Character data: text (references decoded, line ends normalised) and CDATA sections alike. */
  text(text: string): void;
}

const localName = (name: string): string => {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
};

/** An attribute by its local name, whatever its prefix (a relationship id is `r:id`, or `x:id`…). */
export function attribute(attributes: Record<string, string>, local: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(attributes, local)) return attributes[local];
  const suffix = `:${local}`;
  for (const name of Object.keys(attributes)) if (name.endsWith(suffix)) return attributes[name];
  return undefined;
}

/** The text encoding a part starts with: a byte-order mark, or UTF-16's "<" followed or preceded by a zero. */
function encodingOf(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (head[0] === 0x3c && head[1] === 0) return "utf-16le";
  if (head[0] === 0 && head[1] === 0x3c) return "utf-16be";
  return "utf-8";
}

/**
 * Read one XML part of the package as a stream: bytes inflated by the zip, decoded, and parsed by saxes
 * chunk by chunk, so no part is held whole in memory. A document type declaration (never in Excel's
 * files; the way to entity bombs) and any malformed XML or text refuse the file.
 */
export function readXmlPart(zip: ZipArchive, part: string, reader: XmlReader): void {
  const parser = new SaxesParser<{ position: false; xmlns: false }>({ position: false, xmlns: false });
  parser.on("opentag", (tag) => reader.open(localName(tag.name), tag.attributes));
  parser.on("closetag", (tag) => reader.close(localName(tag.name)));
  parser.on("text", (text) => reader.text(text));
  parser.on("cdata", (text) => reader.text(text));
  parser.on("doctype", () => {
    throw corrupt(
      part,
      `phần ${part} có khai báo DOCTYPE, điều Excel không bao giờ ghi.`,
      `the part ${part} has a DOCTYPE, which Excel never writes.`
    );
  });
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  const guarded = (step: () => void) => {
    try {
      step();
    } catch (e) {
      if (e instanceof XlsxReadError) throw e;
      const reason = (e instanceof Error ? e.message : String(e)).split("\n")[0];
      throw corrupt(part, `nội dung XML của ${part} sai (${reason}).`, `the XML of ${part} is malformed (${reason}).`);
    }
  };
  zip.read(part, (chunk) =>
    guarded(() => {
      decoder ??= new TextDecoder(encodingOf(chunk), { fatal: true });
      parser.write(decoder.decode(chunk, { stream: true }));
    })
  );
  guarded(() => {
    if (decoder) parser.write(decoder.decode());
    parser.close();
  });
}

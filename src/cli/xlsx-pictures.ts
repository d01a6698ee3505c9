import { strFromU8, strToU8, unzipSync, Zip, ZipInputFile } from "fflate";
import { crc32, deflateRawSync } from "zlib";
import type { ChartPicture } from "../documents/chart-picture";

// exceljs's own drawing and relationship parts: the XML is the library's, as in the files it writes.
const DrawingXform = require("exceljs/lib/xlsx/xform/drawing/drawing-xform");
const RelationshipsXform = require("exceljs/lib/xlsx/xform/core/relationships-xform");

/**
 * The last step of writing the report: its charts drawn as pictures, and the whole compressed.
 *
 * exceljs's streaming writer cannot add pictures; its document writer can, but holds every cell of the
 * report: at province scale (10,000 areas) three times the memory and twice the time (npm run bench).
 * So the report is streamed uncompressed, then each chart sheet gets a drawing part with its picture,
 * made by exceljs's drawing xforms, and fflate writes the zip, each entry deflated and checksummed by
 * Node's zlib (fflate's own checksum, in JavaScript, took as long as the deflating).
 */
export interface PlacedPicture {
  /** The sheet's part, "xl/worksheets/sheet4.xml". */
  part: string;
  picture: ChartPicture;
  /** Zero-based cell of the picture's top-left corner. */
  column: number;
  row: number;
}

const DRAWING_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const IMAGE_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
const DRAWING_CONTENT = "application/vnd.openxmlformats-officedocument.drawing+xml";

/** Elements a sheet may have after <drawing> (ECMA-376 CT_Worksheet order): it goes before the first. */
const AFTER_DRAWING =
  /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

function text(files: Record<string, Uint8Array>, name: string): string {
  const f = files[name];
  if (!f) throw new Error(`The workbook has no part ${name}`);
  return strFromU8(f);
}

/** A sheet's relationships with one more, its id new: "rId3" when rId1 and rId2 exist. */
function withRelationship(existing: string | undefined, target: string): { xml: string; id: string } {
  const ids = [...(existing ?? "").matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  const id = `rId${Math.max(0, ...ids) + 1}`;
  if (existing === undefined) {
    return { xml: new RelationshipsXform().toXml([{ Id: id, Type: DRAWING_TYPE, Target: target }]), id };
  }
  const entry = `<Relationship Id="${id}" Type="${DRAWING_TYPE}" Target="${target}"/>`;
  return { xml: existing.replace("</Relationships>", `${entry}</Relationships>`), id };
}

/** Draw one picture on its sheet: media, drawing part and its relationships, the sheet's <drawing>. */
function place(files: Record<string, Uint8Array>, placed: PlacedPicture, n: number): string {
  const { part, picture, column, row } = placed;
  const media = `chart${n}.png`;
  files[`xl/media/${media}`] = new Uint8Array(picture.png);
  const drawing = {
    anchors: [
      {
        picture: { rId: "rId1" },
        range: {
          tl: { nativeCol: column, nativeColOff: 0, nativeRow: row, nativeRowOff: 0 },
          ext: { width: picture.width, height: picture.height },
          editAs: "oneCell",
        },
      },
    ],
  };
  const xform = new DrawingXform();
  xform.prepare(drawing);
  files[`xl/drawings/drawing${n}.xml`] = strToU8(xform.toXml(drawing));
  files[`xl/drawings/_rels/drawing${n}.xml.rels`] = strToU8(
    new RelationshipsXform().toXml([{ Id: "rId1", Type: IMAGE_TYPE, Target: `../media/${media}` }])
  );
  const relsPart = `xl/worksheets/_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;
  const existing = files[relsPart] ? strFromU8(files[relsPart]) : undefined;
  const rels = withRelationship(existing, `../drawings/drawing${n}.xml`);
  files[relsPart] = strToU8(rels.xml);
  const sheet = text(files, part);
  const at = sheet.search(AFTER_DRAWING);
  if (at < 0) throw new Error(`${part} is not a worksheet`);
  files[part] = strToU8(`${sheet.slice(0, at)}<drawing r:id="${rels.id}"/>${sheet.slice(at)}`);
  return `<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="${DRAWING_CONTENT}"/>`;
}

/** The zip of `files`, deflated, in their order ([Content_Types].xml first, as Office writes it). */
function zipped(files: Record<string, Uint8Array>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const failures: Error[] = [];
  // Every entry is pushed whole and deflated at once: the zip's data arrives before end() returns.
  const zip = new Zip((error, chunk) => (error ? failures.push(error) : chunks.push(chunk)));
  for (const [filename, data] of Object.entries(files)) {
    // fflate's ZipInputFile: the entry's size and checksum given, its one chunk handed to the zip.
    const entry: ZipInputFile = { filename, compression: 8, size: data.length, crc: crc32(data) };
    zip.add(entry);
    entry.ondata?.(null, deflateRawSync(data), true);
  }
  zip.end();
  if (failures.length > 0) throw failures[0];
  return Buffer.concat(chunks);
}

/** The report, streamed uncompressed (`zip: { store: true }`), with its pictures, compressed. */
export function finishReport(stored: Uint8Array, placed: PlacedPicture[]): Uint8Array {
  const files = unzipSync(stored);
  if (placed.length > 0) {
    let types = text(files, "[Content_Types].xml");
    const overrides = placed.map((p, k) => place(files, p, k + 1)).join("");
    const png = /Extension="png"/i.test(types) ? "" : '<Default Extension="png" ContentType="image/png"/>';
    types = types.replace("</Types>", `${png}${overrides}</Types>`);
    files["[Content_Types].xml"] = strToU8(types);
  }
  return zipped(files);
}

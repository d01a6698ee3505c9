import { corrupt, XlsxReadError } from "./read-error";
import { attribute, readXmlPart } from "./xml-part";
import { ZipArchive } from "./zip";

/**
 * The package around the cells (Open Packaging Conventions): which part is the workbook, which parts
 * are its sheets, shared strings and styles, as its relationships say (not by their usual names), and
 * what workbook.xml says about its sheets.
 */

export interface Relationship {
  type: string;
  /** The part it points to, as a name inside the package ("xl/worksheets/sheet1.xml"). */
  part: string;
}

/** "…/relationships/worksheet" and the strict schema's "…/relationships/worksheet" alike. */
export const isType = (relationship: Relationship | undefined, kind: string): boolean =>
  relationship !== undefined && relationship.type.endsWith(`/${kind}`);

/** The relationships part of `source` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" → "_rels/.rels"). */
function relationshipsPart(source: string): string {
  const slash = source.lastIndexOf("/");
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** A target as a part name: absolute from the package root, or relative to the source part's folder. */
function resolveTarget(zip: ZipArchive, source: string, target: string): string {
  const folder = source.slice(0, source.lastIndexOf("/") + 1);
  const segments: string[] = [];
  for (const segment of (target.startsWith("/") ? target : folder + target).split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  const name = segments.join("/");
  if (zip.has(name)) return name;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The internal relationships of a part, by id; none when it has no relationships part. */
export function relationshipsOf(zip: ZipArchive, source: string): Map<string, Relationship> {
  const part = relationshipsPart(source);
  const out = new Map<string, Relationship>();
  if (!zip.has(part)) return out;
  readXmlPart(zip, part, {
    open(name, attributes) {
      if (name !== "Relationship" || attributes.TargetMode === "External") return;
      const { Id: id, Type: type, Target: target } = attributes;
      if (id !== undefined && type !== undefined && target !== undefined) {
        out.set(id, { type, part: resolveTarget(zip, source, target) });
      }
    },
    close() {},
    text() {},
  });
  return out;
}

/** The workbook part the package's root relationships name; undefined when the zip is no workbook. */
export function workbookPartOf(zip: ZipArchive): string | undefined {
  for (const relationship of relationshipsOf(zip, "").values()) {
    if (isType(relationship, "officeDocument")) return relationship.part;
  }
  return undefined;
}

export interface SheetEntry {
  name: string;
  /** The relationship id of its part. */
  id: string;
}

export interface WorkbookPart {
  /** Every sheet in tab order: worksheets, chart sheets and the rest. */
  sheets: SheetEntry[];
  /** Index in `sheets` of the tab Excel opens on. */
  activeTab: number;
  /** Serial numbers count days from 1904 (old Mac workbooks) instead of 1900. */
  date1904: boolean;
}

const isTrue = (v: string | undefined): boolean => v === "1" || v === "true";

/**
 * Longest sheet name read. Excel's own limit is 31 characters, but LibreOffice writes longer names and
 * Excel repairs them on opening: read them as written, up to this.
 */
const SHEET_NAME_LIMIT = 255;

/** What a sheet name must be to be read: present, not absurdly long, unique (without case, as Excel compares). */
function checkSheetName(name: string | undefined, taken: Set<string>, part: string): string {
  if (name === undefined || name === "" || name.length > SHEET_NAME_LIMIT) {
    throw corrupt(
      part,
      `một trang tính có tên không hợp lệ (trống hoặc dài hơn ${SHEET_NAME_LIMIT} ký tự).`,
      `a sheet has an invalid name (empty or longer than ${SHEET_NAME_LIMIT} characters).`
    );
  }
  const key = name.toLowerCase();
  if (taken.has(key)) throw corrupt(part, `hai trang tính cùng tên "${name}".`, `two sheets are named "${name}".`);
  taken.add(key);
  return name;
}

export function readWorkbookPart(zip: ZipArchive, part: string): WorkbookPart {
  const book: WorkbookPart = { sheets: [], activeTab: 0, date1904: false };
  const taken = new Set<string>();
  let firstView = true;
  readXmlPart(zip, part, {
    open(name, attributes) {
      if (name === "sheet") {
        const id = attribute(attributes, "id");
        if (id === undefined) {
          throw corrupt(
            part,
            `trang "${attributes.name}" không trỏ tới phần nào.`,
            `sheet "${attributes.name}" points to no part.`
          );
        }
        book.sheets.push({ name: checkSheetName(attributes.name, taken, part), id });
      } else if (name === "workbookView") {
        // Excel opens on the active tab of the first window.
        const tab = Number(attributes.activeTab ?? "0");
        if (firstView && Number.isInteger(tab) && tab >= 0) book.activeTab = tab;
        firstView = false;
      } else if (name === "workbookPr") {
        book.date1904 = isTrue(attributes.date1904);
      }
    },
    close() {},
    text() {},
  });
  return book;
}

/** A binary workbook (.xlsb) is a zip too; its parts are not XML. */
export function refuseBinaryWorkbook(part: string): void {
  if (!/\.bin$/i.test(part)) return;
  throw new XlsxReadError(
    "file-not-xlsx",
    "",
    "Đây là sổ làm việc nhị phân Excel (.xlsb). Hãy mở bằng Excel và Lưu thành › Sổ làm việc Excel (.xlsx), rồi chạy lại.",
    "This is an Excel binary workbook (.xlsb). Open it in Excel and Save As › Excel Workbook (.xlsx), then run again."
  );
}

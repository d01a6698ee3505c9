import { Problem } from "../rules/message";
import { XlsxReadError } from "../xlsx/read-error";
import { fileTooLarge, readXlsx, WorkbookSnapshot } from "../xlsx/read-workbook";

/** A file the user picked, as the page lists it: read, or refused with the reader's own message. */
export interface PickedEntry {
  /** Tells the same file picked twice: name, size and time of change. */
  identity: string;
  /** The name the page calls it by: its own, or "tong-hop (2).xlsx" when another picked file has that name. */
  name: string;
  /** Its own name, where the page calls it otherwise. */
  originalName?: string;
  bytes: number;
  snapshot?: WorkbookSnapshot;
  /** Why it cannot be read, located "file › where" as the command line locates it. */
  problem?: Problem;
}

/** What the page needs of a browser File (a test gives as much). */
export interface FileLike {
  name: string;
  size: number;
  lastModified: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export const identityOf = (file: FileLike): string => `${file.name}\u0000${file.size}\u0000${file.lastModified}`;

/** `name`, or "name (2).xlsx", "name (3).xlsx"… the first that no picked file is called by. */
export function distinctName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf(".");
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${extension}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const located = (file: string, p: Problem): Problem => ({ ...p, where: p.where ? `${file} › ${p.where}` : file });

/**
 * Read one picked file with the one .xlsx reader (src/xlsx), as the command line reads a file: a file over the
 * size limit is refused before its bytes are loaded; one the reader refuses keeps the reader's message.
 */
export async function readPicked(file: FileLike, name: string): Promise<PickedEntry> {
  const entry: PickedEntry = { identity: identityOf(file), name, bytes: file.size };
  if (name !== file.name) entry.originalName = file.name;
  try {
    const large = fileTooLarge(file.size);
    if (large) throw large;
    entry.snapshot = readXlsx(new Uint8Array(await file.arrayBuffer()), { fileName: file.name });
  } catch (e) {
    if (!(e instanceof XlsxReadError)) throw e;
    entry.problem = located(name, e.problem);
  }
  return entry;
}

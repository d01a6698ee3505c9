import { strFromU8, unzipSync } from "fflate";

/** A .docx opened as Word stores it: its parts by path, the XML ones as text. */
export interface DocxParts {
  paths: string[];
  text(path: string): string;
  bytes(path: string): Uint8Array;
}

export function openDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  return {
    paths: Object.keys(files).sort(),
    text: (path) => {
      const f = files[path];
      if (!f) throw new Error(`No part ${path} in the document`);
      return strFromU8(f);
    },
    bytes: (path) => {
      const f = files[path];
      if (!f) throw new Error(`No part ${path} in the document`);
      return f;
    },
  };
}

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The text of each paragraph of a WordprocessingML part, in order (table cells' paragraphs included). */
export function paragraphs(xml: string): string[] {
  const out: string[] = [];
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    out.push(
      unescape((p.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, "")).join(""))
    );
  }
  return out;
}

/** The tables of a part, each as rows of cell texts. */
export function tables(xml: string): string[][][] {
  return (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map((tbl) =>
    (tbl.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((tr) =>
      (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((tc) => paragraphs(tc).join("\n"))
    )
  );
}

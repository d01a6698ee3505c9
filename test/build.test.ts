/**
 * @jest-environment jsdom
 */
/**
 * The release is a complete add-in: `npm run release` runs once for an example address (the production build,
 * packed into one archive) into a temporary folder; the archive is unzipped here and its files checked: the
 * archive's layout, read-me and version, then the served files — functions.json, the English override, the
 * manifest, the page. Offline: the manifest is checked as XML here, not by the online validator.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { unzipSync } from "fflate";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";

const ROOT = path.resolve(__dirname, "..");
/** Typed without the trailing slash, as an officer might; every URL in the release must start with ADDIN_URL. */
const TYPED_URL = "https://ntm.phutho.gov.vn/addin";
const ADDIN_URL = `${TYPED_URL}/`;
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const ARCHIVE_NAME = `ntm-kdc-${VERSION}.zip`;
/** Where the archive puts the files the server serves. */
const SERVED = "may-chu/";
/** Files read by people or browsers: none may name the developer's machine. */
const TEXT_FILE = /\.(html|js|json|xml|txt|md|css)$/;

let releaseDir: string;
/** The served files, unzipped. */
let out: string;
let release: { status: number | null; stdout: string; output: string };
/** Every file of the archive, path → bytes. */
let archive: Record<string, Uint8Array> = {};

interface Parameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}
interface Metadata {
  allowErrorForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}

const read = (file: string): string => fs.readFileSync(path.join(out, file), "utf8");
const metadata = (file: string): Metadata => JSON.parse(read(file)) as Metadata;
const text = (entry: string): string => Buffer.from(archive[entry]).toString("utf8");

beforeAll(() => {
  releaseDir = fs.mkdtempSync(path.join(os.tmpdir(), "ntm-release-test-"));
  const result = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/ts-node/dist/bin.js"),
      "--transpile-only",
      "scripts/release/main.ts",
      "--out",
      path.join(releaseDir, "release"),
    ],
    { cwd: ROOT, env: { ...process.env, ADDIN_URL: TYPED_URL }, encoding: "utf8" }
  );
  release = { status: result.status, stdout: result.stdout, output: `${result.stdout}\n${result.stderr}` };
  const zipPath = path.join(releaseDir, "release", ARCHIVE_NAME);
  if (fs.existsSync(zipPath)) archive = unzipSync(fs.readFileSync(zipPath));
  out = path.join(releaseDir, "unzipped");
  for (const [name, bytes] of Object.entries(archive)) {
    if (!name.startsWith(SERVED) || name.endsWith("/")) continue;
    const file = path.join(out, name.slice(SERVED.length));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  }
}, 300_000);

afterAll(() => {
  if (releaseDir) fs.rmSync(releaseDir, { recursive: true, force: true });
});

test("npm run release builds the add-in and writes one archive", () => {
  expect(release.output).not.toMatch(/ERROR in|Lỗi:/);
  expect(release.status).toBe(0);
  expect(fs.readdirSync(path.join(releaseDir, "release"))).toEqual([ARCHIVE_NAME]);
  for (const f of [
    "taskpane.html",
    "taskpane.js",
    "functions.js",
    "functions.json",
    "functions.en-US.json",
    "manifest.xml",
    "assets/icon-16.png",
    "assets/icon-32.png",
    "assets/icon-64.png",
    "assets/icon-80.png",
    "web/ntm-kdc.html",
  ]) {
    expect(fs.existsSync(path.join(out, f))).toBe(true);
  }
});

describe("the release archive", () => {
  test("holds the read-me, the manifest, the served files, the web page and the guide, and nothing else", () => {
    const top = [...new Set(Object.keys(archive).map((name) => name.replace(/\/.*$/, "/")))].sort();
    expect(top).toEqual(
      ["DOC-TRUOC-README.txt", "huong-dan-trien-khai.md", "manifest.xml", "ntm-kdc.html", SERVED].sort()
    );
    expect(text("huong-dan-trien-khai.md")).toBe(fs.readFileSync(path.join(ROOT, "docs/deploy.md"), "utf8"));
    // The manifest to upload is the one the server carries.
    expect(text("manifest.xml")).toBe(read("manifest.xml"));
  });

  test("carries no test code: nothing under src/ imports from test/, and no script holds the Excel double", () => {
    const sources = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : [path.join(dir, e.name)]))
        .filter((f) => /\.tsx?$/.test(f));
    const importsTest = sources(path.join(ROOT, "src")).filter((f) =>
      /from\s+["'](\.\.\/)+test\//.test(fs.readFileSync(f, "utf8"))
    );
    expect(importsTest).toEqual([]);
    // The double's own texts (test/support/office/): its refusal messages and the e2e installer's global.
    const scripts = Object.keys(archive).filter((name) => /\.(js|html)$/.test(name));
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const name of scripts) {
      for (const mark of ["__excelDouble", "write-only in this double", "Excel would read"]) {
        expect([name, text(name).includes(mark)]).toEqual([name, false]);
      }
    }
  });

  test("no text file names the developer's machine", () => {
    const texts = Object.keys(archive).filter((name) => TEXT_FILE.test(name));
    expect(texts.length).toBeGreaterThan(8);
    for (const name of texts) expect([name, text(name).includes("localhost")]).toEqual([name, false]);
  });

  test("the version comes from package.json alone", () => {
    expect(text("manifest.xml")).toContain(`<Version>${VERSION}.0</Version>`);
    // The source manifest does not repeat it: a bump is one edit, of package.json.
    expect(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8")).not.toContain(`<Version>${VERSION}`);
  });

  test("the read-me shows right in any Notepad, Vietnamese first, and names this release", () => {
    expect(Array.from(archive["DOC-TRUOC-README.txt"].slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const readMe = text("DOC-TRUOC-README.txt");
    expect(readMe.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(readMe).toContain(`Phiên bản ${VERSION}`);
    expect(readMe).toContain(`${ADDIN_URL}taskpane.html`);
    expect(readMe.indexOf("CÁC BƯỚC")).toBeGreaterThan(0);
    expect(readMe.indexOf("CÁC BƯỚC")).toBeLessThan(readMe.indexOf("STEPS"));
    for (const entry of ["manifest.xml", SERVED, "ntm-kdc.html", "huong-dan-trien-khai.md"]) {
      expect(readMe).toContain(entry);
    }
    expect(readMe).toContain(`${ADDIN_URL}web/ntm-kdc.html`);
  });

  test("the command prints the archive's SHA-256", () => {
    const sha = createHash("sha256")
      .update(fs.readFileSync(path.join(releaseDir, "release", ARCHIVE_NAME)))
      .digest("hex");
    expect(release.stdout).toContain(`SHA-256: ${sha}`);
  });
});

describe("the web page in the release", () => {
  test("is one file, served from web/ and at the archive's top to be sent as it is", () => {
    expect(fs.readdirSync(path.join(out, "web"))).toEqual(["ntm-kdc.html"]);
    expect(Buffer.from(archive["ntm-kdc.html"])).toEqual(fs.readFileSync(path.join(out, "web/ntm-kdc.html")));
  });

  test("runs its own script only, by hash, and may connect nowhere; it shows package.json's version", () => {
    const html = text("ntm-kdc.html");
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(policy.split("; ")).toEqual(expect.arrayContaining(["default-src 'none'", "connect-src 'none'"]));
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const hash = createHash("sha256").update(scripts[0][1], "utf8").digest("base64");
    expect(policy).toContain(`script-src 'sha256-${hash}'`);
    expect(html).not.toMatch(/<script[^>]* src=/);
    expect(html).toContain(JSON.stringify(VERSION));
  });
});

describe("functions.json, generated from the JSDoc of src/functions/functions.ts", () => {
  const expected: Record<string, { parameters: Array<[string, boolean, string | undefined]>; matrix: boolean }> = {
    SCORE: {
      parameters: [
        ["values", false, "matrix"],
        ["headers", true, "matrix"],
      ],
      matrix: false,
    },
    STATUS: {
      parameters: [
        ["values", false, "matrix"],
        ["headers", true, "matrix"],
      ],
      matrix: false,
    },
    GAPS: {
      parameters: [
        ["values", false, "matrix"],
        ["headers", true, "matrix"],
      ],
      matrix: false,
    },
    GAPLIST: {
      parameters: [
        ["values", false, "matrix"],
        ["headers", true, "matrix"],
        ["vertical", true, undefined],
      ],
      matrix: true,
    },
    MET: {
      parameters: [
        ["criterion", false, undefined],
        ["values", false, "matrix"],
        ["headers", true, "matrix"],
      ],
      matrix: false,
    },
    EXPLAIN: {
      parameters: [
        ["values", false, "matrix"],
        ["headers", true, "matrix"],
      ],
      matrix: true,
    },
    THRESHOLD: {
      parameters: [
        ["indicator", false, undefined],
        ["year", true, undefined],
        ["group", true, undefined],
      ],
      matrix: false,
    },
    CRITERIA: { parameters: [], matrix: true },
  };

  test("is not kept in the repository", () => {
    expect(fs.existsSync(path.join(ROOT, "functions.json"))).toBe(false);
    expect(
      fs.readdirSync(path.join(ROOT, "src/functions")).filter((f) => f.startsWith("functions") && f.endsWith(".json"))
    ).toEqual([]);
  });

  test("ids, names, parameters, optional flags and spilling results", () => {
    const m = metadata("functions.json");
    expect(m.functions.map((f) => f.id)).toEqual(Object.keys(expected));
    for (const f of m.functions) {
      const want = expected[f.id];
      expect(f.name).toBe(f.id);
      expect(f.parameters.map((p) => [p.name, p.optional === true, p.dimensionality])).toEqual(want.parameters);
      expect(f.result.dimensionality === "matrix").toBe(want.matrix);
      expect(f.options?.volatile).toBeUndefined();
      expect(f.options?.stream).toBeUndefined();
    }
    const byId = new Map(m.functions.map((f) => [f.id, f]));
    expect(byId.get("SCORE")?.result.type).toBe("number");
    expect(byId.get("STATUS")?.result.type).toBe("string");
    expect(byId.get("MET")?.result.type).toBe("boolean");
  });

  test("error values inside ranges reach the functions (allowErrorForDataTypeAny)", () => {
    expect(metadata("functions.json").allowErrorForDataTypeAny).toBe(true);
  });

  test("every function and parameter has Vietnamese help, short enough for Excel", () => {
    for (const f of metadata("functions.json").functions) {
      expect(f.description).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệôồốổỗộơờớởỡợưừứửữự]/i);
      expect((f.description ?? "").length).toBeLessThanOrEqual(255);
      for (const p of f.parameters) {
        expect(p.description).toBeTruthy();
        expect((p.description ?? "").length).toBeLessThanOrEqual(128);
      }
    }
  });

  test("names cannot be mistaken for cell references or built-in functions", () => {
    const builtIns = new Set(["SUM", "COUNT", "MATCH", "INDEX", "TEXT", "VALUE", "RANK", "STANDARDIZE", "CRITBINOM"]);
    for (const f of metadata("functions.json").functions) {
      expect(f.name).toMatch(/^[A-Z][A-Z]{2,}$/);
      expect(f.name).not.toMatch(/^[A-Z]{1,3}\d+$/); // A1 … XFD1048576
      expect(f.name).not.toMatch(/^R\d*C\d*$/); // R1C1
      expect(builtIns.has(f.name)).toBe(false);
    }
  });
});

describe("functions.en-US.json, the English override", () => {
  test("the same functions and parameters, with English texts", () => {
    const vi = metadata("functions.json");
    const en = metadata("functions.en-US.json");
    const shape = (m: Metadata) =>
      m.functions.map((f) => ({
        id: f.id,
        name: f.name,
        result: f.result,
        options: f.options,
        parameters: f.parameters.map((p) => ({ ...p, description: undefined })),
      }));
    expect(shape(en)).toEqual(shape(vi));
    expect(en.allowErrorForDataTypeAny).toBe(true);
    en.functions.forEach((f, k) => {
      expect(f.description).toBeTruthy();
      expect(f.description).not.toBe(vi.functions[k].description);
      expect((f.description ?? "").length).toBeLessThanOrEqual(255);
      f.parameters.forEach((p, j) => {
        expect(p.description).not.toBe(vi.functions[k].parameters[j].description);
        expect((p.description ?? "").length).toBeLessThanOrEqual(128);
      });
    });
  });
});

describe("manifest.xml", () => {
  const NS = {
    app: "http://schemas.microsoft.com/office/appforoffice/1.1",
    bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
    ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
    xsi: "http://www.w3.org/2001/XMLSchema-instance",
  };
  let doc: Document;
  const all = (ns: string, tag: string): Element[] => Array.from(doc.getElementsByTagNameNS(ns, tag));
  const one = (ns: string, tag: string): Element => {
    const found = all(ns, tag);
    expect(found).toHaveLength(1);
    return found[0];
  };
  const child = (parent: Element, ns: string, tag: string): Element => {
    const found = Array.from(parent.getElementsByTagNameNS(ns, tag));
    expect(found.length).toBeGreaterThan(0);
    return found[0];
  };

  beforeAll(() => {
    doc = new DOMParser().parseFromString(read("manifest.xml"), "application/xml");
  });

  test("is well-formed XML, a task pane add-in for Excel, Vietnamese by default", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(doc.documentElement.getAttributeNS(NS.xsi, "type")).toBe("TaskPaneApp");
    expect(one(NS.app, "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(one(NS.app, "DefaultLocale").textContent).toBe("vi-VN");
    expect(all(NS.app, "Host").map((h) => h.getAttribute("Name"))).toContain("Workbook");
  });

  test("a shared runtime: SharedRuntime requirement, one long-lived runtime that is the functions' page", () => {
    const sets = all(NS.app, "Set").map((s) => s.getAttribute("Name"));
    expect(sets).toContain("SharedRuntime");
    const runtime = one(NS.ov, "Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const functionsPoint = all(NS.ov, "ExtensionPoint").find(
      (e) => e.getAttributeNS(NS.xsi, "type") === "CustomFunctions"
    );
    expect(functionsPoint).toBeDefined();
    const cf = functionsPoint as Element;
    const page = child(child(cf, NS.ov, "Page"), NS.ov, "SourceLocation").getAttribute("resid");
    expect(page).toBe(runtime.getAttribute("resid"));
    expect(child(one(NS.ov, "DesktopFormFactor"), NS.ov, "FunctionFile").getAttribute("resid")).toBe(page);
    const action = child(one(NS.ov, "DesktopFormFactor"), NS.ov, "Action");
    expect(child(action, NS.ov, "SourceLocation").getAttribute("resid")).toBe(page);
  });

  test("namespace NTM", () => {
    const resid = child(all(NS.ov, "ExtensionPoint")[0], NS.ov, "Namespace").getAttribute("resid");
    const value = all(NS.bt, "String")
      .find((s) => s.getAttribute("id") === resid)
      ?.getAttribute("DefaultValue");
    expect(value).toBe("NTM");
  });

  test("every resid used is defined once", () => {
    const defined = [...all(NS.bt, "Image"), ...all(NS.bt, "Url"), ...all(NS.bt, "String")]
      .map((e) => e.getAttribute("id"))
      .filter((id): id is string => id !== null);
    expect(new Set(defined).size).toBe(defined.length);
    const used = Array.from(doc.getElementsByTagName("*"))
      .map((e) => e.getAttribute("resid"))
      .filter((id): id is string => id !== null);
    expect(used.length).toBeGreaterThan(10);
    for (const id of used) expect(defined).toContain(id);
  });

  test("every URL is under ADDIN_URL and names a served file", () => {
    // Attribute values (SourceLocation, IconUrl, bt:Url, bt:Image, overrides…) and element text (AppDomain…) alike;
    // namespace names are not addresses.
    const elements = Array.from(doc.getElementsByTagName("*"));
    const values = [
      ...elements.flatMap((e) => Array.from(e.attributes).map((a) => a.value)),
      ...elements.flatMap((e) => Array.from(e.childNodes).map((n) => (n.nodeType === 3 ? (n.textContent ?? "") : ""))),
    ].map((v) => v.trim());
    const urls = values.filter((v) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !Object.values(NS).includes(v));
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      expect(url.startsWith(ADDIN_URL)).toBe(true);
      const file = url.slice(ADDIN_URL.length).split(/[?#]/)[0];
      expect([file, fs.existsSync(path.join(out, file))]).toEqual([file, true]);
    }
    expect(read("manifest.xml")).not.toContain("localhost");
    expect(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8")).toContain("https://localhost:3000/");
  });

  test("the functions' script and metadata; English metadata by bt:Override", () => {
    const urls = new Map(all(NS.bt, "Url").map((u) => [u.getAttribute("id"), u]));
    const cf = all(NS.ov, "ExtensionPoint").find(
      (e) => e.getAttributeNS(NS.xsi, "type") === "CustomFunctions"
    ) as Element;
    const script = urls.get(child(child(cf, NS.ov, "Script"), NS.ov, "SourceLocation").getAttribute("resid"));
    expect(script?.getAttribute("DefaultValue")).toBe(`${ADDIN_URL}functions.js`);
    const meta = urls.get(
      child(child(cf, NS.ov, "Metadata"), NS.ov, "SourceLocation").getAttribute("resid")
    ) as Element;
    expect(meta.getAttribute("DefaultValue")).toBe(`${ADDIN_URL}functions.json`);
    const overrides = Array.from(meta.getElementsByTagNameNS(NS.bt, "Override"));
    expect(overrides.map((o) => o.getAttribute("Locale"))).toContain("en-US");
    for (const o of overrides) expect(o.getAttribute("Value")).toBe(`${ADDIN_URL}functions.en-US.json`);
  });

  test("strings fit the manifest's limits", () => {
    const value = (e: Element) => [
      e.getAttribute("DefaultValue") ?? "",
      ...Array.from(e.children).map((o) => o.getAttribute("Value") ?? ""),
    ];
    const short = [one(NS.app, "DisplayName"), ...Array.from(one(NS.bt, "ShortStrings").children)];
    const long = [one(NS.app, "Description"), ...Array.from(one(NS.bt, "LongStrings").children)];
    for (const e of short) for (const v of value(e)) expect(v.length).toBeLessThanOrEqual(125);
    for (const e of long) for (const v of value(e)) expect(v.length).toBeLessThanOrEqual(250);
  });
});

describe("taskpane.html, the shared runtime page", () => {
  test("loads office.js from Microsoft's CDN, then the functions bundle, then the pane", () => {
    const html = new DOMParser().parseFromString(read("taskpane.html"), "text/html");
    const scripts = Array.from(html.querySelectorAll("script")).map((s) => s.getAttribute("src"));
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.js",
      "taskpane.js",
    ]);
  });

  test("the functions bundle registers every function; the pane bundle shares its modules", () => {
    const functionsJs = read("functions.js");
    for (const f of metadata("functions.json").functions) {
      expect(functionsJs).toContain(`CustomFunctions.associate("${f.id}"`);
    }
    // addin-state (and the core) live once, in functions.js; taskpane.js reuses them.
    expect(functionsJs).toContain("stored-ruleset");
    expect(read("taskpane.js")).not.toContain("stored-ruleset");
  });
});

describe("the production functions bundle, run alone as Excel's runtime would", () => {
  test("registers every function and answers, with faults as CustomFunctions.Error", async () => {
    const associated = new Map<string, (...args: unknown[]) => Promise<unknown>>();
    class ExcelError {
      constructor(
        readonly code: string,
        readonly message?: string
      ) {}
    }
    const context: Record<string, unknown> = {
      console,
      setTimeout,
      clearTimeout,
      queueMicrotask,
      CustomFunctions: {
        associate: (id: string, f: (...args: unknown[]) => Promise<unknown>) => associated.set(id, f),
        Error: ExcelError,
        ErrorCode: { invalidValue: "#VALUE!" },
      },
    };
    context.self = context;
    context.window = context;
    vm.createContext(context);
    vm.runInContext(read("functions.js"), context);
    expect([...associated.keys()]).toEqual(metadata("functions.json").functions.map((f) => f.id));
    const row = [
      [70, 80, 70, 50, "Có", 95, "Có", "Có", 0, 75, 36000000, 12, 90, "Có", 85, "Có", 70, 90, 70, 60, "Có", "Có"],
    ];
    const call = (id: string, ...args: unknown[]) =>
      (associated.get(id) as (...a: unknown[]) => Promise<unknown>)(...args);
    expect(await call("SCORE", row, null)).toBe(12);
    expect(await call("GAPS", row, null)).toBe("TC02 Thủy lợi");
    await expect(call("MET", "TC99", row, null)).rejects.toMatchObject({ code: "#VALUE!" });
  });
});

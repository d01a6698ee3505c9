/**
 * Two builds into one folder:
 *  - "addin": one shared runtime page (taskpane.html) loading the functions bundle, then the pane bundle;
 *  - "page": the standalone web page, web/ntm-kdc.html, one self-contained file (see SelfContainedPagePlugin).
 *
 *   npm run build                      production build into dist/ (manifest URLs → $ADDIN_URL)
 *   ADDIN_URL=https://… npm run release   that build, packed for an IT officer (scripts/release/)
 *   npm run dev-server                 https://localhost:3000 with office-addin-dev-certs when installed
 *   DEV_SERVER_HTTP=1 npm run dev-server   plain http://localhost:3000 (tests, CI: no certificates needed)
 *
 * functions.json is generated from the JSDoc of src/functions/functions.ts (CustomFunctionsMetadataPlugin);
 * functions.en-US.json is that file with the English texts of src/functions/locales/en-US.json.
 */
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");

const DEV_URL = "https://localhost:3000/";
const FUNCTIONS_SOURCE = "./src/functions/functions.ts";
const ENGLISH_TEXTS = path.resolve(__dirname, "src/functions/locales/en-US.json");

/** Where the production add-in is served from, with a trailing slash. */
function productionUrl() {
  const url = (process.env.ADDIN_URL || DEV_URL).trim();
  return url.endsWith("/") ? url : url + "/";
}

/** package.json's "version": the one place it is written. */
function packageVersion() {
  return JSON.parse(fs.readFileSync(path.resolve(__dirname, "package.json"), "utf8")).version;
}

/**
 * The manifest's <Version>: package.json's "version" (x.y.z) with a fourth part, so that a version bump is one
 * edit. Office wants 1 to 4 parts of at most 5 digits; a pre-release tag (1.0.0-beta) has no place there.
 */
function manifestVersion() {
  const version = packageVersion();
  if (!/^\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version)) {
    throw new Error(`package.json "version" is "${version}": the manifest needs x.y.z, digits only (at most 5 each)`);
  }
  return `${version}.0`;
}

/** The office-addin-dev-certs certificate, if it has been installed; never installs one. */
function devCertificate() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (!Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) return undefined;
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

/**
 * Copy the manifest (<Version> from package.json; URLs → $ADDIN_URL in production) and the icons into the build.
 * A few lines here instead of copy-webpack-plugin, whose schema-utils/ajv-keywords cannot load under the
 * lockfile's flat ajv 6.
 */
class AddinFilesPlugin {
  constructor(dev, version) {
    this.dev = dev;
    this.version = version;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AddinFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AddinFilesPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const manifestPath = path.resolve(__dirname, "manifest.xml");
          compilation.fileDependencies.add(manifestPath);
          const source = fs.readFileSync(manifestPath, "utf8");
          const versions = source.match(/<Version>[^<]*<\/Version>/g) || [];
          if (versions.length !== 1) {
            compilation.errors.push(
              new webpack.WebpackError(`${manifestPath}: expected one <Version>, found ${versions.length}`)
            );
          }
          const manifest = source.replace(/<Version>[^<]*<\/Version>/, `<Version>${this.version}</Version>`);
          const text = this.dev ? manifest : manifest.split(DEV_URL).join(productionUrl());
          compilation.emitAsset("manifest.xml", new webpack.sources.RawSource(text));
          const assets = path.resolve(__dirname, "assets");
          compilation.contextDependencies.add(assets);
          for (const file of fs.readdirSync(assets).filter((f) => f.endsWith(".png"))) {
            compilation.emitAsset(
              `assets/${file}`,
              new webpack.sources.RawSource(fs.readFileSync(path.join(assets, file)))
            );
          }
        }
      );
    });
  }
}

/** Merge the hand-written English texts into the generated metadata; any id or parameter mismatch fails the build. */
function englishMetadata(metadata, texts) {
  const problems = [];
  const functions = metadata.functions.map((f) => {
    const t = texts.functions[f.id];
    if (!t || !t.description) {
      problems.push(`no English description for ${f.id}`);
      return f;
    }
    const parameters = f.parameters.map((p) => {
      const description = t.parameters && t.parameters[p.name];
      if (!description) problems.push(`no English description for ${f.id}(${p.name})`);
      return { ...p, description: description || p.description };
    });
    for (const name of Object.keys(t.parameters || {})) {
      if (!f.parameters.some((p) => p.name === name)) problems.push(`${f.id} has no parameter "${name}"`);
    }
    return { ...f, name: t.name || f.name, description: t.description, parameters };
  });
  for (const id of Object.keys(texts.functions)) {
    if (!metadata.functions.some((f) => f.id === id)) problems.push(`no function ${id} (English texts name it)`);
  }
  return { metadata: { ...metadata, functions }, problems };
}

/**
 * After CustomFunctionsMetadataPlugin has generated functions.json: let Excel pass error values inside `any`
 * ranges (so one #N/A in a row is read as unreadable rather than turning the formula into #N/A; JSDoc cannot
 * say this) and emit the English metadata named by <bt:Override> in the manifest.
 */
class FunctionsMetadataLocalesPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsMetadataLocalesPlugin", (compilation) => {
      compilation.fileDependencies.add(ENGLISH_TEXTS);
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataLocalesPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return; // the metadata plugin reported why
          const metadata = { allowErrorForDataTypeAny: true, ...JSON.parse(asset.source.source().toString()) };
          compilation.updateAsset("functions.json", new webpack.sources.RawSource(JSON.stringify(metadata, null, 2)));
          const texts = JSON.parse(fs.readFileSync(ENGLISH_TEXTS, "utf8"));
          const english = englishMetadata(metadata, texts);
          for (const p of english.problems) compilation.errors.push(new webpack.WebpackError(`${ENGLISH_TEXTS}: ${p}`));
          compilation.emitAsset(
            "functions.en-US.json",
            new webpack.sources.RawSource(JSON.stringify(english.metadata, null, 2))
          );
        }
      );
    });
  }
}

/** The web page, in the build: one file, served beside the add-in and given out on its own. */
const PAGE_FILE = "web/ntm-kdc.html";
const PAGE_TEMPLATE = path.resolve(__dirname, "src/web/page.html");

/**
 * The web page as ONE file that needs nothing else, from a web server or opened from disk (file://): the bundle
 * is written into the HTML (every lazy part folded in beforehand, LimitChunkCountPlugin), with its licence
 * comments, and the page's Content-Security-Policy allows that script alone, by its hash, and no network at all:
 * connect-src 'none', and nothing may be loaded from anywhere (default-src 'none'). Styles are inline (Fluent UI
 * writes its own at run time); pictures only from the page's own memory (its charts). A few lines here rather than a plugin, since the script's hash must reach the
 * policy in the same file.
 */
class SelfContainedPagePlugin {
  constructor(entry, file, template) {
    this.entry = entry;
    this.file = file;
    this.template = template;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("SelfContainedPagePlugin", (compilation) => {
      compilation.fileDependencies.add(this.template);
      compilation.hooks.processAssets.tap(
        // After minification: the script written in is the one that runs.
        { name: "SelfContainedPagePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        () => {
          const fail = (message) => compilation.errors.push(new webpack.WebpackError(`${this.file}: ${message}`));
          const scriptName = `${this.entry}.js`;
          const others = compilation.getAssets().filter((a) => a.name.endsWith(".js") && a.name !== scriptName);
          if (others.length > 0)
            return fail(`a script besides the page's own: ${others.map((a) => a.name).join(", ")}`);
          const asset = compilation.getAsset(scriptName);
          if (!asset) return fail(`no ${scriptName}`);
          const licenses = compilation.getAsset(`${scriptName}.LICENSE.txt`);
          // Inside <script>, HTML reads "<!--", "<script" and "</script" as its own; written "\x3C…", as the HTML
          // standard advises, they mean the same to JavaScript (in strings, template and regular expression literals,
          // comments). HTML turns every CR LF and CR into LF before the browser hashes the script: so does this, as
          // JavaScript reads them alike. The licence notices go above the script (the minifier's pointer to a file
          // of them is dropped: the page is one file).
          const script = asset.source
            .source()
            .toString()
            .replace(/^\/\*! For license information please see [^*]*\*\/\n?/, "")
            .replace(/<(!--|\/?script)/gi, "\\x3C$1")
            .replace(/\r\n?/g, "\n");
          const hash = crypto.createHash("sha256").update(script, "utf8").digest("base64");
          const policy = [
            "default-src 'none'",
            `script-src 'sha256-${hash}'`,
            "style-src 'unsafe-inline'",
            // Charts are drawn as pictures inside the page, from a blob: of its own memory (CanvasRasterizer).
            "img-src blob:",
            "connect-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
          ].join("; ");
          const notice = licenses
            ? `<!--\n${licenses.source.source().toString().replace(/--!?>/g, "- ->")}\n-->\n    `
            : "";
          const template = fs.readFileSync(this.template, "utf8");
          if (!template.includes("%CONTENT_SECURITY_POLICY%") || !template.includes("<!-- %PAGE_SCRIPT% -->")) {
            return fail(`${this.template} lacks a placeholder`);
          }
          // Functions as replacements: a "$" in the script is the script's.
          const html = template
            .replace("%CONTENT_SECURITY_POLICY%", () => policy)
            .replace("<!-- %PAGE_SCRIPT% -->", () => `${notice}<script>${script}</script>`);
          // Marked minimized: a minifier must not touch the page after its script's hash is taken.
          compilation.emitAsset(this.file, new webpack.sources.RawSource(html), { minimized: true });
          compilation.deleteAsset(scriptName);
          if (licenses) compilation.deleteAsset(licenses.name);
        }
      );
    });
  }
}

/** TypeScript, transpiled only: type checking is `npm run typecheck`. */
const typescriptRule = (dev) => ({
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: dev } },
  },
});

/** The web page's build: the same sources, rules and resolution as the add-in's, into one file (PAGE_FILE). */
function pageConfig(outputPath, version) {
  const entry = "ntm-kdc";
  return {
    name: "page",
    devtool: false,
    entry: { [entry]: "./src/web/index.tsx" },
    output: { path: outputPath, filename: "[name].js", publicPath: "", clean: false },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: { rules: [typescriptRule(false)] },
    performance: { hints: false },
    plugins: [
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new webpack.DefinePlugin({ NTM_VERSION: JSON.stringify(version) }),
      new SelfContainedPagePlugin(entry, PAGE_FILE, PAGE_TEMPLATE),
    ],
  };
}

module.exports = (env, options) => {
  const dev = options.mode === "development";
  const http = /^(1|true|yes)$/i.test(process.env.DEV_SERVER_HTTP || "");
  const certificate = http ? undefined : devCertificate();
  const outputPath = path.resolve(__dirname, "dist");
  const addin = {
    name: "addin",
    devtool: dev ? "source-map" : false,
    entry: {
      // The functions bundle carries the webpack runtime and the core; the pane depends on it, so both share
      // one instance of every module (addin-state above all) in the shared runtime.
      functions: FUNCTIONS_SOURCE,
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
    },
    output: {
      path: outputPath,
      filename: "[name].js",
      // Chunks loaded on first use (the Word report's libraries) resolve beside the page that loads them.
      // Not "auto": its detection runs when functions.js starts, and Excel's functions-only runtime has no
      // document to detect from.
      publicPath: "",
      // Emptied first, but for the web page (web/), which the page's build writes alongside.
      clean: { keep: /^web\// },
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: { rules: [typescriptRule(dev)] },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_SOURCE }),
      new FunctionsMetadataLocalesPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new AddinFilesPlugin(dev, manifestVersion()),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      host: http ? "localhost" : undefined,
      // With no dev certificate installed (`npx office-addin-dev-certs install`), webpack's own self-signed one.
      server: http ? "http" : { type: "https", options: certificate },
      port: Number(process.env.DEV_SERVER_PORT || 3000),
      hot: false,
      liveReload: !http,
      client: http ? false : undefined,
    },
  };
  return [addin, pageConfig(outputPath, packageVersion())];
};

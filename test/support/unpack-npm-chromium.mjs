// Unpacks the browser that @sparticuz/chromium ships brotli-packed in its npm tarball, with its fonts and
// the NSS libraries it links against, into the system temporary directory (browser.ts points TMPDIR at a
// fresh directory of its own). Its own Node process: the package is ES-module-only, jest runs CommonJS.
// Argument: the package's bin directory.
import chromium, { inflate } from "@sparticuz/chromium";
import { join } from "node:path";

const bin = process.argv[2];
await chromium.executablePath(bin); // chromium, fonts/ and the SwiftShader libraries
await inflate(join(bin, "al2023.tar.br")); // al2023/lib: libnss3, libnspr4, libexpat

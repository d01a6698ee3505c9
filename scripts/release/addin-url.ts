import { CliError, EXIT } from "../../src/cli/exit-codes";
import { problem } from "../../src/rules/message";

const EXAMPLE = "ADDIN_URL=https://ntm.phutho.gov.vn/addin/ npm run release";

/** Host names that only ever mean "this computer": a release for them is the developer's own build. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

function refuse(vi: string, en: string): CliError {
  return new CliError(EXIT.usage, [
    problem("addin-url", "ADDIN_URL", `${vi} Ví dụ: ${EXAMPLE}`, `${en} Example: ${EXAMPLE}`),
  ]);
}

/**
 * The base URL a release is built for, from $ADDIN_URL as typed: an https address of a real server, a folder
 * (a trailing slash is added), with nothing the manifest cannot carry. Office loads add-ins only over HTTPS with
 * a certificate it trusts, and every URL in the manifest is this base plus a file name, so anything else would
 * give an archive that installs and then fails on every computer.
 */
export function releaseUrl(raw: string | undefined): string {
  const typed = (raw ?? "").trim();
  if (!typed) {
    throw refuse(
      "chưa đặt địa chỉ máy chủ sẽ phục vụ add-in.",
      "is not set: the address of the server that will serve the add-in."
    );
  }
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    throw refuse(`"${typed}" không phải là một địa chỉ web hợp lệ.`, `"${typed}" is not a valid web address.`);
  }
  if (url.protocol !== "https:") {
    throw refuse(
      `"${typed}" phải bắt đầu bằng https:// (Office chỉ tải add-in qua HTTPS có chứng chỉ hợp lệ).`,
      `"${typed}" must start with https:// (Office loads add-ins only over HTTPS with a valid certificate).`
    );
  }
  if (LOOPBACK.test(url.hostname)) {
    throw refuse(
      `"${typed}" là máy của chính bạn; bản phát hành cần địa chỉ của máy chủ mà các máy khác truy cập được (thử trên máy mình: npm start).`,
      `"${typed}" is this computer; a release needs the address of a server other computers reach (to try it locally: npm start).`
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw refuse(
      `"${typed}" không được chứa tên đăng nhập, mật khẩu, "?…" hay "#…": chỉ là địa chỉ của thư mục chứa các tệp.`,
      `"${typed}" must not carry a user name, password, "?…" or "#…": only the address of the folder holding the files.`
    );
  }
  const base = url.href.endsWith("/") ? url.href : `${url.href}/`;
  // URL leaves & and ' in a path; in the manifest's attributes they would break the XML or the URL.
  const unsafe = base.match(/[&'"<>\s\\]/);
  if (unsafe) {
    throw refuse(
      `"${typed}" chứa ký tự "${unsafe[0]}" không ghi được vào manifest; hãy đổi tên thư mục trên máy chủ.`,
      `"${typed}" contains "${unsafe[0]}", which the manifest cannot carry; rename the folder on the server.`
    );
  }
  return base;
}

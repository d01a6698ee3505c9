import { Message, msg } from "../../src/rules/message";
import { readMe } from "./read-me";

/** The facts one release is made of; the texts written into the archive are made from them. */
export interface Release {
  /** package.json's "version". */
  version: string;
  /** Where the files are served, with a trailing slash: every URL in the manifest starts with it. */
  url: string;
}

/** Where an archive entry comes from: the production build, a file of this repository, or a text for this release. */
export type ReleaseEntry = { to: string; what: Message } & (
  { build: string } | { repository: string } | { text: (release: Release, contents: readonly ReleaseEntry[]) => string }
);

/**
 * Everything the release archive holds, in one place, in this order. `to` is the path in the archive (a trailing
 * slash: a folder); `build` and `repository` name a file or a folder ("." is the whole production build); `what`
 * is the line DOC-TRUOC-README.txt gives it. The web page is built into web/ntm-kdc.html, so may-chu/ carries it
 * (served at ADDIN_URL/web/ntm-kdc.html); its own entry puts the one file at the top, to be sent as it is.
 */
export const RELEASE_CONTENTS: readonly ReleaseEntry[] = [
  {
    to: "DOC-TRUOC-README.txt",
    text: readMe,
    what: msg("Tệp này: các bước triển khai.", "This file: the deployment steps."),
  },
  {
    to: "manifest.xml",
    build: "manifest.xml",
    what: msg(
      "Tệp khai báo add-in: tải lên Trung tâm quản trị Microsoft 365, hoặc đặt vào thư mục chia sẻ.",
      "The add-in's manifest: upload it in the Microsoft 365 admin center, or put it in the shared folder."
    ),
  },
  {
    to: "may-chu/",
    build: ".",
    what: msg(
      "Các tệp để máy chủ web phục vụ tại địa chỉ của bản phát hành (có cả một bản manifest.xml).",
      "The files the web server serves at the release's address (a copy of manifest.xml included)."
    ),
  },
  {
    to: "ntm-kdc.html",
    build: "web/ntm-kdc.html",
    what: msg(
      "Trang web độc lập cho cơ quan không có Excel mới (Office 2016/2019) hoặc không có Excel: một tệp, gửi qua thư điện tử, USB, hoặc mở từ máy chủ (may-chu/web/).",
      "The standalone web page for offices without a recent Excel (Office 2016/2019) or without Excel: one file, sent by email or USB, or opened from the server (may-chu/web/)."
    ),
  },
  {
    to: "huong-dan-trien-khai.md",
    repository: "docs/deploy.md",
    what: msg(
      "Hướng dẫn đầy đủ: máy chủ, các cách cài, cập nhật, gỡ, phiên bản Excel.",
      "The full guide: server, install routes, updates, removal, Excel versions."
    ),
  },
];

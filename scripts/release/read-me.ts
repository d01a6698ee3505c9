import type { Release, ReleaseEntry } from "./contents";

/** "  manifest.xml    The add-in's manifest…", one line per archive entry, in one language. */
function contentsList(contents: readonly ReleaseEntry[], language: "vi" | "en"): string {
  const width = Math.max(...contents.map((e) => e.to.length)) + 2;
  return contents.map((e) => `  ${e.to.padEnd(width)}${e.what[language]}`).join("\n");
}

/**
 * DOC-TRUOC-README.txt: what the IT officer who receives the archive does with it, Vietnamese first. It names the
 * release's own address and version, so the steps can be followed as written; the details are in the guide
 * (docs/deploy.md, in the archive as huong-dan-trien-khai.md). Menu names are Office's English ones.
 */
export function readMe(release: Release, contents: readonly ReleaseEntry[]): string {
  const { version, url } = release;
  const page = `${url}taskpane.html`;
  const webPage = `${url}web/ntm-kdc.html`;
  return `NTM KDC - add-in Excel đánh giá khu dân cư nông thôn mới (tỉnh Phú Thọ)
Phiên bản ${version}, dựng cho địa chỉ ${url}

TRONG GÓI NÀY
${contentsList(contents, "vi")}

CÁC BƯỚC
1. Chép toàn bộ nội dung thư mục may-chu/ lên máy chủ HTTPS, sao cho địa chỉ
     ${page}
   mở được trong trình duyệt mà không có cảnh báo chứng chỉ. Máy chủ phải gửi thêm
   "Access-Control-Allow-Origin: *" cho các tệp .json (Excel trên web đọc chúng) và không được cấm
   hiển thị trong khung (X-Frame-Options). Mẫu cấu hình nginx và IIS: mục "Máy chủ" của hướng dẫn.
2. Cài cho người dùng, một trong ba cách (chi tiết trong hướng dẫn):
   a) Tổ chức dùng Microsoft 365: Microsoft 365 admin center > Settings > Integrated apps >
      Upload custom apps > chọn manifest.xml > giao cho một nhóm người dùng. Có thể mất đến 24 giờ.
   b) Excel trên Windows: đặt manifest.xml vào một thư mục chia sẻ trong mạng nội bộ; trên mỗi máy:
      File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs, thêm đường dẫn
      \\\\máy-chủ\\thư-mục, đánh dấu Show in Menu, mở lại Excel; rồi Home > Add-ins > Advanced > SHARED FOLDER.
   c) Một người, Excel trên web: Home > Add-ins > More Settings > Upload My Add-in > chọn manifest.xml.
3. Kiểm tra: trong Excel, thẻ Home có nhóm "Nông thôn mới" với nút "Đánh giá KDC"; gõ =NTM.SCORE( vào
   một ô thì Excel gợi ý hàm.
4. Cơ quan có Excel 2016/2019 hoặc không có Excel: dùng trang web độc lập, mở trong Chrome, Edge, Firefox:
     ${webPage}
   hoặc gửi tệp ntm-kdc.html (trong gói này) qua thư điện tử, USB: mở bằng trình duyệt là dùng được, cả khi
   không có mạng. Trang đọc tệp .xlsx ngay trong trình duyệt, không gửi dữ liệu đi đâu, và cho tải báo cáo.

CẬP NHẬT
Thay toàn bộ tệp trên máy chủ bằng thư mục may-chu/ của bản mới, rồi đưa manifest.xml mới lên đúng chỗ
cũ (admin center: chọn add-in > Update; thư mục chia sẻ: chép đè). Bản mới luôn có số phiên bản lớn hơn.

Không có dữ liệu nào rời khỏi sổ Excel: add-in chỉ tải các tệp của chính nó từ máy chủ trên và
office.js từ Microsoft; trang web không tải gì sau khi mở (trình duyệt chặn mọi kết nối của nó). Tên menu ở trên là tên trong Office tiếng Anh; Office tiếng Việt có thể ghi khác.

--------------------------------------------------------------------------------------------------------

NTM KDC - Excel add-in assessing new rural residential areas (Phú Thọ province)
Version ${version}, built for ${url}

IN THIS ARCHIVE
${contentsList(contents, "en")}

STEPS
1. Copy everything in the may-chu/ folder to an HTTPS server so that
     ${page}
   opens in a browser with no certificate warning. The server must also send
   "Access-Control-Allow-Origin: *" for the .json files (Excel on the web reads them) and must not forbid
   framing (X-Frame-Options). nginx and IIS examples: the guide's "Server" section.
2. Install it for users, one of three ways (details in the guide):
   a) Organisations on Microsoft 365: Microsoft 365 admin center > Settings > Integrated apps >
      Upload custom apps > choose manifest.xml > assign a group of users. It can take up to 24 hours.
   b) Excel on Windows: put manifest.xml in a network shared folder; on each computer: File > Options >
      Trust Center > Trust Center Settings > Trusted Add-in Catalogs, add \\\\server\\folder, tick Show in Menu,
      restart Excel; then Home > Add-ins > Advanced > SHARED FOLDER.
   c) One person, Excel on the web: Home > Add-ins > More Settings > Upload My Add-in > choose manifest.xml.
3. Check: in Excel, the Home tab has a "Nông thôn mới" group with an "Đánh giá KDC" button; typing
   =NTM.SCORE( in a cell makes Excel suggest the function.
4. Offices with Excel 2016/2019 or no Excel: the standalone web page, in Chrome, Edge or Firefox:
     ${webPage}
   or send the file ntm-kdc.html (in this archive) by email or USB: opened in a browser it works, offline
   too. It reads .xlsx files inside the browser, sends no data anywhere, and downloads the report.

UPDATES
Replace all files on the server with the new release's may-chu/ folder, then put the new manifest.xml where
the old one went (admin center: select the add-in > Update; shared folder: overwrite). A new release always
has a higher version number.

No data leaves the workbook: the add-in loads only its own files from the server above and office.js from
Microsoft; the web page loads nothing once open (the browser blocks all its connections). Menu names above are those of English Office; Vietnamese Office may label them differently.
`;
}

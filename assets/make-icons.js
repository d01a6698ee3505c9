// Draws the add-in's icons (a white tick on a green rounded square) as PNGs with zlib only.
// Run: node assets/make-icons.js — the PNGs are committed; this script is how they were made.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function icon(size) {
  const rows = [];
  const radius = size * 0.2;
  const stroke = Math.max(1.2, size * 0.09);
  for (let y = 0; y < size; y++) {
    const row = [0]; // filter: none
    for (let x = 0; x < size; x++) {
      const cx = x + 0.5;
      const cy = y + 0.5;
      // Rounded square: distance outside the inner rectangle.
      const qx = Math.max(radius - cx, 0, cx - (size - radius));
      const qy = Math.max(radius - cy, 0, cy - (size - radius));
      const outside = Math.hypot(qx, qy) - radius;
      const alpha = Math.round(255 * Math.max(0, Math.min(1, 0.5 - outside)));
      const u = cx / size;
      const v = cy / size;
      const tick = Math.min(
        distanceToSegment(u, v, 0.24, 0.52, 0.42, 0.7),
        distanceToSegment(u, v, 0.42, 0.7, 0.77, 0.32)
      );
      const white = Math.max(0, Math.min(1, (stroke / size - tick) * size + 0.5));
      const green = [0x2e, 0x7d, 0x32];
      row.push(...green.map((g) => Math.round(g + (255 - g) * white)), alpha);
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 64, 80, 128]) {
  fs.writeFileSync(path.join(__dirname, `icon-${size}.png`), icon(size));
}

#!/usr/bin/env node
/**
 * Draws the extension's icon (vscode-extension/images/icon.png, 128x128, the PNG the Marketplace
 * asks for): three states linked top to bottom, the last one a terminal check, on the Step
 * Functions pink. Run again after changing the drawing; the PNG is committed.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const S = 128;
const px = new Uint8Array(S * S * 4);
const put = (x, y, [r, g, b], a = 255) => {
  if (x < 0 || y < 0 || x >= S || y >= S) return;
  const i = (y * S + x) * 4;
  const t = a / 255;
  px[i] = Math.round(px[i] * (1 - t) + r * t);
  px[i + 1] = Math.round(px[i + 1] * (1 - t) + g * t);
  px[i + 2] = Math.round(px[i + 2] * (1 - t) + b * t);
  px[i + 3] = Math.max(px[i + 3], a);
};
/** A filled rounded rectangle, anti-aliased at its corners by 4x4 supersampling. */
const rect = (x0, y0, x1, y1, r, color) => {
  for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
    for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
      let inside = 0;
      for (let sy = 0; sy < 4; sy++) {
        for (let sx = 0; sx < 4; sx++) {
          const fx = x + (sx + 0.5) / 4;
          const fy = y + (sy + 0.5) / 4;
          const cx = Math.min(Math.max(fx, x0 + r), x1 - r);
          const cy = Math.min(Math.max(fy, y0 + r), y1 - r);
          if (fx >= x0 && fx <= x1 && fy >= y0 && fy <= y1 && (fx - cx) ** 2 + (fy - cy) ** 2 <= r * r) inside++;
        }
      }
      if (inside) put(x, y, color, Math.round((255 * inside) / 16));
    }
  }
};
const PINK = [204, 32, 112];
const WHITE = [255, 255, 255];
const DARK = [40, 20, 60];
rect(0, 0, 128, 128, 22, PINK);
// links
rect(62, 34, 66, 52, 0, WHITE);
rect(62, 72, 66, 88, 0, WHITE);
// states
rect(30, 14, 98, 36, 8, WHITE);
rect(30, 52, 98, 74, 8, WHITE);
rect(44, 88, 84, 114, 13, WHITE);
// labels: bars in the boxes, a check in the terminal state
rect(40, 22, 88, 28, 3, PINK);
rect(40, 60, 76, 66, 3, PINK);
for (let t = 0; t <= 1; t += 0.01) {
  const a = t < 0.4 ? [55 + t * 20, 100 + t * 15] : [63 + (t - 0.4) * 25, 106 - (t - 0.4) * 18];
  rect(a[0] - 2, a[1] - 2, a[0] + 2, a[1] + 2, 2, DARK);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(S, 0);
ihdr.writeUInt32BE(S, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc(S * (S * 4 + 1));
for (let y = 0; y < S; y++) Buffer.from(px.buffer, y * S * 4, S * 4).copy(raw, y * (S * 4 + 1) + 1);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
const out = new URL('../vscode-extension/images/icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes)`);

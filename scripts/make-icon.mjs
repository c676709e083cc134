// Draws images/icon.png (128x128, RGBA), the extension's gallery icon: a
// rounded dark-blue square with a white retry arrow around an amber "!".
// Run `node scripts/make-icon.mjs` after changing it, and commit the PNG.
import { Buffer } from "node:buffer";
import { writeFileSync } from "node:fs";
import { URL } from "node:url";
import { deflateSync } from "node:zlib";

const SIZE = 128;
const SAMPLES = 4; // per axis, for anti-aliasing
const BACKGROUND = [18, 52, 86];
const ARROW = [255, 255, 255];
const MARK = [255, 176, 32];

/** Coverage of a pixel by a shape, with SAMPLES x SAMPLES sub-samples. */
function coverage(x, y, inside) {
  let hits = 0;
  for (let i = 0; i < SAMPLES; i++)
    for (let j = 0; j < SAMPLES; j++) if (inside(x + (i + 0.5) / SAMPLES, y + (j + 0.5) / SAMPLES)) hits++;
  return hits / (SAMPLES * SAMPLES);
}

const cx = 64;
const cy = 64;
const roundedSquare = (x, y) => {
  const r = 24;
  const dx = Math.max(r - x, 0, x - (SIZE - r));
  const dy = Math.max(r - y, 0, y - (SIZE - r));
  return dx * dx + dy * dy <= r * r;
};
// A ring from 40 deg to 330 deg (a gap at the top right), with an arrow head at its end.
const ring = (x, y) => {
  const d = Math.hypot(x - cx, y - cy);
  if (d < 36 || d > 46) return false;
  const angle = (Math.atan2(cy - y, x - cx) * 180) / Math.PI;
  const a = (angle + 360) % 360;
  return a > 70 || a < 10;
};
const arrowHead = (x, y) => {
  // A triangle pointing down-left at the ring's end near 70 deg.
  const tip = [cx + 41 * Math.cos((55 * Math.PI) / 180), cy - 41 * Math.sin((55 * Math.PI) / 180)];
  const a = [tip[0] - 4, tip[1] - 20];
  const b = [tip[0] + 18, tip[1] + 2];
  const c = [tip[0] + 4, tip[1] + 12];
  const sign = (p, q, r) => (p[0] - r[0]) * (q[1] - r[1]) - (q[0] - r[0]) * (p[1] - r[1]);
  const p = [x, y];
  const d1 = sign(p, a, b);
  const d2 = sign(p, b, c);
  const d3 = sign(p, c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const bang = (x, y) => {
  const bar = Math.abs(x - cx) <= 6 && y >= 38 && y <= 74;
  const barTop = Math.hypot(x - cx, y - 38) <= 6;
  const dot = Math.hypot(x - cx, y - 88) <= 7;
  return bar || barTop || dot;
};

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  pixels[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const base = coverage(x, y, roundedSquare);
    let color = BACKGROUND;
    const layers = [
      [coverage(x, y, (u, v) => ring(u, v) || arrowHead(u, v)), ARROW],
      [coverage(x, y, bang), MARK],
    ];
    let rgb = [...color];
    for (const [alpha, c] of layers) rgb = rgb.map((v, i) => v * (1 - alpha) + c[i] * alpha);
    color = rgb;
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    pixels[o] = Math.round(color[0]);
    pixels[o + 1] = Math.round(color[1]);
    pixels[o + 2] = Math.round(color[2]);
    pixels[o + 3] = Math.round(base * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", deflateSync(pixels, { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
writeFileSync(new URL("../images/icon.png", import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);

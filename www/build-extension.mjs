// npm run build:extension: the browser extension in target/extension/ and, ready for the
// stores, target/factmark-extension.zip. Run after build.mjs, whose wasm it ships unchanged:
// the same factmark_bg.wasm, the same shell from www/src (bundled by build.mjs's `bundle`, for
// the entries content.js and options.js). Left unminified, as store reviewers prefer to read it.

import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, deflateSync } from 'node:zlib';
import { bundle } from './build.mjs';

const www = dirname(fileURLToPath(import.meta.url));
const crate = dirname(www);
const source = join(www, 'extension');
const out = join(crate, 'target', 'extension');
const zipPath = join(crate, 'target', 'factmark-extension.zip');
const COPIED = ['auto.js', 'options.html', 'options.css'];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of `files` (`[name, bytes]`), deflated, with a fixed timestamp so builds are reproducible. */
function zip(files) {
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01, 00:00
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, bytes] of files) {
    const path = Buffer.from(name);
    const data = deflateRawSync(bytes, { level: 9 });
    const crc = crc32(bytes);
    const fields = (header, size) => {
      const b = Buffer.alloc(size);
      b.writeUInt32LE(header, 0);
      return b;
    };
    const local = fields(0x04034b50, 30);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(bytes.length, 22);
    local.writeUInt16LE(path.length, 26);
    const central = fields(0x02014b50, 46);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(bytes.length, 24);
    central.writeUInt16LE(path.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, path, data);
    centrals.push(central, path);
    offset += local.length + path.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function pngChunk(type, data) {
  const body = Buffer.concat([Buffer.from(type), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The icon, drawn at `size` px: lines of text on a blue tile, one stretch of it highlighted. */
function icon(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      const r = 0.2;
      const dx = Math.max(r - u, u - (1 - r), 0);
      const dy = Math.max(r - v, v - (1 - r), 0);
      let rgba = [0, 0, 0, 0];
      if (dx * dx + dy * dy <= r * r) rgba = [29, 78, 216, 255];
      const line = [0.3, 0.5, 0.7].findIndex((top) => v >= top && v < top + 0.1);
      if (line >= 0 && u >= 0.18 && u <= (line === 2 ? 0.6 : 0.82)) rgba = [255, 255, 255, 255];
      if (line === 1 && u >= 0.4 && u <= 0.82) rgba = [245, 158, 11, 255];
      row.set(rgba, 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(Buffer.concat(rows))), pngChunk('IEND', Buffer.alloc(0))]);
}

function main() {
  const wasm = join(www, 'dist', 'factmark_bg.wasm');
  const glue = readFileSync(join(crate, 'target', 'wasm-pkg', 'factmark.js'), 'utf8');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const { version } = JSON.parse(readFileSync(join(crate, 'package.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8'));
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
  writeFileSync(join(out, 'background.js'), `${glue}\n${readFileSync(join(source, 'background.js'), 'utf8')}`);
  for (const entry of ['content.js', 'options.js']) writeFileSync(join(out, entry), bundle('', join(source, entry)));
  for (const file of COPIED) copyFileSync(join(source, file), join(out, file));
  copyFileSync(wasm, join(out, 'factmark_bg.wasm'));
  for (const size of [16, 48, 128]) writeFileSync(join(out, `icon-${size}.png`), icon(size));
  const files = readdirSync(out).sort().map((name) => [name, readFileSync(join(out, name))]);
  const archive = zip(files);
  writeFileSync(zipPath, archive);
  console.log(`target/extension/: ${files.length} files; target/factmark-extension.zip: ${archive.length} bytes`);
}

main();

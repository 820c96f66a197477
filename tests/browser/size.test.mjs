// What a reader downloads — www/dist/factmark.js and factmark_bg.wasm — stays within 150 KB gzip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const LIMIT = 150_000;

test(`the download is at most ${LIMIT} bytes gzip`, () => {
  const sizes = ['factmark.js', 'factmark_bg.wasm'].map((file) => {
    const bytes = readFileSync(new URL(`../../www/dist/${file}`, import.meta.url));
    return gzipSync(bytes, { level: 9 }).length;
  });
  const total = sizes.reduce((a, b) => a + b);
  assert.ok(total <= LIMIT, `factmark.js ${sizes[0]} + factmark_bg.wasm ${sizes[1]} = ${total} bytes gzip, over ${LIMIT}`);
});

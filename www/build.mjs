// npm run build: the wasm (wasm-pack, release, wasm-opt from npm's binaryen) and the shell,
// assembled into www/dist/: factmark.js, one classic script, and factmark_bg.wasm beside it.
//
// The shell's sources in www/src are ES modules; this joins them into one function scope per
// module, in import order, with no bundler. The wasm-bindgen glue (`--target no-modules`,
// made for classic scripts) is inlined as the module `wasm-glue.js`; terser then minifies
// the whole, whose names are all local to one function.

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';

const www = dirname(fileURLToPath(import.meta.url));
const crate = dirname(www);
// `--full` adds the `analysis` feature (check-worthiness, consistency findings, country
// facts) and writes www/dist-full/; the default build is the scanner alone, within budget.
const full = process.argv.includes('--full');
const pkg = join(crate, 'target', full ? 'wasm-pkg-full' : 'wasm-pkg');
const dist = join(www, full ? 'dist-full' : 'dist');
const ENTRY = 'embed.js';

function buildWasm() {
  const env = { ...process.env, PATH: [join(crate, 'node_modules', '.bin'), process.env.PATH].join(delimiter) };
  execFileSync('wasm-pack', ['build', '--target', 'no-modules', '--release', '--no-pack', '--no-typescript', '--out-dir', pkg, crate,
    ...(full ? ['--', '--features', 'analysis'] : [])],
    { stdio: 'inherit', env });
}

// `import {a, b} from './x.js'`; an entry outside www/src (the extension's) says '../src/x.js'.
const IMPORT = /^import \{([^}]*)\} from '(?:\.\/|\.\.\/src\/)([\w-]+\.js)';$/gm;

/** One module as a function scope: imports become destructuring, exports a returned object. */
function wrap(name, code) {
  const exported = [];
  const body = code
    .replace(IMPORT, (_, names, from) => `const {${names}} = modules['${from}'];`)
    .replace(/^export (async function|function\*?|class|const|let) (\w+)/gm, (_, keyword, id) => {
      exported.push(id);
      return `${keyword} ${id}`;
    });
  if (/^\s*(import|export)\b/m.test(body)) throw new Error(`${name}: an import or export this build cannot read`);
  return `modules['${name}'] = (() => {\n${body}\nreturn { ${exported.join(', ')} };\n})();\n`;
}

/** The modules reachable from the entry, dependencies first. */
function order(read, entry) {
  const seen = new Set();
  const out = [];
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const [, , dep] of read(name).matchAll(IMPORT)) visit(dep);
    out.push(name);
  };
  visit(entry);
  return out;
}

/** `entry` (a path) and the www/src modules it imports, joined into one classic script. */
export function bundle(glue, entry = join(www, 'src', ENTRY)) {
  const read = (name) => {
    if (name === 'wasm-glue.js') return `${glue}\nexport const wasmBindgen = wasm_bindgen;\n`;
    return readFileSync(name === basename(entry) ? entry : join(www, 'src', name), 'utf8');
  };
  const modules = order(read, basename(entry)).map((name) => wrap(name, read(name)));
  return `/*! factmark — MIT OR Apache-2.0 */\n(() => {\n'use strict';\nconst modules = {};\n${modules.join('')}})();\n`;
}

// `--shell-only` reuses the last wasm build: quick when only www/src changed.
async function main() {
  if (!process.argv.includes('--shell-only')) buildWasm();
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  const glue = readFileSync(join(pkg, 'factmark.js'), 'utf8');
  const { code } = await minify(bundle(glue), { ecma: 2020, compress: { passes: 2 }, format: { comments: /^!/ } });
  writeFileSync(join(dist, 'factmark.js'), code);
  copyFileSync(join(pkg, 'factmark_bg.wasm'), join(dist, 'factmark_bg.wasm'));
  let total = 0;
  for (const file of ['factmark.js', 'factmark_bg.wasm']) {
    const bytes = readFileSync(join(dist, file));
    const gz = gzipSync(bytes, { level: 9 }).length;
    total += gz;
    console.log(`www/dist/${file}: ${bytes.length} bytes, ${gz} gzip`);
  }
  console.log(`what a reader downloads: ${total} bytes gzip (${(total / 1024).toFixed(1)} KiB)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

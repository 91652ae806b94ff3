#!/usr/bin/env node
// Size report of dist/: raw, gzip -9 and brotli -11 bytes of every file, the total, and
//   first paint     index.html and the .css it references (the loading line);
//   first load      what the reader needs before the first question can be answered:
//                   index.html, the .wasm/.js/.css files it references, and the first language
//                   pack (texts-<lang>-<hash>.json) that the app fetches before it mounts. Only
//                   one language is loaded; the largest pack counts, so that the budget holds in
//                   every language. The budget counts this figure;
//   whole language  the first load plus the second pack (texts-<lang>-more-<hash>.json), fetched
//                   right after the app has painted (results, plan, supports… wait for it).
//
//   node scripts/size-report.mjs                   # table
//   node scripts/size-report.mjs --budget 204800   # exit 1 when first-load brotli > budget
//   node scripts/size-report.mjs --json            # machine-readable
//   node scripts/size-report.mjs --dir other-dist
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep, extname, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { spawnSync } from 'node:child_process';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dir = resolve(ROOT, opt('--dir') ?? 'dist');
const budget = opt('--budget') !== undefined ? Number(opt('--budget')) : undefined;
const asJson = args.includes('--json');
if (budget !== undefined && !(budget > 0)) {
  console.error('--budget needs a positive number of bytes');
  process.exit(2);
}
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`${dir}/index.html not found: run \`make build\` first`);
  process.exit(2);
}

export function compressedSizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    br: brotliCompressSync(buf, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

function walk(d) {
  const out = [];
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(relative(dir, p).split(sep).join('/'));
  }
  return out;
}

// Precompressed twins (make deploy) are not files of their own.
const files = walk(dir).filter((f) => !/\.(br|gz)$/.test(f) && !f.split('/').some((p) => p.startsWith('.')));
const index = readFileSync(join(dir, 'index.html'), 'utf8');
const firstLoad = new Set(
  // index.html names the pinned host script (embed-<hash>.js) in a <meta> for the /kunnille snippet:
  // municipal host pages load it, the app never does, so it is not part of the first load.
  files.filter((f) => f === 'index.html' || (['.wasm', '.js', '.css'].includes(extname(f)) && !/^embed(-[0-9a-f]+)?\.js$/.test(f.split('/').pop()) && index.includes(f.split('/').pop()))),
);

const rows = files.map((f) => ({ file: f, firstLoad: firstLoad.has(f), ...compressedSizes(readFileSync(join(dir, f))) }));
const packs = rows.filter((r) => /^texts-[a-z]{2}-[0-9a-f]{16}\.json$/.test(r.file));
if (packs.length) {
  const largest = packs.reduce((a, b) => (b.br > a.br ? b : a));
  largest.firstLoad = true;
  firstLoad.add(largest.file);
}
const morePacks = rows.filter((r) => /^texts-[a-z]{2}-more-[0-9a-f]{16}\.json$/.test(r.file));
const largestMore = morePacks.length ? morePacks.reduce((a, b) => (b.br > a.br ? b : a)) : null;
const sum = (list, k) => list.reduce((a, r) => a + r[k], 0);
const sums = (list) => ({ raw: sum(list, 'raw'), gzip: sum(list, 'gzip'), br: sum(list, 'br') });
const total = sums(rows);
const fl = rows.filter((r) => r.firstLoad);
const first = sums(fl);
const paint = sums(fl.filter((r) => r.file === 'index.html' || extname(r.file) === '.css'));
const whole = sums(largestMore ? [...fl, largestMore] : fl);

if (asJson) {
  console.log(JSON.stringify({ dir, files: rows, total, firstPaint: paint, firstLoad: first, wholeLanguage: whole, budget: budget ?? null }, null, 2));
} else {
  const n = (x) => x.toLocaleString('en-US');
  const w = Math.max(28, ...rows.map((r) => r.file.length + 2));
  const line = (a, b, c, d) => `${a.padEnd(w)} ${String(b).padStart(11)} ${String(c).padStart(11)} ${String(d).padStart(11)}`;
  console.log(`size report of ${relative(ROOT, dir) || dir}/ (bytes; * = first load)`);
  console.log(line('file', 'raw', 'gzip -9', 'brotli -11'));
  console.log('-'.repeat(w + 36));
  for (const r of rows) console.log(line((r.firstLoad ? '* ' : '  ') + r.file, n(r.raw), n(r.gzip), n(r.br)));
  console.log('-'.repeat(w + 36));
  console.log(line(`total (${rows.length} files)`, n(total.raw), n(total.gzip), n(total.br)));
  console.log(line('first paint (html + css)', n(paint.raw), n(paint.gzip), n(paint.br)));
  console.log(line(`first load: first question (${fl.length} files)`, n(first.raw), n(first.gzip), n(first.br)));
  if (largestMore) console.log(line('whole language (+ 2nd pack)', n(whole.raw), n(whole.gzip), n(whole.br)));
}

if (budget !== undefined) {
  const pct = ((100 * first.br) / budget).toFixed(1);
  if (first.br > budget) {
    console.error(`\nSIZE BUDGET EXCEEDED: first-load brotli ${first.br} bytes > budget ${budget} bytes (${pct}%)`);
    console.error('biggest first-load contributors (brotli bytes):');
    for (const r of [...fl].sort((a, b) => b.br - a.br)) console.error(`  ${String(r.br).padStart(9)}  ${r.file}`);
    // cargo's own output still has the function names that wasm-bindgen strips.
    const named = join(ROOT, 'target/wasm32-unknown-unknown/release/ilmastoaskeleet.wasm');
    if (existsSync(named)) {
      console.error('\ninside the wasm (cargo output before wasm-bindgen and wasm-opt):');
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts/wasm-breakdown.mjs'), named, '15'], { encoding: 'utf8' });
      console.error(r.stdout.split('\nlargest functions')[0]);
    }
    process.exit(1);
  }
  console.log(`size budget ok: first-load brotli ${first.br} of ${budget} bytes (${pct}%)`);
}

#!/usr/bin/env node
// Where the bytes of a wasm file go: code per crate (from the name section) and data.
//   node scripts/wasm-breakdown.mjs path/to/file.wasm [top=25]
// Needs a wasm with its name section (cargo's release output before wasm-bindgen/wasm-opt
// strip it); for a stripped file it reports sections only.
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const [file, topArg] = process.argv.slice(2);
if (!file) { console.error('usage: wasm-breakdown.mjs file.wasm [top]'); process.exit(2); }
const top = Number(topArg ?? 25);
const buf = readFileSync(file);
let pos = 8;
const leb = () => { let r = 0, s = 0, b; do { b = buf[pos++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80); return r; };
const str = () => { const n = leb(); const s = buf.toString('utf8', pos, pos + n); pos += n; return s; };
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

let imports = 0, codeBodies = [], names = new Map(), sections = [];
while (pos < buf.length) {
  const id = buf[pos++]; const size = leb(); const start = pos; const end = pos + size;
  let label = ['custom','type','import','function','table','memory','global','export','start','element','code','data','datacount'][id] ?? String(id);
  if (id === 2) { // count imported functions so that name indices line up
    const n = leb();
    for (let i = 0; i < n; i++) { str(); str(); const kind = buf[pos++];
      if (kind === 0) { leb(); imports++; } else if (kind === 1) { pos++; const f = leb(); leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); } else if (kind === 3) { pos += 2; } else { pos++; leb(); } }
  } else if (id === 10) {
    const n = leb();
    for (let i = 0; i < n; i++) { const len = leb(); codeBodies.push({ idx: imports + i, start: pos, len }); pos += len; }
  } else if (id === 0) {
    const name = str(); label = `custom:${name}`;
    if (name === 'name') {
      while (pos < end) { const sub = buf[pos++]; const sz = leb(); const se = pos + sz;
        if (sub === 1) { const n = leb(); for (let i = 0; i < n; i++) { const idx = leb(); names.set(idx, str()); } }
        pos = se; }
    }
  }
  sections.push({ label, size, br: br(buf.subarray(start, end)) });
  pos = end;
}

const crateOf = (raw) => {
  let n = raw;
  const m = /^_ZN(\d+)(.*)/.exec(n);
  if (m) return m[2].slice(0, Number(m[1]));
  if (n.startsWith('_R')) { const v0 = /C(?:s[0-9A-Za-z]*_)?(\d+)([A-Za-z_][A-Za-z0-9_]*)/.exec(n); if (v0) return v0[2].slice(0, Number(v0[1])); }
  if (n.startsWith('<')) { const inner = /^<+(?:&(?:mut )?)?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)/.exec(n); if (inner) return inner[1]; }
  const p = /^([A-Za-z_][A-Za-z0-9_]*)::/.exec(n); if (p) return p[1];
  return n.includes('wasm_bindgen') ? 'wasm_bindgen' : '(other)';
};
const perCrate = new Map();
for (const b of codeBodies) {
  const name = names.get(b.idx) ?? '(unnamed)';
  const c = crateOf(name);
  const e = perCrate.get(c) ?? { bytes: 0, fns: 0, chunks: [] };
  e.bytes += b.len; e.fns++; e.chunks.push(buf.subarray(b.start, b.start + b.len));
  perCrate.set(c, e);
}
console.log(`${file}: ${buf.length} bytes, brotli ${br(buf)}`);
console.log('\nsections (raw / brotli):');
for (const s of sections.sort((a, b) => b.size - a.size)) console.log(`  ${s.label.padEnd(28)} ${String(s.size).padStart(9)} ${String(s.br).padStart(9)}`);
if (names.size) {
  console.log(`\ncode by crate (top ${top}; raw / brotli of that crate's bodies alone / functions):`);
  const rows = [...perCrate.entries()].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top);
  for (const [c, e] of rows) console.log(`  ${c.padEnd(28)} ${String(e.bytes).padStart(9)} ${String(br(Buffer.concat(e.chunks))).padStart(9)} ${String(e.fns).padStart(6)}`);
  console.log(`\nlargest functions (top ${top}):`);
  for (const b of [...codeBodies].sort((a, b) => b.len - a.len).slice(0, top)) console.log(`  ${String(b.len).padStart(7)}  ${(names.get(b.idx) ?? '?').slice(0, 150)}`);
}

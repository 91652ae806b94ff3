#!/usr/bin/env node
// Writes <file>.br (brotli -11) and <file>.gz (gzip -9) next to every compressible file in
// dist/ (or the directory given), for hosts that serve precompressed files
// (nginx brotli_static/gzip_static, Caddy precompressed, …). Idempotent.
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

/** The file types the host serves compressed (also used by tests/e2e/lib/server.mjs). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.webmanifest', '.txt', '.xml', '.map']);
const SKIP = new Set(['_headers', 'csp.txt']);
function main() {
  const dir = resolve(process.argv[2] || 'dist');
  let n = 0;
  let raw = 0;
  let br = 0;
  function walk(d) {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) { if (!name.startsWith('.')) walk(p); }
      else if (COMPRESSIBLE.has(extname(name)) && !SKIP.has(name)) {
        const buf = readFileSync(p);
        const b = brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } });
        writeFileSync(p + '.br', b);
        writeFileSync(p + '.gz', gzipSync(buf, { level: 9 }));
        n++;
        raw += buf.length;
        br += b.length;
      }
    }
  }
  walk(dir);
  console.log(`precompressed ${n} files in ${dir}: ${raw} bytes -> ${br} bytes brotli`);
}

// Run as a script (scripts/deploy.sh), not when imported for COMPRESSIBLE.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

#!/usr/bin/env bash
# Regenerates the PNG icons in public/icons/ from public/icons/icon.svg (dev-time only; the
# PNGs are committed). Needs rsvg-convert: apt-get install librsvg2-bin / brew install librsvg.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v rsvg-convert >/dev/null || { echo "rsvg-convert missing: apt-get install librsvg2-bin (or brew install librsvg)"; exit 1; }
src=public/icons/icon.svg
out=public/icons
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

rsvg-convert -w 192 -h 192 "$src" -o "$out/icon-192.png"
rsvg-convert -w 512 -h 512 "$src" -o "$out/icon-512.png"

# Maskable: full-bleed background, artwork shrunk into the 80 % safe zone.
python3 - "$src" "$tmp/maskable.svg" <<'PY'
import re, sys
s = open(sys.argv[1]).read()
s = re.sub(r'<rect [^>]*/>', '', s, count=1)
body = s[s.index('</title>') + len('</title>'):s.rindex('</svg>')]
out = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">'
       '<rect width="512" height="512" fill="#1d5c3f"/>'
       '<g transform="translate(256 256) scale(0.76) translate(-256 -256)">' + body + '</g></svg>')
open(sys.argv[2], 'w').write(out)
PY
rsvg-convert -w 512 -h 512 "$tmp/maskable.svg" -o "$out/icon-maskable-512.png"
ls -l "$out"

#!/usr/bin/env bash
# make deploy: a release build in dist/ ready to upload to any static host.
#   - trunk build --release (post-build hook: sw.js, csp.txt, _headers, CSP <meta>)
#   - <file>.br and <file>.gz next to every compressible file (scripts/precompress.mjs)
#   - deploy/out/ilmastoaskeleet-headers.conf and ilmastoaskeleet-embed-headers.conf: the nginx
#     add_header lines of this build (HSTS, CSP, framing; included by deploy/nginx.conf)
#   - size report
# Upload: set DEPLOY_TARGET (an rsync destination such as user@host:/srv/ilmastoaskeleet/) to
# copy dist/ there; otherwise upload dist/ yourself. Netlify / Cloudflare Pages read dist/_headers.
# EMBED_ORIGINS="https://www.kunta.fi …" limits which sites may frame the embed view (default: any).
# The upload keeps old embed-<hash>.js files: municipal pages pin them by name and integrity.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
T0=$SECONDS

trunk build --release
node scripts/precompress.mjs dist

# nginx header snippets of this build (the CSP's script hashes change with every build), from
# the same description as dist/_headers and the test server's headers: dist/headers.json.
node scripts/headers.mjs nginx dist deploy/out

node scripts/size-report.mjs
if [ -n "${DEPLOY_TARGET:-}" ]; then
  rsync -a --delete --filter='P embed-*.js' dist/ "$DEPLOY_TARGET"
  echo "uploaded dist/ to $DEPLOY_TARGET"
else
  echo "dist/ is ready to upload (set DEPLOY_TARGET=host:/path to rsync it); nginx: deploy/nginx.conf + deploy/out/*.conf"
fi
echo "deploy build done in $((SECONDS - T0))s"

#!/usr/bin/env bash
# spec-smoke: type-checks the TypeScript client that openapi-generator (typescript-fetch) made from the spec.
# Usage: tsc-generated.sh <generated-dir>
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="$1"
cd "$here"
if [ ! -x node_modules/.bin/tsc ] || ! cmp -s package-lock.json node_modules/.package-lock.json.installed 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error --prefer-offline --fetch-timeout=120000
  cp package-lock.json node_modules/.package-lock.json.installed
fi
"$here/node_modules/.bin/tsc" --version
"$here/node_modules/.bin/tsc" --noEmit -p "$dir"
echo "spec-smoke: the generated TypeScript in $dir compiles"

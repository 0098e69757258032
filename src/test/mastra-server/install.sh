#!/usr/bin/env bash
# Installs the real Mastra server's pinned npm packages (npm ci from package-lock.json) for the
# conformance tests. Run by the Maven build before the integration tests. Without npm it prints a loud
# warning and exits 0: the conformance tests then skip themselves with the same message.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if ! command -v npm >/dev/null 2>&1; then
  echo "######## WARNING: npm not found: the real-server conformance tests (*IT) will be SKIPPED ########" >&2
  exit 0
fi
if [ -f node_modules/.package-lock.json ] && cmp -s package-lock.json .installed-lock 2>/dev/null; then
  echo "mastra-server: node_modules up to date"
  exit 0
fi
echo "mastra-server: npm ci (pinned Mastra packages) ..."
npm ci --no-audit --no-fund --loglevel=error --engine-strict=false
cp package-lock.json .installed-lock

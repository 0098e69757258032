#!/usr/bin/env bash
# Installs the real Mastra server's pinned npm packages (npm ci from package-lock.json) for the
# conformance tests. Run by the Maven build before the integration tests (which passes --skip-if=true when
# the tests are skipped). Without npm it prints a loud warning and exits 0: the conformance tests then skip
# themselves with the same kind of message. Under CI (CI=true) a missing npm or node fails instead: CI must
# run the real-server suite, never skip it.
#   src/test/mastra-server/install.sh            # by hand
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for arg in "$@"; do
  if [ "$arg" = "--skip-if=true" ]; then
    echo "mastra-server: tests skipped, npm ci not needed"
    exit 0
  fi
done
if [ "${CI:-}" = "true" ]; then
  for tool in npm node; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "######## ERROR: CI=true but $tool is not on the PATH: the real-server conformance tests (*IT) and the" \
        "spec lint cannot run, and CI must not skip them. Install Node.js 22+ with npm. ########" >&2
      exit 1
    fi
  done
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "######## WARNING: npm not found: the real-server conformance tests (*IT) will be SKIPPED ########" >&2
  exit 0
fi
if [ -f node_modules/.package-lock.json ] && cmp -s package-lock.json .installed-lock 2>/dev/null; then
  echo "mastra-server: node_modules up to date"
  exit 0
fi
echo "mastra-server: npm ci (pinned Mastra packages) ..."
# --prefer-offline: with a warm npm cache no registry request is made (npm ci otherwise revalidates the
# metadata of every package); one retry absorbs a registry hiccup on a cold cache.
ci() { npm ci --no-audit --no-fund --loglevel=error --engine-strict=false --prefer-offline --fetch-timeout=120000; }
if ! ci; then
  echo "mastra-server: npm ci failed, retrying once ..." >&2
  ci
fi
cp package-lock.json .installed-lock

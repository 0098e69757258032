#!/usr/bin/env bash
# spec-smoke: byte-compiles the Python client that openapi-generator (python) made from the spec, which
# catches generated code that is not valid Python (e.g. a schema or field name it cannot map).
# Usage: python-compile-generated.sh <generated-dir>
set -euo pipefail
dir="$1"
python="$(command -v python3 || command -v python || true)"
if [ -z "$python" ]; then
  echo "######## WARNING: python not found: the generated Python in $dir was NOT compiled ########" >&2
  exit 0
fi
"$python" --version
"$python" -m compileall -q "$dir"
echo "spec-smoke: the generated Python in $dir compiles"

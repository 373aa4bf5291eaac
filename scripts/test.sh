#!/usr/bin/env bash
# node --test DIR runs nothing on Node 20, so the test files are listed explicitly.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find src test -name '*.test.ts' -not -path '*/node_modules/*' | sort)
if [ ${#files[@]} -eq 0 ]; then echo "no test files found" >&2; exit 1; fi
exec node --import tsx --test --test-concurrency=2 --test-timeout=300000 "$@" "${files[@]}"

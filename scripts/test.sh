#!/usr/bin/env bash
# Builds krait and runs the whole default test suite. Usage: scripts/test.sh [release|sanitize]
# The closing line is "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-release}
scripts/build.sh "$mode"
dir=build; [ "$mode" = sanitize ] && dir=build-sanitize
exec /usr/bin/python3.11 tests/run.py --krait "$dir/krait" --build-dir "$dir"

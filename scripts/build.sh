#!/usr/bin/env bash
# Builds krait. Usage: scripts/build.sh [release|sanitize|debug]
# release (default) -> build/, sanitize (ASan+UBSan) -> build-sanitize/, debug -> build-debug/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
mode=${1:-release}
case "$mode" in
  release)  dir=build;          flags=(-DCMAKE_BUILD_TYPE=Release) ;;
  sanitize) dir=build-sanitize; flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DKRAIT_SANITIZE=ON) ;;
  debug)    dir=build-debug;    flags=(-DCMAKE_BUILD_TYPE=Debug) ;;
  *) echo "usage: scripts/build.sh [release|sanitize|debug]" >&2; exit 2 ;;
esac
[ -f "$dir/build.ninja" ] || cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
cmake --build "$dir" -j "${KRAIT_JOBS:-2}"

#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) into build-fuzz/.
#   fuzz/build.sh && build-fuzz/parse_fuzzer -max_total_time=600 fuzz/corpus
#   fuzz/build.sh && build-fuzz/pyc_fuzzer -max_total_time=1800 fuzz/corpus-pyc
# (fuzz/corpus is seeded from tests/cases, fuzz/corpus-pyc by fuzz/make_pyc_corpus.py; crashes
# are written as crash-*.)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
command -v clang++ >/dev/null || { apt-get update -qq && apt-get install -y -qq clang libclang-rt-dev >/dev/null; }
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DKRAIT_SANITIZE=ON -DKRAIT_TESTS=OFF -DKRAIT_FUZZ=ON >/dev/null
cmake --build build-fuzz -j "${KRAIT_JOBS:-2}" --target parse_fuzzer pyc_fuzzer
mkdir -p fuzz/corpus
find tests/cases -name '*.py' -exec cp -n {} fuzz/corpus/ \; 2>/dev/null || true
[ -d fuzz/corpus-pyc ] || fuzz/make_pyc_corpus.py

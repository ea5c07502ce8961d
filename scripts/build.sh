#!/usr/bin/env bash
# Builds krait. Usage: scripts/build.sh [release|fast|sanitize|debug]
#   release (default) -> build/: profile-guided (PGO), see below. KRAIT_PGO=0 makes it `fast`.
#   fast     -> build/ without PGO and LTO: quick incremental rebuilds while editing
#   sanitize -> build-sanitize/ (ASan+UBSan), debug -> build-debug/
# Every mode links libstdc++/libgcc statically except sanitize (CMakeLists.txt).
#
# The PGO release build: an instrumented krait is built in build/pgo-gen/, runs the training
# workload (scripts/pgo-train.py) which writes its counters to build/pgo-profile/, then build/ is
# rebuilt from scratch with them and with link-time optimization (LTO). build/pgo.stamp holds a hash of the sources the profile was
# taken from: while they do not change, the build is an ordinary incremental ninja run (nothing
# to do). If the training fails, the script says so loudly and builds build/ without a profile.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
mode=${1:-release}
[ "$mode" = release ] && [ "${KRAIT_PGO:-1}" = 0 ] && mode=fast
jobs=${KRAIT_JOBS:-2}
case "$mode" in
  release|fast) dir=build;    flags=(-DCMAKE_BUILD_TYPE=Release) ;;
  sanitize) dir=build-sanitize; flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DKRAIT_SANITIZE=ON) ;;
  debug)    dir=build-debug;    flags=(-DCMAKE_BUILD_TYPE=Debug) ;;
  *) echo "usage: scripts/build.sh [release|fast|sanitize|debug]" >&2; exit 2 ;;
esac

if [ "$mode" = sanitize ] || [ "$mode" = debug ]; then
  [ -f "$dir/build.ninja" ] || cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
  exec cmake --build "$dir" -j "$jobs"
fi

stamp=$dir/pgo.stamp
profile=$PWD/$dir/pgo-profile
configure() {  # configure build/ for PGO $1 (empty, or use), LTO $2; a change of flavour rebuilds all
  local before=""
  [ -f "$dir/CMakeCache.txt" ] && before=$(grep -E '^KRAIT_PGO:' "$dir/CMakeCache.txt" || true)
  cmake -S . -B "$dir" -G Ninja "${flags[@]}" -DKRAIT_PGO="$1" -DKRAIT_PGO_DIR="$profile" \
        -DKRAIT_LTO="$2" >/dev/null
  if [ -n "$before" ] && [ "$before" != "KRAIT_PGO:STRING=$1" ]; then
    cmake --build "$dir" --target clean >/dev/null
  fi
}

if [ "$mode" = fast ]; then
  rm -f "$stamp"
  configure "" OFF
  exec cmake --build "$dir" -j "$jobs"
fi

# The hash of what the profile depends on: the sources, the build rules and the training.
sources_hash() {
  find src tools CMakeLists.txt scripts/pgo-train.py bench/programs -type f \
       ! -name '*.pyc' -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-40
}
hash=$(sources_hash)
if [ -f "$stamp" ] && [ "$(head -1 "$stamp")" = "$hash" ] && [ -f "$dir/build.ninja" ]; then
  if grep -q failed "$stamp"; then
    echo "build.sh: WARNING: the PGO training failed for these sources; build/ has no profile" >&2
  fi
  exec cmake --build "$dir" -j "$jobs"
fi

echo "build.sh: sources changed since the last profile: building the instrumented krait (build/pgo-gen)"
gen=$dir/pgo-gen
cmake -S . -B "$gen" -G Ninja "${flags[@]}" -DKRAIT_TESTS=OFF -DKRAIT_PGO=generate \
      -DKRAIT_PGO_DIR="$profile" >/dev/null
cmake --build "$gen" -j "$jobs" --target krait
rm -rf "$profile"
echo "build.sh: training (scripts/pgo-train.py)"
if /usr/bin/python3.11 scripts/pgo-train.py --krait "$gen/krait"; then
  echo "build.sh: building build/ with the profile"
  configure use ON
  cmake --build "$dir" --target clean >/dev/null  # every object depends on the new profile
  cmake --build "$dir" -j "$jobs"
  echo "$hash" > "$stamp"
else
  cat >&2 <<'EOF'
build.sh: ######################################################################
build.sh: WARNING: the PGO training run failed (see above): building build/ WITHOUT a
build.sh: profile. krait is correct but slower. Fix the failure, or use KRAIT_PGO=0.
build.sh: ######################################################################
EOF
  rm -rf "$profile"
  configure "" ON
  cmake --build "$dir" -j "$jobs"
  printf '%s\nfailed\n' "$hash" > "$stamp"
fi

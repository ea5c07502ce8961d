#!/usr/bin/env bash
# Installs the Debian packages krait needs to build and test, if any is missing.
set -euo pipefail
packages=(g++ cmake ninja-build libgmp-dev zlib1g-dev libgtest-dev python3.11 libpython3.11-testsuite time)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-deps: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

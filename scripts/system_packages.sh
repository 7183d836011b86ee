#!/usr/bin/env bash
# Install the Debian packages listed in scripts/system-packages.txt that are missing.
# As root (CI, a fresh server) it runs apt-get; otherwise it names what is missing and how to add
# it, and carries on: the features that need them say so clearly instead of failing.
set -euo pipefail
cd "$(dirname "$0")/.."
wanted=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' scripts/system-packages.txt)
[ -n "$wanted" ] || exit 0
command -v dpkg-query >/dev/null || { echo "system packages: not a Debian system, skipped"; exit 0; }
missing=()
for pkg in $wanted; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    echo "system packages missing: ${missing[*]} (install with: sudo apt-get install ${missing[*]})"
fi

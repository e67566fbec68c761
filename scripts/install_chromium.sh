#!/bin/sh
# Installs Debian's chromium for the browser tests (`make test` runs this),
# saying what it installs before it does, and never upgrading a package that
# is already installed: apt-get is asked for a plan first, and when chromium
# would need a newer version of an installed package, nothing is installed.
# SKIP_BROWSER=1 skips all of this (and make test then skips the browser tests).
set -eu

if [ "${SKIP_BROWSER:-}" = 1 ]; then
    echo "SKIP_BROWSER=1: chromium is neither looked for nor installed, and the browser tests are skipped"
    exit 0
fi
if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
    echo "chromium is not installed and this is not a root shell with apt-get: the browser" \
         "tests will be skipped (install chromium, or set SKIP_BROWSER=1 to say so)"
    exit 0
fi

echo "The browser tests need chromium, which is not installed. Refreshing apt's package" \
     "lists (apt-get update) to see what installing it takes (SKIP_BROWSER=1 skips this)..."
if ! apt-get update -qq; then
    echo "apt-get update failed: chromium is not installed and the browser tests will be skipped"
    exit 0
fi
plan=$(apt-get install --simulate --no-upgrade chromium 2>/dev/null) || {
    echo "apt-get cannot install chromium here: the browser tests will be skipped"
    exit 0
}
# In a simulation "Inst pkg [1.0] (1.1 …)" upgrades an installed package;
# "Inst pkg (1.1 …)" installs a new one.
upgrades=$(printf '%s\n' "$plan" | awk '/^Inst / && $3 ~ /^\[/ {printf "%s ", $2}')
if [ -n "$upgrades" ]; then
    echo "Not installing chromium: it would upgrade installed packages (${upgrades% })." \
         "Install it yourself, or run with SKIP_BROWSER=1. The browser tests will be skipped."
    exit 0
fi
new=$(printf '%s\n' "$plan" | awk '/^Inst / {printf "%s ", $2}')
count=$(printf '%s\n' "$plan" | grep -c '^Inst ' || true)
echo "Installing chromium with apt-get: ${count} new packages, no upgrades: ${new% }"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-upgrade chromium >/dev/null \
    || echo "chromium could not be installed: the browser tests will be skipped"

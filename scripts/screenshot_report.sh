#!/bin/sh
# Regenerates docs/report.png, the README's picture of the report, from the
# database `make demo` builds (the ten articles in examples/), in Debian's
# headless chromium. Run it from anywhere: sh scripts/screenshot_report.sh
# The picture is the report's first screen at 1200x1150 CSS pixels.
set -eu
cd "$(dirname "$0")/.."

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "error: chromium is not installed; install it (apt-get install chromium) and run this again" >&2
    exit 1
fi

# The demo's own recipe, so the picture shows exactly what `make demo` builds.
make --no-print-directory demo >/dev/null
mkdir -p out
.venv/bin/storyline report --db demo.duckdb -o out/report.html

# A throwaway profile: nothing of the user's browser is read or changed.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --no-first-run --hide-scrollbars --force-device-scale-factor=1 --lang=en-US \
    --user-data-dir="$profile" --window-size=1200,1150 \
    --screenshot="$PWD/docs/report.png" "file://$PWD/out/report.html" 2>/dev/null
echo "wrote docs/report.png from demo.duckdb"

#!/usr/bin/env bash
# Renders the HTML report of the examples in headless Chromium and checks the screenshot really
# shows the trend charts (scripts/check_report_png.py), and that the report loads nothing from
# the network. Builds nothing.
#
#   scripts/report-screenshot.sh [OUT_DIR]
#
#   OUT_DIR     where report.html, report.png and chromium.log go (default: a fresh temp dir)
#   SHADES      the shades binary (default: .build/release/shades; run `swift build -c release`)
#   CHROMIUM    the browser (default: chromium)
#
# Exit status: 0 when every check passes; non-zero otherwise. Prints the PNG path at the end.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"

source "$repo/scripts/shades-binary.sh" report-screenshot
chromium="${CHROMIUM:-chromium}"
if ! command -v "$chromium" >/dev/null; then
    echo "report-screenshot: '$chromium' not found (apt-get install chromium, or set CHROMIUM)" >&2
    exit 2
fi
if [[ $# -ge 1 ]]; then
    mkdir -p -- "$1"
    out="$(realpath -- "$1")"
else
    out="$(mktemp -d "${TMPDIR:-/tmp}/shades-report.XXXXXX")"
fi
html="$out/report.html"
png="$out/report.png"

cd "$repo"

# 1. The report. With only --report, analyze writes nothing to standard output.
stdout="$("$shades" analyze Examples/ --report "$html")" || {
    echo "report-screenshot: FAIL: '$shades analyze Examples/ --report' exited with status $?" >&2
    exit 1
}
if [[ -n "$stdout" ]]; then
    echo "report-screenshot: FAIL: analyze printed to standard output with only --report:" >&2
    printf '%s\n' "$stdout" | head -5 >&2
    exit 1
fi
[[ -s "$html" ]] || { echo "report-screenshot: FAIL: $html is missing or empty" >&2; exit 1; }
echo "report: $html ($(wc -c <"$html") bytes)"

# 2. Self-contained: no http(s) URL but the SVG namespace, and no protocol-relative src/href/url().
external="$({
    grep -oE 'https?://[^"'"'"' <>)]*' "$html" | grep -vxF 'http://www.w3.org/2000/svg'
    grep -oE '(src|href)="//[^"]*"|url\(["'"'"']?//[^)]*\)' "$html"
} || true)"
if [[ -n "$external" ]]; then
    echo "report-screenshot: FAIL: the report refers to the network:" >&2
    printf '%s\n' "$external" | sort | uniq -c >&2
    exit 1
fi
echo "network: no external references (only the SVG xmlns)"

# 3. The screenshot. A throwaway profile keeps the user's Chromium settings out of it (and it out
#    of theirs); Chromium's own chatter (D-Bus warnings and the like) goes to chromium.log.
profile="$(mktemp -d "${TMPDIR:-/tmp}/shades-chromium.XXXXXX")"
trap 'rm -rf -- "$profile"' EXIT
rm -f -- "$png"
url="$(python3 -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).as_uri())' "$html")"
if ! timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --user-data-dir="$profile" --window-size=1100,1800 \
        --screenshot="$png" "$url" >"$out/chromium.log" 2>&1; then
    echo "report-screenshot: FAIL: chromium failed or timed out; see $out/chromium.log" >&2
    exit 1
fi
[[ -s "$png" ]] || { echo "report-screenshot: FAIL: no screenshot written; see $out/chromium.log" >&2; exit 1; }

# 4. The pixels.
python3 "$repo/scripts/check_report_png.py" "$png"
echo "$png"

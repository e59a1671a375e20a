# Sourced by the scripts that run a built `shades`: sets `shades` to $SHADES (taken relative to
# the directory the script was run from) or to the repository's release build, and stops with
# advice when there is none or it is older than the `analyze` subcommand.
#
#   repo=...; source "$repo/scripts/shades-binary.sh" SCRIPT-NAME
script_name="$1"
if [[ -n "${SHADES:-}" ]]; then
    shades="$(realpath -ms -- "$SHADES")"
else
    shades="$repo/.build/release/shades"
fi
if [[ ! -x "$shades" ]]; then
    echo "$script_name: no shades binary at $shades" >&2
    echo "  build it with 'swift build -c release', or point SHADES at one (e.g. SHADES=.build/debug/shades)" >&2
    exit 2
fi
if ! "$shades" analyze --help >/dev/null 2>&1; then
    echo "$script_name: $shades has no 'analyze' subcommand: it is older than the sources" >&2
    echo "  rebuild it with 'swift build -c release'" >&2
    exit 2
fi

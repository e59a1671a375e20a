#!/usr/bin/env bash
# The test suite under AddressSanitizer and ThreadSanitizer: every test, including the ones that
# run the built `shades` (parallel filtering and analysis) and `shades-server` binaries, which are
# built with the same sanitizer. Each sanitizer builds into its own folder (.build-asan,
# .build-tsan), so this takes a while on a cold cache.
#
#   scripts/sanitizers.sh [address] [thread]      (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizers=("$@")
[ ${#sanitizers[@]} -gt 0 ] || sanitizers=(address thread)
for sanitizer in "${sanitizers[@]}"; do
    case "$sanitizer" in
        address) scratch=.build-asan ;;
        thread) scratch=.build-tsan ;;
        *) echo "sanitizers.sh: unknown sanitizer '$sanitizer' (address, thread)" >&2; exit 2 ;;
    esac
    echo "== swift test --sanitize=$sanitizer"
    # Reports make the process fail; halt_on_error keeps the first one readable. Leak detection
    # is off: LeakSanitizer cannot see Swift's enum payload pointers (the case tag sits in the
    # pointer's spare bits) and reports the lexicons' parsed patterns as leaked.
    ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1}" TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1}" \
        swift test --sanitize="$sanitizer" --scratch-path "$scratch"
done
echo "sanitizers.sh: the tests ran clean under ${sanitizers[*]}"

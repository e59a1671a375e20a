#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (and AddressSanitizer) of the analyzer on arbitrary
# bytes, the lexicon parser, the filter's JSON Lines path, and the common-text word and sentence
# breaker against ICU's (Sources/ShadesFuzz).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      (defaults: 600 seconds each; analyzer lexicon jsonl breaks)
#
# Builds into .build-fuzz. The corpus grows in .build-fuzz/corpus/TARGET, seeded from Examples/
# and Lexicons/. A crashing input is written to .build-fuzz/artifacts/TARGET/ and the run stops:
# fix the bug, copy the input to Tests/FuzzCrashes/TARGET/ and commit it, and the test suite
# replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analyzer lexicon jsonl breaks)

# The program's main hands over to libFuzzer (LLVMFuzzerRunDriver); lld links it (gold fails).
swift build --scratch-path .build-fuzz -c release --product shades-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library -Xswiftc -use-ld=lld
binary=.build-fuzz/release/shades-fuzz

for target in "${targets[@]}"; do
    corpus=".build-fuzz/corpus/$target"
    seeds=".build-fuzz/seeds/$target"
    crashes=".build-fuzz/artifacts/$target"
    rm -rf "$crashes"
    mkdir -p "$corpus" "$seeds" "$crashes"
    case "$target" in
        analyzer) cp Examples/journal.txt Examples/plain-text/*.txt "$seeds/" ;;
        lexicon) cp Lexicons/*.shades "$seeds/" ;;
        jsonl) cp Examples/entries.jsonl "$seeds/" ;;
        breaks) cp Examples/journal.txt Examples/plain-text/*.txt "$seeds/" ;;
        *) echo "fuzz.sh: unknown target '$target' (analyzer, lexicon, jsonl, breaks)" >&2; exit 2 ;;
    esac
    echo "== $target: $seconds s"
    # Swift's own backtracer is off, so that libFuzzer handles a crash and writes its input.
    # Leak detection is off: LeakSanitizer cannot see Swift's enum payload pointers (the case tag
    # sits in the pointer's spare bits), so it reports the built-in lexicon's patterns as leaked.
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 SHADES_FUZZ_TARGET="$target" "$binary" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=4096 \
        -detect_leaks=0 \
        -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" "$seeds" 2>&1 \
        | grep -E "^(#[0-9]+ *DONE|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)" || true
    if [ -n "$(find "$crashes" -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*')" ]; then
        echo "fuzz.sh: $target found a problem; the input is in $crashes" >&2
        exit 1
    fi
done
echo "fuzz.sh: every target ran clean"

#!/usr/bin/env bash
# Single-threaded throughput of `shades --format jsonl --jobs 1` against the ICU floor
# (icu-floor/), and of `--jobs N` (all cores) against one thread, on a journal-like corpus from
# ../shared/bench/corpus.py, alternating the runs several times in one run. Prints MB/s of each
# run, the medians and their ratios.
#
#   Benchmarks/throughput.sh [MEGABYTES] [ROUNDS]      (defaults: 50 and 3)
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes="${1:-50}"
rounds="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 ../shared/bench/corpus.py --mb "$megabytes" > "$work/corpus.txt"
cc -O2 Benchmarks/icu-floor/icu-floor.c $(pkg-config --cflags --libs icu-uc) -o "$work/icu-floor"
swift build -c release --product shades >/dev/null
bytes=$(stat -c %s "$work/corpus.txt")
rate() { python3 -c "import sys; print(f'{$bytes / 1e6 / float(sys.argv[1]):.2f}')" "$1"; }
seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N); python3 -c "print($end - $start)"; }
cores=$(nproc)
floor=(); shades=(); parallel=()
for round in $(seq "$rounds"); do
    floor+=("$(rate "$(seconds "$work/icu-floor" "$work/corpus.txt")")")
    shades+=("$(rate "$(seconds .build/release/shades --format jsonl --jobs 1 "$work/corpus.txt")")")
    parallel+=("$(rate "$(seconds .build/release/shades --format jsonl --jobs "$cores" "$work/corpus.txt")")")
    echo "round $round: ICU floor ${floor[-1]} MB/s, shades ${shades[-1]} MB/s, shades --jobs $cores ${parallel[-1]} MB/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
f=$(median "${floor[@]}"); s=$(median "${shades[@]}"); p=$(median "${parallel[@]}")
echo "median: ICU floor $f MB/s, shades $s MB/s, ratio $(python3 -c "print(f'{$s / $f:.3f}')")"
echo "median: shades --jobs $cores $p MB/s, $(python3 -c "print(f'{$p / $s:.2f}')") x one thread"

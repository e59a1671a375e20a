#!/usr/bin/env bash
# How the time of `shades --format jsonl --jobs 1` grows with the number of rules: the built-in
# lexicons alone, then with a generated lexicon holding COPIES more rules of the same shapes
# (Benchmarks/rule-scaling.py), on a journal-like corpus. Prints the seconds and their ratio.
#
#   Benchmarks/rule-scaling.sh [MEGABYTES] [COPIES]      (defaults: 5 and 9, i.e. 10x the rules)
set -euo pipefail
cd "$(dirname "$0")/.."
megabytes="${1:-5}"
copies="${2:-9}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 ../shared/bench/corpus.py --mb "$megabytes" > "$work/corpus.txt"
python3 Benchmarks/rule-scaling.py "$copies" "$work/corpus.txt" > "$work/generated.shades"
swift build -c release --product shades >/dev/null
seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N); python3 -c "print(f'{$end - $start:.2f}')"; }
rules=$(grep -c '^rule ' Lexicons/*.shades | awk -F: '{n += $2} END {print n}')
generated=$(grep -c '^rule ' "$work/generated.shades")
base=$(seconds .build/release/shades --format jsonl --jobs 1 "$work/corpus.txt")
more=$(seconds .build/release/shades --format jsonl --jobs 1 --lexicon "$work/generated.shades" "$work/corpus.txt")
echo "built-in rules ($rules): $base s; with $generated generated rules: $more s; ratio $(python3 -c "print(f'{$more / $base:.2f}')")"

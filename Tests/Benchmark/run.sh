#!/usr/bin/env bash
# Benchmark: Switchboard (release) against Hugo on the same docs and the cmark CLI (the Markdown
# floor), on deterministic synthetic content, side by side on this machine.
#   bash Tests/Benchmark/run.sh [RUNS]    (default 3; the median of RUNS is printed)
# Installs Debian's hugo, cmark and time when missing. Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"
bash .ci/ensure-debian-packages libcmark-dev pkg-config hugo cmark time
swift build -c release --product switchboard >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 Tests/Benchmark/generate.py "$work/large" --clients 1000 --accounts 10 --docs 2000 --seed 7

# measure NAME [--fresh DIR] COMMAND...: runs the command $runs times; keeps "wall cpu peak_mb"
# of each run. With --fresh, DIR is removed before each run, so every run is a full build.
measure() {
  local name="$1" fresh=""; shift
  if [ "$1" = --fresh ]; then fresh="$2"; shift 2; fi
  : > "$work/$name.times"
  for _ in $(seq "$runs"); do
    if [ -n "$fresh" ]; then rm -rf "$fresh"; sync; fi
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.out" "$@" > /dev/null 2>&1
    awk '{ printf "%.3f %.3f %.1f\n", $1, $2 + $3, $4 / 1024 }' "$work/time.out" >> "$work/$name.times"
  done
}
median() { sort -n -k"$2" "$work/$1.times" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'; }

sb=.build/release/switchboard
measure small --fresh "$work/small-public" "$sb" build --content content --output "$work/small-public"
measure large --fresh "$work/large-public" "$sb" build --content "$work/large/content" --output "$work/large-public"
# The large portal is in place from the last full build: rebuild it without any input change.
measure large-unchanged "$sb" build --content "$work/large/content" --output "$work/large-public"
measure hugo --fresh "$work/hugo-public" hugo --quiet --source "$work/large/hugo" --destination "$work/hugo-public"
measure cmark cmark "$work/large/all.md"

python3 Tests/Benchmark/serve_edit.py "$sb" "$work/large/content" site-templates "$work/serve-public" "$runs" > "$work/serve.times"

printf '| case | wall s (median of %s) | CPU s | peak MB |\n|---|---|---|---|\n' "$runs"
for name in small large large-unchanged hugo cmark; do
  printf '| %s | %s | %s | %s |\n' "$name" "$(median "$name" 1)" "$(median "$name" 2)" "$(median "$name" 3)"
done
echo
echo "serve, one doc edited on the large case: served $(sort -n "$work/serve.times" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }') ms after the save (median of $runs)"
large=$(median large 1); hugo=$(median hugo 1); cmark=$(median cmark 1)
echo
echo "Switchboard/Hugo (wall, large): $(awk -v a="$large" -v b="$hugo" 'BEGIN { printf "%.2f", a / b }')"
echo "Switchboard/cmark (wall, large): $(awk -v a="$large" -v b="$cmark" 'BEGIN { printf "%.2f", a / b }')"
echo
echo "large: 1000 clients, 10000 accounts, 3 access levels, 2000 docs of about 4 KB; hugo and cmark get the same 2000 docs."
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sm), $(swift --version 2>&1 | head -n 1)"

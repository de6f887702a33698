#!/usr/bin/env bash
# Benchmark: Switchboard (release) against Hugo on the same docs and the cmark CLI (the Markdown
# floor), on deterministic synthetic content, side by side on this machine.
#   bash Tests/Benchmark/run.sh [RUNS]    (default 3; the median of RUNS is printed)
# Installs Debian's hugo, cmark and time when missing. Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"
bash .ci/ensure-debian-packages libcmark-dev pkg-config hugo cmark time valgrind
swift build -c release --product switchboard >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 Tests/Benchmark/generate.py "$work/large" --clients 1000 --accounts 10 --docs 2000 --seed 7
# 2000 docs with a one-account inventory: Switchboard's Markdown work beside Hugo and cmark on the same docs.
python3 Tests/Benchmark/generate.py "$work/docs" --clients 1 --accounts 1 --docs 2000 --seed 7

# measure NAME COMMAND...: runs COMMAND $runs times and keeps "wall cpu peak_mb" of each run.
# @RUN@ in an argument becomes the run's number, so that every full build writes a folder of its
# own: on ext4, creating files right after thousands were deleted is several times slower, which
# would measure the file system's state instead of the build.
measure() {
  local name="$1"; shift
  : > "$work/$name.times"
  for run in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.out" "${@//@RUN@/$run}" > /dev/null 2>&1
    awk '{ printf "%.3f %.3f %.1f\n", $1, $2 + $3, $4 / 1024 }' "$work/time.out" >> "$work/$name.times"
  done
}
median() { sort -n -k"$2" "$work/$1.times" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$(median "$1" 1)" -v b="$(median "$2" 1)" 'BEGIN { printf "%.2f", a / b }'; }

sb=.build/release/switchboard
measure small "$sb" build --content content --output "$work/small-@RUN@"
measure large "$sb" build --content "$work/large/content" --output "$work/large-@RUN@"
# The two halves of the large build: everything but writing (check), and writing its files alone
# (cp of the output into a new folder: the floor for putting those bytes on this disk).
measure large-check "$sb" check --content "$work/large/content"
measure large-copy cp -r "$work/large-1" "$work/copy-@RUN@"
# The last full build's folder is in place: build it again without any input change.
measure large-unchanged "$sb" build --content "$work/large/content" --output "$work/large-$runs"
measure docs-only "$sb" build --content "$work/docs/content" --output "$work/docs-@RUN@"
measure hugo hugo --quiet --source "$work/docs/hugo" --destination "$work/hugo-@RUN@"
measure cmark cmark "$work/docs/all.md"
python3 Tests/Benchmark/serve_edit.py "$sb" "$work/large/content" site-templates "$work/serve-public" "$runs" > "$work/serve.out"
sed -n 's/^edit //p' "$work/serve.out" > "$work/serve.times"
# The Markdown part alone: the docs phase (read, credential scan, front matter, libcmark, links) of the docs-only build.
for run in $(seq "$runs"); do
  "$sb" build --timings --content "$work/docs/content" --output "$work/docs-timed-$run" | sed -n 's/.* docs \([0-9]*\) ms.*/\1/p'
done > "$work/markdown.times"
markdown=$(sort -n "$work/markdown.times" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
# CPU work without this machine's noise: instructions executed by `check` on a 100-client portal, which
# callgrind counts to within a few tenths of a percent from run to run (on a stripped copy: valgrind
# cannot read the Swift binary's debug info).
python3 Tests/Benchmark/generate.py "$work/medium" --clients 100 --accounts 10 --docs 200 --seed 7
cp "$sb" "$work/switchboard-stripped" && strip "$work/switchboard-stripped"
instructions=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$work/switchboard-stripped" check --content "$work/medium/content" 2>&1 \
  | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')

printf '| case | wall s (median of %s) | CPU s | peak MB |\n|---|---|---|---|\n' "$runs"
for name in small large large-check large-copy large-unchanged docs-only hugo cmark; do
  printf '| %s | %s | %s | %s |\n' "$name" "$(median "$name" 1)" "$(median "$name" 2)" "$(median "$name" 3)"
done
echo
echo "serve, one doc edited on the large case: served $(sort -n "$work/serve.times" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }') ms after the save (median of $runs); idle, it uses $(sed -n 's/^idle //p' "$work/serve.out") ms of CPU per second"
echo "large-unchanged / large (wall): $(ratio large-unchanged large)"
echo "Switchboard/Hugo (wall, the same 2000 docs): $(ratio docs-only hugo); large portal/Hugo: $(ratio large hugo)"
echo "Switchboard/cmark (wall, the same 2000 docs): $(ratio docs-only cmark); the Markdown part alone: $markdown ms, $(awk -v a="$markdown" -v b="$(median cmark 1)" 'BEGIN { printf "%.2f", a / 1000 / b }') x cmark"
echo "check of 100 clients (1000 accounts, 200 docs): $(awk -v i="$instructions" 'BEGIN { printf "%.3f", i / 1e9 }') G instructions (callgrind)"
echo
echo "large: 1000 clients, 10000 accounts, 3 access levels, 2000 docs of about 4 KB ($(find "$work/large-1" -type f | wc -l) files, $(du -sm --apparent-size "$work/large-1" | cut -f1) MB)."
echo "docs-only, hugo, cmark: the same 2000 docs of about 4 KB (docs-only adds one client and account)."
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sm), $(swift --version 2>&1 | head -n 1)"

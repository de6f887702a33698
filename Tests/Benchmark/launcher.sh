#!/usr/bin/env bash
# The launcher benchmark: the home page employees open, at 1,000, 10,000 and 100,000 accounts.
#   bash Tests/Benchmark/launcher.sh [RUNS] [BASELINE_REV]
# Generates the three portals (generate.py, seed 7: 100 clients x 10 accounts and 200 docs,
# 1,000 x 10 and 2,000 docs, 10,000 x 10 and the same 2,000 docs), builds each with the release
# binary (wall time, CPU, peak memory, files, size), then measures each home page in headless
# Chromium (browser.py: bytes, DOM nodes, DOMContentLoaded, load, search ready, keystroke to
# paint). With BASELINE_REV (e.g. 516dbe2, the last version before the launcher), that version
# is built from git (its own templates) into .build-baseline and measured the same way.
# Needs the test suite's virtual environment (.build-venv, made by .ci/test) for Selenium.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"
baseline="${2:-}"
repo="$PWD"
python="$repo/.build-venv/bin/python"
[ -x "$python" ] || { echo "run bash .ci/test once first: it makes .build-venv with Selenium" >&2; exit 1; }
bash .ci/ensure-debian-packages libcmark-dev pkg-config chromium chromium-driver time
swift build -c release --product switchboard >&2
work="$(mktemp -d)"
trap 'git -C "$repo" worktree remove --force "$work/baseline-src" 2>/dev/null || true; rm -rf "$work"' EXIT

versions=("launcher $repo/.build/release/switchboard $repo/site-templates")
if [ -n "$baseline" ]; then
  git worktree add --detach "$work/baseline-src" "$baseline" >&2
  swift build -c release --product switchboard --package-path "$work/baseline-src" --scratch-path "$repo/.build-baseline" >&2
  versions=("today $repo/.build-baseline/release/switchboard $work/baseline-src/site-templates" "${versions[@]}")
fi

echo "| accounts | version | build s | CPU s | peak MB | files | output MB | home KB | access KB | index KB | DOM nodes | DOMContentLoaded ms | load ms | search ready after load ms | keystroke to paint ms | keystroke work ms |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for size in 1000:100:200 10000:1000:2000 100000:10000:2000; do
  IFS=: read -r accounts clients docs <<< "$size"
  python3 Tests/Benchmark/generate.py "$work/content-$accounts" --clients "$clients" --accounts 10 --docs "$docs" --seed 7
  # A client about two fifths into the list, by name and by its accounts' ID prefix.
  client=$(( clients * 421 / 1000 ))
  name=$(printf 'client %04d' "$client")
  prefix=$(printf '%06d0' $(( client + 100000 )))
  for version in "${versions[@]}"; do
    read -r label binary templates <<< "$version"
    out="$work/$label-$accounts"
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$binary" build --content "$work/content-$accounts/content" \
      --templates "$templates" --output "$out" > /dev/null
    read -r wall user system peak < "$work/time"
    page_runs="$runs"; [ "$accounts" = 100000 ] && page_runs=3
    if page=$(timeout 1800 "$python" Tests/Benchmark/browser.py "$out" --runs "$page_runs" --client-name "$name" --id-prefix "$prefix" 2>/dev/null); then
      measured=$("$python" -c 'import json, sys; m = json.loads(sys.argv[1]); print(" | ".join(str(v) for v in [
          round(m["home_bytes"] / 1000, 1), round(m["access_bytes"] / 1000, 1), round(m["index_bytes"] / 1000, 1), m["dom_nodes"],
          m["dcl_ms"], m["load_ms"], m["search_ready_after_load_ms"], m["keystroke_median_ms"], m["keystroke_work_median_ms"]]))' "$page")
    else
      measured="not measured: the page did not answer in time | | | | | | | |"
    fi
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$accounts" "$label" "$wall" \
      "$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')" "$(awk -v p="$peak" 'BEGIN { printf "%.0f", p * 1.024 / 1000 }')" \
      "$(find "$out" -type f | wc -l)" "$(du -sm --apparent-size "$out" | cut -f1)" "$measured"
    # Kept until the end: creating files right after thousands were deleted is several times slower.
  done
done
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(chromium --version 2>/dev/null | head -n 1)"

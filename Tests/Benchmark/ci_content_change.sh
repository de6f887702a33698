#!/usr/bin/env bash
# What CI spends on a content-only change, measured as CI runs it: a fresh clone of this repository,
# then `check` and `build` of content/ with
#   1. the release binary already present (restored from a cache or downloaded: .ci/release makes it), and
#   2. Switchboard compiled from source first (swift build -c release), as the old CI example did.
# Prints wall times. Run from the repository: bash Tests/Benchmark/ci_content_change.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bash .ci/release "$work/bin" 2>/dev/null

seconds() { local start=$(date +%s%N); "$@" > /dev/null 2>&1; echo "$(( ($(date +%s%N) - start) / 1000000 ))"; }

git clone -q "$repo" "$work/with-binary"
cd "$work/with-binary"
sed -i 's/^title: .*/&!/' content/portal.yaml # the content change
binary_ms=$(seconds sh -c "'$work/bin/switchboard' check && '$work/bin/switchboard' build")

git clone -q "$repo" "$work/from-source"
cd "$work/from-source"
sed -i 's/^title: .*/&!/' content/portal.yaml
compile_ms=$(seconds swift build -c release --product switchboard)
source_ms=$(seconds sh -c '.build/release/switchboard check && .build/release/switchboard build')

echo "content-only change, fresh clone, check + build:"
echo "  release binary present:  $binary_ms ms"
echo "  compiled from source:    $((compile_ms + source_ms)) ms (compiling $compile_ms ms, check + build $source_ms ms)"

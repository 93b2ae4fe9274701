#!/bin/sh
# Every example renders exactly its expected.yaml (LR_UPDATE_GOLDEN=1 rewrites them).
# Usage: examples.sh LAUNCH_RENDER SOURCE_DIR
set -u
BIN=$1
SRC=$2
fails=0
cd "$SRC" || exit 1
for values in examples/*/values.yaml; do
  dir=$(dirname "$values")
  out=$(mktemp)
  if ! "$BIN" "$values" > "$out"; then
    echo "FAIL $dir: exit status $?"; fails=$((fails + 1)); rm -f "$out"; continue
  fi
  if [ -n "${LR_UPDATE_GOLDEN:-}" ]; then cp "$out" "$dir/expected.yaml"; fi
  if cmp -s "$out" "$dir/expected.yaml"; then
    echo "ok   $dir"
  else
    echo "FAIL $dir: output differs from $dir/expected.yaml"; diff "$dir/expected.yaml" "$out" | head -20
    fails=$((fails + 1))
  fi
  rm -f "$out"
done
[ $fails = 0 ]

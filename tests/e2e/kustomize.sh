#!/bin/sh
# Real Kubernetes tooling parses every rendered object: the stream of each example is split
# into a folder with a kustomization.yaml and built with `kubectl kustomize`; the object set
# (kind/namespace/name) must equal the stream's.
# Usage: kustomize.sh LAUNCH_RENDER SOURCE_DIR   (kubectl from PATH or $LR_TOOLS/kubectl)
set -u
BIN=$1
SRC=$2
KUBECTL=$(command -v kubectl || true)
[ -z "$KUBECTL" ] && [ -x "${LR_TOOLS:-}/kubectl/kubectl" ] && KUBECTL=$LR_TOOLS/kubectl/kubectl
if [ -z "$KUBECTL" ]; then echo "kubectl not installed: skipped"; exit 77; fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
# kind, names and namespaces of every object, as a sorted multiset of lines
ids() { grep -E '^(kind|  name|  namespace):' "$1" | sort; }
for values in "$SRC"/examples/*/values.yaml "$SRC"/tests/golden/everything-enabled/values.yaml; do
  name=$(basename "$(dirname "$values")")
  dir=$T/$name
  mkdir -p "$dir"
  "$BIN" "$values" > "$dir/stream.yaml" 2>/dev/null || { echo "FAIL $name: render failed"; fails=$((fails + 1)); continue; }
  # one file per document, listed in a kustomization
  awk -v d="$dir" '/^---$/ { n++; next } { print > (d "/obj-" sprintf("%02d", n) ".yaml") }' "$dir/stream.yaml"
  { echo "resources:"; for f in "$dir"/obj-*.yaml; do echo "- $(basename "$f")"; done; } > "$dir/kustomization.yaml"
  if ! "$KUBECTL" kustomize "$dir" > "$dir/built.yaml" 2> "$dir/err"; then
    echo "FAIL $name: kubectl kustomize: $(cat "$dir/err")"; fails=$((fails + 1)); continue
  fi
  got=$(grep -c '^kind:' "$dir/built.yaml")
  if [ "$(ids "$dir/stream.yaml")" != "$(ids "$dir/built.yaml")" ]; then
    echo "FAIL $name: kustomize built a different object set"; fails=$((fails + 1))
  else
    echo "ok   $name ($got objects)"
  fi
done
[ $fails = 0 ]

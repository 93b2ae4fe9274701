#!/bin/sh
# schemas/kubernetes/ must be exactly what kube-schema-gen makes of the reference data
# (make kube-schemas rewrites it). Exits 77 (skipped) when the data is absent, as it is
# outside CI. Usage: in_sync.sh GENERATOR DATA_DIR SOURCE_DIR.
set -eu
gen=$1
data=$2
src=$3
if [ ! -d "$data/kubernetes-openapi" ] || [ ! -d "$data/crds" ]; then
  echo "skipped: no reference data in $data"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$gen" generate "$data" "$tmp/kubernetes"
if ! diff -r -q "$src/schemas/kubernetes" "$tmp/kubernetes"; then
  echo "FAIL: schemas/kubernetes/ is not what the generator makes of $data: run make kube-schemas" >&2
  exit 1
fi
echo "ok"

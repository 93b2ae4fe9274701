#!/bin/sh
# kube-schema-gen (schemas/gen) on the fixtures in data/: the bundle, its size report and a few
# assembled kinds must equal expected/ byte for byte, whether a spec is gzipped or not, and
# lists, meta/v1 kinds and unserved CRD versions must have no schema.
# Usage: run.sh GENERATOR SOURCE_DIR. LR_UPDATE_GOLDEN=1 rewrites expected/ (review the diff).
set -eu
gen=$1
here=$2/tests/schema_gen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir "$tmp/result"
"$gen" generate "$here/data" "$tmp/result/bundle" >"$tmp/result/bundle.stats" 2>"$tmp/stderr"
[ ! -s "$tmp/stderr" ] || { cat "$tmp/stderr" >&2; fail "warnings on the fixtures"; }

# The same inputs with one spec gzipped, in a second run: the same bytes (zlib, determinism).
cp -r "$here/data" "$tmp/data-gz"
gzip "$tmp/data-gz/kubernetes-openapi/v9.2.swagger.json"
"$gen" generate "$tmp/data-gz" "$tmp/bundle-gz" >/dev/null
diff -r "$tmp/result/bundle" "$tmp/bundle-gz" || fail "output differs between runs or with gzip"

mkdir "$tmp/result/assembled"
assemble() {  # OUTPUT_NAME [--loose] TABLE API_VERSION KIND
  name=$1
  shift
  "$gen" assemble "$@" >"$tmp/result/assembled/$name" || fail "assemble $*"
}
assemble v9.2-apps_v1-Deployment.json "$tmp/result/bundle" v9.2 apps/v1 Deployment
assemble v9.2-apps_v1-Deployment.loose.json --loose "$tmp/result/bundle" v9.2 apps/v1 Deployment
assemble v9.1-v1-ConfigMap.json "$tmp/result/bundle" v9.1 v1 ConfigMap
assemble crds-example.com_v1-Widget.json "$tmp/result/bundle" crds example.com/v1 Widget

for args in "v9.1 apps/v1 DeploymentList" "v9.1 v1 Status" "v9.1 apps/v1 WatchEvent" \
            "v9.1 batch/v1 Job" "crds example.com/v2 Widget" "crds example.com/v1 WidgetList"; do
  rc=0
  # shellcheck disable=SC2086
  "$gen" assemble "$tmp/result/bundle" $args >/dev/null 2>&1 || rc=$?
  [ "$rc" -eq 1 ] || fail "assemble $args: exit $rc, want 1 (no such kind)"
done

# A source that closes an object itself would be indistinguishable from strictness: refused.
mkdir -p "$tmp/bad/kubernetes-openapi" "$tmp/bad/crds"
echo '{"definitions": {"a": {"properties": {}, "additionalProperties": false}}}' \
  >"$tmp/bad/kubernetes-openapi/v1.0.swagger.json"
rc=0
"$gen" generate "$tmp/bad" "$tmp/bad-out" >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] || fail "additionalProperties: false in a source: exit $rc, want 2"

if [ "${LR_UPDATE_GOLDEN:-}" = 1 ]; then
  rm -rf "$here/expected"
  cp -r "$tmp/result" "$here/expected"
  echo "rewrote $here/expected"
fi
diff -ru "$here/expected" "$tmp/result" || fail "output differs from tests/schema_gen/expected"
echo "ok"

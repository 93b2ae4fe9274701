#!/bin/bash
# The chart under real helm, beyond parity: `helm lint --strict` on the defaults and on every
# example; with no values helm and launch-render both refuse with the apiKey message, and
# with an empty launchConfig with the launchConfig message; and a deliberately broken copy of
# the chart makes the parity test fail (so the parity test can fail).
# Usage: helm_checks.sh HELM LAUNCH_RENDER MANIFEST_DIFF SOURCE_DIR
set -u
HELM=$1 BIN=$2 DIFF=$3 SRC=$4
cd "$SRC" || exit 1
[ -x "$HELM" ] || { echo "skipped: no helm at $HELM (make tools)"; exit 77; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fails=0
fail() { echo "FAIL $*"; fails=$((fails + 1)); }
ok() { echo "ok   $*"; }

lint() {
  if "$HELM" lint --strict charts/launch-agent "$@" > "$TMP/lint" 2>&1; then ok "helm lint --strict $*"
  else fail "helm lint --strict $*"; cat "$TMP/lint"; fi
}
lint
for v in examples/*/values.yaml; do lint -f "$v"; done

# Both refuse VALUES (a file) and both messages contain TEXT.
both_refuse() {
  local values=$1 text=$2
  if "$BIN" "$values" > "$TMP/out" 2> "$TMP/err"; then fail "launch-render accepted $values"
  elif [ -s "$TMP/out" ] || ! grep -q -- "$text" "$TMP/err"; then fail "launch-render on $values: $(cat "$TMP/err")"
  else ok "launch-render refuses $values: $text"; fi
  if "$HELM" template charts/launch-agent -f "$values" > "$TMP/out" 2> "$TMP/err"; then fail "helm accepted $values"
  elif ! grep -q -- "$text" "$TMP/err"; then fail "helm on $values: $(cat "$TMP/err")"
  else ok "helm refuses $values: $text"; fi
}
echo '{}' > "$TMP/no-values.yaml"
both_refuse "$TMP/no-values.yaml" "agent.apiKey.*is required"
printf 'agent:\n  apiKey: k\nlaunchConfig: "  "\n' > "$TMP/empty-config.yaml"
both_refuse "$TMP/empty-config.yaml" "launchConfig.*is required"

# A broken chart must be caught: the agent's replicas changed in a copy of the chart.
cp -r charts/launch-agent "$TMP/chart"
sed -i 's/^  replicas: 1$/  replicas: 2/' "$TMP/chart/templates/deployment.yaml"
out=$(LR_CHART="$TMP/chart" tests/parity/run.sh "$HELM" "$BIN" "$DIFF" . everything-enabled)
if echo "$out" | grep -q '/spec/replicas: 2 (helm) != 1 (launch-render)'; then ok "parity catches a broken template"
else fail "parity missed a broken template: $out"; fi
[ $fails = 0 ]

#!/bin/bash
# Parity: for every values file under tests/golden/ and examples/, `helm template` of
# charts/launch-agent and `launch-render` give the same objects (compared by manifest-diff:
# types, values, list order and checksums count; document order, key order and quoting do
# not). Each case runs with several release names, one of them 40 characters long, and with
# helm's --namespace (which, as upstream, does not move objects: values `namespace` does).
# Where launch-render refuses the input, helm must fail too, unless binary-only.txt names the
# case and says why JSON Schema and templates cannot catch it.
# Usage: run.sh HELM LAUNCH_RENDER MANIFEST_DIFF SOURCE_DIR [CASE_FILTER]
# Exit: 0 all agree, 1 a difference (the first differing object and JSON pointer printed).
set -u
HELM=$1 BIN=$2 DIFF=$3 SRC=$4 FILTER=${5:-}
cd "$SRC" || exit 1
[ -x "$HELM" ] || { echo "skipped: no helm at $HELM (make tools)"; exit 77; }
CHART=${LR_CHART:-charts/launch-agent}
RELEASES=(release-name r ml-platform-launch-agent-production-0001)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fails=0 checked=0

# Cases: "DIR" for each golden case and example, values.yaml plus the optional args file.
cases() {
  for v in tests/golden/*/values.yaml examples/*/values.yaml; do dirname "$v"; done
}

binary_only() { grep -q "^$1 " tests/parity/binary-only.txt; }

# Reads DIR/args into ARGS (launch-render form) and HELM_ARGS (helm form, without release).
read_args() {
  ARGS=() HELM_ARGS=() RELEASE=""
  [ -f "$1/args" ] || return 0
  local line next=""
  while IFS= read -r line; do
    if [ "$next" = release ]; then RELEASE=$line; next=""; continue; fi
    case $line in
      --release) next=release ;;
      --strict) ARGS+=("$line") ;;
      -o) ARGS+=("$line"); next=format ;;
      *) if [ "$next" = format ]; then ARGS+=("$line"); next=""; else ARGS+=("$line"); HELM_ARGS+=("$line"); fi ;;
    esac
  done < "$1/args"
}

fail() { echo "FAIL $*"; fails=$((fails + 1)); }

# One comparison: release $2, extra helm flags in the rest.
compare() {
  local dir=$1 release=$2; shift 2
  local ours=$TMP/ours.yaml theirs=$TMP/helm.yaml
  "$BIN" "$dir/values.yaml" "${ARGS[@]}" --release "$release" > "$ours" 2> "$TMP/ours.err"
  local ours_rc=$?
  "$HELM" template "$release" "$CHART" -f "$dir/values.yaml" "${HELM_ARGS[@]}" "$@" \
    > "$theirs" 2> "$TMP/helm.err"
  local helm_rc=$?
  checked=$((checked + 1))
  local what="$dir (release $release${*:+, $*})"
  if [ $ours_rc = 0 ] && [ $helm_rc != 0 ]; then
    fail "$what: launch-render renders it, helm fails: $(head -c 400 "$TMP/helm.err")"
  elif [ $ours_rc != 0 ] && [ $helm_rc = 0 ]; then
    binary_only "$dir" && return 0
    fail "$what: launch-render refuses it ($(head -n 1 "$TMP/ours.err")), helm renders it"
  elif [ $ours_rc = 0 ]; then
    local d
    d=$("$DIFF" --left-name helm --right-name launch-render "$theirs" "$ours") ||
      fail "$what: $d"
  fi
}

for dir in $(cases); do
  [ -n "$FILTER" ] && [[ $dir != *$FILTER* ]] && continue
  read_args "$dir"
  if [ -n "$RELEASE" ]; then
    compare "$dir" "$RELEASE"
  else
    for r in "${RELEASES[@]}"; do compare "$dir" "$r"; done
    compare "$dir" "${RELEASES[0]}" --namespace parity-elsewhere
  fi
done
echo "parity: $checked comparisons, $fails failed"
[ $fails = 0 ] && [ $checked -ge 40 ]

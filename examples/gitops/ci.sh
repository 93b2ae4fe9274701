#!/bin/sh
# The CI job of this repository layout. It checks every input and renders what the cluster
# will run, into rendered/ (git-ignored here; a team would commit it, or compare it with
# `git diff --exit-code rendered/`, so that a review shows what changes in the cluster):
#   rendered/ENV/            the agent of agent/values-ENV.yaml over agent/values.yaml, one file
#                            per object + kustomization.yaml (launch-render --output-dir)
#   rendered/jobs/NAME.yaml  the workload the agent submits for queues/NAME.yaml
#   rendered/overlays/O.yaml overlays/O built by kubectl kustomize (skipped without kubectl)
# It runs in its own directory, from anywhere, and prints one line per step: ok or FAIL
# (launch-render's diagnostics, FILE:LINE:COL: ..., on stderr). Exit 1 when a step failed.
# Environment: LAUNCH_RENDER (default launch-render), KUBECTL (default kubectl).
set -u
cd "$(dirname "$0")" || exit 1
LR=${LAUNCH_RENDER:-launch-render}
KUBECTL=${KUBECTL:-kubectl}
RELEASE=ml-agent
failed=0
ok() { echo "ok   $1"; }
fail() {
  echo "FAIL $1"
  failed=1
}
# write FILE COMMAND...: COMMAND's stdout into FILE, replaced only when COMMAND succeeds
write() {
  file=$1
  shift
  if "$@" > "$file.tmp"; then mv "$file.tmp" "$file"; else rm -f "$file.tmp" && return 1; fi
}
mkdir -p rendered/jobs rendered/overlays || exit 1

# Every values file, each over the chart defaults. (Queue configs are checked by `job` below.)
if "$LR" validate agent/ --summary --strict; then ok validate; else fail validate; fi

# Each queue config renders as the agent would submit it (and is not refused by the agent).
set --
for queue in queues/*.yaml; do
  name=$(basename "$queue" .yaml)
  if write "rendered/jobs/$name.yaml" "$LR" job "$queue" --values agent/values.yaml --release "$RELEASE"; then
    ok "job $name"
  else
    fail "job $name"
  fi
  set -- "$@" --queue-config "$queue" # the agent's ClusterRole must allow its kind
done

# Each environment: values.yaml, then values-ENV.yaml.
for layer in agent/values-*.yaml; do
  env=${layer#agent/values-}
  env=${env%.yaml}
  if "$LR" agent/values.yaml -f "$layer" --release "$RELEASE" --strict "$@" --output-dir "rendered/$env"; then
    ok "render $env"
  else
    fail "render $env"
  fi
done

# Each overlay, as Argo CD's kustomize source (or kubectl apply -k) would build it.
for dir in overlays/*/; do
  overlay=$(basename "$dir")
  if ! command -v "$KUBECTL" > /dev/null 2>&1; then
    echo "skip overlay $overlay: $KUBECTL not found (set KUBECTL)"
  elif [ "$failed" = 1 ]; then
    fail "overlay $overlay: not built after the failures above"
  elif write "rendered/overlays/$overlay.yaml" "$KUBECTL" kustomize "$dir"; then
    ok "overlay $overlay"
  else
    fail "overlay $overlay"
  fi
done
exit $failed

#!/bin/sh
# examples/gitops/ci.sh, run in temporary copies of examples/gitops (never in the source tree):
# it passes; it renders each environment (rendered/ENV, with RBAC for the PyTorchJob queue) and
# each queue's workload; the prod overlay builds with kubectl kustomize and holds the rendered
# objects plus its own; a second run, and a run in another copy, give the same bytes; a broken
# values file fails the run with its located error and builds no overlay; without kubectl the
# overlay is skipped.
# Usage: example.sh LAUNCH_RENDER SOURCE_DIR   (kubectl from PATH, $LR_TOOLS or SOURCE_DIR/.tools)
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") || exit 1
SRC=$(cd "$2" && pwd) || exit 1
KUBECTL=$(command -v kubectl || true)
for k in "${LR_TOOLS:-$SRC/.tools}/kubectl/kubectl" "$SRC/.tools/kubectl/kubectl"; do
  [ -z "$KUBECTL" ] && [ -x "$k" ] && KUBECTL=$k
done
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() {
  echo "FAIL $*"
  fails=$((fails + 1))
}
# snapshot DIR: every path and checksum under DIR
snapshot() { (cd "$1" && find . -print | LC_ALL=C sort && find . -type f -exec cksum {} + | LC_ALL=C sort); }
before=$(snapshot "$SRC/examples/gitops")

# copy NAME: a fresh copy of examples/gitops at $T/NAME, without a rendered/ of the source tree
copy() {
  cp -R "$SRC/examples/gitops" "$T/$1"
  rm -rf "$T/$1/rendered"
}
# ci NAME [KUBECTL]: runs NAME/ci.sh from $T (not from its directory)
ci() {
  (cd "$T" && LAUNCH_RENDER=$BIN KUBECTL=${2:-${KUBECTL:-kubectl-not-installed}} sh "$T/$1/ci.sh") \
    > "$T/$1.out" 2> "$T/$1.err"
}
# has NAME FILE PATTERN...: FILE exists and contains each fixed-string PATTERN
has() {
  name=$1 file=$2
  shift 2
  [ -f "$file" ] || { fail "$name: ${file#"$T"/} missing"; return 1; }
  for pattern in "$@"; do
    grep -qF -- "$pattern" "$file" || { fail "$name: ${file#"$T"/} lacks: $pattern"; return 1; }
  done
  echo "ok   $name"
}

copy repo
R=$T/repo/rendered
if ci repo; then echo "ok   ci.sh"; else fail "ci.sh: exit status $?"; sed 's/^/    /' "$T/repo.out" "$T/repo.err"; fi
for step in validate 'job cpu-queue' 'job pytorch-queue' 'render prod' 'render staging'; do
  grep -qx "ok   $step" "$T/repo.out" || fail "ci.sh did not report: ok   $step"
done

# The environments: each layer over values.yaml; the PyTorchJob queue in the ClusterRole.
DEPLOY=08-deployment-launch-agent-ml-agent.yaml
has render-prod "$R/prod/$DEPLOY" 'node-role.example.com/platform: "true"' 'memory: 2Gi' \
  'example.com/owner: ml-platform' 'name: wandb-api-key-ml-agent'
has render-staging "$R/staging/$DEPLOY" 'memory: 512Mi'
has config-prod "$R/prod/03-configmap-wandb-launch-configmap-ml-agent.yaml" '- cpu-queue' '- pytorch-queue' 'max_jobs: 4'
has config-staging "$R/staging/03-configmap-wandb-launch-configmap-ml-agent.yaml" '- cpu-queue-staging' 'max_jobs: 1'
for env in prod staging; do
  has "rbac-$env" "$R/$env/04-clusterrole-wandb-job-creator-ml-agent.yaml" '- kubeflow.org' '- pytorchjobs'
  has "kustomization-$env" "$R/$env/kustomization.yaml" "- $DEPLOY"
done
grep -q 'node-role' "$R/staging/$DEPLOY" && fail "render-staging: has prod's nodeSelector"
# The workloads the agent submits.
has job-cpu "$R/jobs/cpu-queue.yaml" 'kind: Job' 'name: wandb-api-key-ml-agent' 'activeDeadlineSeconds: 86400'
has job-pytorch "$R/jobs/pytorch-queue.yaml" 'kind: PyTorchJob' 'Worker:'

# The overlay: the rendered objects, the PriorityClass, the patch and the labels.
if [ -z "$KUBECTL" ]; then
  grep -qx 'skip overlay prod: kubectl-not-installed not found (set KUBECTL)' "$T/repo.out" &&
    echo "ok   overlay skipped (no kubectl)" || fail "overlay: not skipped without kubectl"
else
  O=$R/overlays/prod.yaml
  grep -qx 'ok   overlay prod' "$T/repo.out" || fail "ci.sh did not report: ok   overlay prod"
  if has overlay-prod "$O" 'priorityClassName: ml-platform-agent' 'kind: PriorityClass'; then
    objects=$(grep -c '^kind:' "$O")
    rendered=$(cat "$R"/prod/0*.yaml | grep -c '^kind:')
    labelled=$(grep -c '^    app.kubernetes.io/part-of: ml-platform$' "$O")
    [ "$objects" = $((rendered + 1)) ] || fail "overlay-prod: $objects objects, want $rendered rendered + 1"
    [ "$labelled" -ge "$objects" ] || fail "overlay-prod: $labelled of $objects objects labelled"
    # the Deployment's selector is the chart's (labels: includeSelectors: false)
    awk '/^kind: Deployment$/ { d = 1 } d && /^  selector:$/ { s = 1; next } s && /^      / { print } s && !/^      / && !/matchLabels/ { exit }' \
      "$O" > "$T/selector"
    [ "$(cat "$T/selector")" = '      app: launch-agent-ml-agent' ] || fail "overlay-prod: selector changed: $(cat "$T/selector")"
  fi
  # without kubectl the overlay is skipped, and the rest still passes
  copy nokubectl
  ci nokubectl "$T/no-such-kubectl" && grep -qx "skip overlay prod: $T/no-such-kubectl not found (set KUBECTL)" "$T/nokubectl.out" &&
    echo "ok   overlay skipped (no kubectl)" || fail "no kubectl: $(cat "$T/nokubectl.out")"
fi

# Deterministic: a second run in place, and a run in another copy, write the same bytes.
cp -R "$R" "$T/first"
ci repo || fail "second run: exit status $?"
diff -r "$T/first" "$R" > "$T/diff" && echo "ok   second run, same output" || fail "second run differs: $(head -5 "$T/diff")"
copy again
ci again || fail "another copy: exit status $?"
diff -r "$R" "$T/again/rendered" > "$T/diff" && echo "ok   another copy, same output" || fail "another copy differs: $(head -5 "$T/diff")"
[ "$(find "$T/repo" -name '*.tmp' -o -name '.tmp-*' | wc -l)" = 0 ] || fail "temporary files left in rendered/"

# A broken values file fails its steps, with the file's located error; no overlay is built.
copy broken
before_broken=$fails
printf '  imagePullPolicy: Sometimes\n' >> "$T/broken/agent/values-prod.yaml"
line=$(wc -l < "$T/broken/agent/values-prod.yaml")
if ci broken; then
  fail "broken: ci.sh exit 0"
else
  for step in 'FAIL validate' 'FAIL render prod' 'ok   render staging'; do
    grep -qx "$step" "$T/broken.out" || fail "broken: ci.sh did not report: $step"
  done
  grep -q "^agent/values-prod.yaml:$line:3: error: agent.imagePullPolicy: " "$T/broken.err" ||
    fail "broken: no located error for agent/values-prod.yaml:$line:3: $(cat "$T/broken.err")"
  [ -e "$T/broken/rendered/prod" ] && fail "broken: rendered/prod was written"
  [ -e "$T/broken/rendered/overlays/prod.yaml" ] && fail "broken: overlay built after a failure"
  [ -n "$KUBECTL" ] && ! grep -qx 'FAIL overlay prod: not built after the failures above' "$T/broken.out" &&
    fail "broken: ci.sh did not report the overlay as not built"
  [ $fails = "$before_broken" ] && echo "ok   broken values file"
fi

[ "$(snapshot "$SRC/examples/gitops")" = "$before" ] && echo "ok   source tree untouched" ||
  fail "examples/gitops in the source tree changed"
[ $fails = 0 ]

#!/bin/sh
# End-to-end tests of the binary: exit code, stdout and exact stderr for each error class.
# Usage: run.sh LAUNCH_RENDER SOURCE_DIR
set -u
BIN=$1
SRC=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
fails=0
KEY='  apiKey: "0123456789abcdef0123456789abcdef01234567"'

# expect NAME CODE STDERR_PATTERN(grep -F, "" for empty stderr) ARGS...
expect() {
  name=$1 code=$2 pattern=$3
  shift 3
  "$BIN" "$@" >out 2>err
  rc=$?
  ok=1
  [ "$rc" = "$code" ] || { echo "FAIL $name: exit $rc, want $code"; ok=0; }
  if [ "$code" != 0 ] && [ -s out ]; then echo "FAIL $name: stdout not empty on error"; ok=0; fi
  if [ -z "$pattern" ]; then
    [ -s err ] && { echo "FAIL $name: unexpected stderr:"; cat err; ok=0; }
  elif ! grep -qF -- "$pattern" err; then
    echo "FAIL $name: stderr lacks: $pattern"; echo "--- stderr:"; cat err; ok=0
  fi
  [ $ok = 1 ] && echo "ok   $name" || fails=$((fails + 1))
}

printf 'agent:\n%s\nlaunchConfig: |\n  queues: [q1]\n' "$KEY" > good.yaml
expect renders 0 "" good.yaml
grep -q '^kind: Deployment$' out || { echo "FAIL renders: no Deployment"; fails=$((fails + 1)); }
expect explicit-subcommand 0 "" render good.yaml
expect stdin 0 "" - < good.yaml
expect json 0 "" good.yaml -o json
head -c 1 out | grep -q '{' || { echo "FAIL json: not JSON"; fails=$((fails + 1)); }

printf 'agent:\n  apiKey: "abc\n' > syntax.yaml
expect yaml-syntax 1 'syntax.yaml:2:11: error: agent.apiKey: unterminated quoted string: no closing " [yaml]' syntax.yaml
printf 'agent:\n  [1, 2\n' > flow.yaml
expect yaml-parse 1 'flow.yaml:' flow.yaml
printf 'agent:\n%s\n  image: a\n  image: b\nlaunchConfig: "queues: [q]"\n' "$KEY" > dup.yaml
expect duplicate-key 1 'dup.yaml:4:3: error: agent.image: duplicate key "image" (first defined at line 3) [yaml]' dup.yaml
printf 'launchConfig: |\n  queues: [q1]\n' > nokey.yaml
expect api-key-missing 1 'nokey.yaml:1:1: error: agent.apiKey: is required' nokey.yaml
printf 'agent:\n%s\nlaunchConfig:\n' "$KEY" > lcnull.yaml
expect launch-config-null 1 'lcnull.yaml:3:1: error: launchConfig: is required: it is null' lcnull.yaml
printf 'agent:\n%s\nlaunchConfig: ""\n' "$KEY" > lcempty.yaml
expect launch-config-empty 1 'lcempty.yaml:3:1: error: launchConfig: is required: it is empty' lcempty.yaml
printf 'agent:\n%s\nlaunchConfig:\n  queues: [q]\n' "$KEY" > lcmap.yaml
expect launch-config-not-string 1 'lcmap.yaml:3:1: error: launchConfig: must be a string' lcmap.yaml
printf 'agent:\n%s\nadditionalTargetNamespaces:\nlaunchConfig: "queues: [q]"\n' "$KEY" > nulllist.yaml
expect null-list 1 'nulllist.yaml:3:1: error: additionalTargetNamespaces: must be a list, got null [values-shape]' nulllist.yaml
printf 'agent:\n%s\n  labels:\n    app: x\nlaunchConfig: "queues: [q]"\n' "$KEY" > app.yaml
expect app-label 1 'app.yaml:4:5: error: agent.labels.app: is reserved' app.yaml
printf 'agent:\n%s\n  labels:\n    gpu: on\nlaunchConfig: "queues: [q]"\n' "$KEY" > label.yaml
expect label-not-string 1 'label.yaml:4:5: error: agent.labels.gpu: must be a string, got boolean true' label.yaml
printf 'agent:\n%s\n  podAnnotations:\n    note: 12\nlaunchConfig: "queues: [q]"\n' "$KEY" > ann.yaml
expect annotation-not-string 1 'ann.yaml:4:5: error: agent.podAnnotations.note: must be a string, got integer 12' ann.yaml
expect release-too-long 1 '--release: error: release name "this-release-name-is-far-too-long-for-kubernetes-labels" is too long' \
  good.yaml --release this-release-name-is-far-too-long-for-kubernetes-labels
printf 'agent:\n%s\nnamespace: Bad_NS\nlaunchConfig: "queues: [q]"\n' "$KEY" > ns.yaml
expect namespace-invalid 1 'ns.yaml:3:1: error: namespace: namespace "Bad_NS" must be' ns.yaml
expect set-syntax 1 '--set:1:' good.yaml --set 'agent.labels[0'
expect set-value 0 "" good.yaml --set agent.labels.team=ml
grep -q 'team: ml' out || { echo "FAIL set-value: label missing"; fails=$((fails + 1)); }
expect missing-file 1 'missing.yaml: error: cannot read values file' missing.yaml
expect directory 1 'error: cannot read values file: is a directory' .
expect all-errors-reported 1 'lcnull.yaml:3:1' nokey.yaml -f lcnull.yaml
expect usage-no-file 2 'values file' render
expect usage-bad-output 2 '--output' good.yaml -o xml
expect usage-unknown-flag 2 '--bogus' good.yaml --bogus
expect help 0 "" --help
grep -q 'Exit codes' out || { echo "FAIL help: no exit codes"; fails=$((fails + 1)); }
expect version 0 "" --version
printf 'agent:\n%s\n  minAvailable: 1\nlaunchConfig: "queues: [q]"\n' "$KEY" > warn.yaml
expect warning-exit-0 0 'warn.yaml:3:3: warning: agent.minAvailable' warn.yaml
expect strict-warning-fails 1 'warn.yaml:3:3: error: agent.minAvailable' warn.yaml --strict

# Billion laughs: 10 levels of 10 aliases each expand to 10^10 nodes.
{ echo 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'
  for i in 1 2 3 4 5 6 7 8 9; do p=$((i - 1)); echo "a$i: &a$i [*a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p, *a$p]"; done
} > laughs.yaml
expect alias-expansion-limit 1 'nodes (alias expansion limit) [yaml]' laughs.yaml

# Several errors in one file: all reported, sorted by line.
printf 'agent:\n  labels:\n    app: x\nnamespace: "A B"\nlaunchConfig:\n' > many.yaml
"$BIN" many.yaml >out 2>err
n=$(grep -c ': error: ' err)
[ "$n" -ge 4 ] && echo "ok   many-errors ($n)" || { echo "FAIL many-errors: $n errors"; cat err; fails=$((fails + 1)); }

# validate and schema.
printf 'queues: [a]\nbuilder:\n  type: buildah\n' > launch-config.yaml
expect validate-good 0 "" validate good.yaml
expect validate-bad 1 'launch-config.yaml:3:3: error: builder.type: must be one of "docker", "kaniko", "noop", got string "buildah" [launch-config-schema]' validate launch-config.yaml good.yaml
expect validate-stdin 0 "" validate - < good.yaml
expect validate-stdin-launch-config 1 '<stdin>:3:3: error: builder.type:' validate --kind launch-config - < launch-config.yaml
mkdir -p tree/sub tree/.hidden && cp good.yaml tree/sub/values.yaml && cp launch-config.yaml tree/.hidden/launch-config.yaml
expect validate-directory 0 'Summary: 1 files - valid: 1, invalid: 0, skipped: 0, errors: 0, warnings: 0' validate tree --summary
expect validate-unknown-kind 1 'cannot tell what this file is' validate laughs.yaml
expect validate-missing 1 'nothing.yaml: error: cannot read file' validate nothing.yaml
expect validate-usage 2 'FILES' validate
expect validate-usage-format 2 '--output' validate good.yaml -o xml
expect schema-list 0 "" schema --list
grep -qx 'launch-config' out || { echo "FAIL schema-list: no launch-config"; fails=$((fails + 1)); }
expect schema-print 0 "" schema launch-config
cmp -s out "$SRC/schemas/launch-config.schema.json" || { echo "FAIL schema-print: differs from schemas/"; fails=$((fails + 1)); }
expect schema-unknown 2 'no bundled schema named "nope"' schema nope

# job and init-queue: every starter renders, and its pods pass the restricted profile checker.
for k in job pytorchjob volcano; do
  expect "init-queue-$k" 0 "" init-queue "$k"
  cp out "starter-$k.yaml"
  "$BIN" job "starter-$k.yaml" --strict >out 2>err
  rc=$?
  case $k in job) want=0 ;; *) want=1 ;; esac  # custom resources warn about WANDB_API_KEY
  [ "$rc" = "$want" ] && echo "ok   job-starter-$k" || { echo "FAIL job-starter-$k: exit $rc"; cat err; fails=$((fails + 1)); }
done
expect job-stdin 0 "" job - < starter-job.yaml
grep -q '^kind: Job$' out || { echo "FAIL job-stdin: no Job"; fails=$((fails + 1)); }
grep -q 'runAsNonRoot: true' out || { echo "FAIL job-stdin: no runAsNonRoot"; fails=$((fails + 1)); }
expect job-set-var 0 "" job starter-job.yaml --set-var gpus=2
grep -q 'nvidia.com/gpu: 2$' out || { echo "FAIL job-set-var: gpus not 2"; fails=$((fails + 1)); }
expect job-set-var-range 1 '--set-var:1:0: error: gpus: must be at most 8, got "9" [template-variables]' job starter-job.yaml --set-var gpus=9
# --queue-config: the ClusterRole gains exactly the custom resources the queues submit.
"$BIN" good.yaml > plain.out 2>/dev/null
expect rbac-from-queues 0 "" good.yaml --queue-config starter-pytorchjob.yaml --queue-config starter-volcano.yaml --queue-config starter-job.yaml --queue-config starter-pytorchjob.yaml
[ "$(grep -c '^  - pytorchjobs$' out)" = 1 ] && [ "$(grep -c 'pytorchjobs/status' out)" = 1 ] || { echo "FAIL rbac-from-queues: pytorchjobs rule"; fails=$((fails + 1)); }
[ "$(grep -c 'batch.volcano.sh' out)" = "$(grep -c 'batch.volcano.sh' plain.out)" ] || { echo "FAIL rbac-from-queues: volcano rule duplicated"; fails=$((fails + 1)); }
[ "$(wc -l < out)" -gt "$(wc -l < plain.out)" ] || { echo "FAIL rbac-from-queues: nothing added"; fails=$((fails + 1)); }
expect rbac-no-queues-is-chart 0 "" good.yaml --queue-config starter-job.yaml
cmp -s out plain.out || { echo "FAIL rbac-no-queues-is-chart: output changed for a Job queue"; fails=$((fails + 1)); }
printf 'apiVersion: v1\nkind: Pod\n' > pod-queue.yaml
expect rbac-core-kind 1 'pod-queue.yaml:1:1: error: apiVersion: the agent cannot submit "v1"' good.yaml --queue-config pod-queue.yaml
expect job-missing-file 1 'nope.yaml: error: cannot read queue config' job nope.yaml
expect job-usage 2 'QUEUE_CONFIG' job
expect init-queue-unknown 2 'KIND' init-queue cronjob

# ---- Kubernetes schemas (render/kube_schema.cc; added with `validate` for manifests) --------
# What launch-render prints passes its own strict validation for the bundled versions; a bad
# manifest is located; --kube-version takes only bundled versions; no network is ever needed.
expect kube-version 0 "" good.yaml --kube-version 1.28
expect kube-version-usage 2 '--kube-version: "1.27" is not a bundled Kubernetes version (v1.28 to v1.36)' good.yaml --kube-version 1.27
"$BIN" good.yaml > bundle.yaml 2>/dev/null
"$BIN" good.yaml -o json > bundle.json 2>/dev/null
"$BIN" job starter-job.yaml > job.yaml 2>/dev/null
for v in 1.28 1.32 1.36; do
  expect "validate-own-render-$v" 0 "" validate --strict --kubernetes-version "$v" bundle.yaml bundle.json job.yaml
done
printf 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec: {replicas: "2"}\n' > bad-deploy.yaml
expect validate-manifest-bad 1 'bad-deploy.yaml:4:8: error: Deployment w: /spec/replicas: must be an integer, got string "2" [kube-schema]' validate bad-deploy.yaml
printf 'agent:\n%s\n  resources: {limits: {gpu: 1}}\nlaunchConfig: "queues: [q]"\n' "$KEY" > gpu.yaml
expect values-copied-into-output 1 'gpu.yaml:3:24: error: agent.resources.limits.gpu: resource name "gpu" is not a resource a container can request' gpu.yaml
if unshare -rn true 2>/dev/null; then
  unshare -rn "$BIN" validate --strict bundle.yaml >out 2>err
  [ $? = 0 ] && [ ! -s err ] && echo "ok   validate-no-network" || { echo "FAIL validate-no-network"; cat err; fails=$((fails + 1)); }
else
  echo "skip validate-no-network (unshare -rn not permitted here)"
fi

[ $fails = 0 ] && echo "all e2e tests passed" || echo "$fails e2e test(s) failed"
[ $fails = 0 ]

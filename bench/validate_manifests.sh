#!/bin/sh
# `launch-render validate` on many manifests: generates N files (default 1000) of Deployments,
# Jobs and Services with variations (a few invalid on purpose) into a temporary directory,
# validates the directory with 1 and 2 threads (LR_THREADS) and prints manifests per second;
# then the binary's size and its start-up time (--version, and a render of the quickstart
# values), each as the mean of RUNS runs (default 200). Not part of `make test`.
# Usage: bench/validate_manifests.sh [LAUNCH_RENDER] [N] [RUNS]
set -eu
BIN=${1:-build/launch-render}
N=${2:-1000}
RUNS=${3:-200}
SRC=$(cd "$(dirname "$0")/.." && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
[ -x "$BIN" ] || { echo "no launch-render at $BIN (build it first)" >&2; exit 2; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

deployment() {  # I
  cat <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-$1
  namespace: team-$(($1 % 7))
  labels: {app: web-$1, tier: front}
spec:
  replicas: $(($1 % 5 + 1))
  selector:
    matchLabels: {app: web-$1}
  strategy:
    rollingUpdate: {maxSurge: 25%, maxUnavailable: $(($1 % 2))}
  template:
    metadata:
      labels: {app: web-$1, tier: front}
    spec:
      containers:
        - name: web
          image: nginx:1.$(($1 % 27))
          ports: [{name: http, containerPort: $((8000 + $1 % 100))}]
          readinessProbe: {httpGet: {path: /healthz, port: http}}
          resources:
            requests: {cpu: $((100 + $1 % 400))m, memory: $((64 + $1 % 64))Mi}
            limits: {cpu: "1", memory: 256Mi}
EOF
}

job() {  # I
  cat <<EOF
apiVersion: batch/v1
kind: Job
metadata:
  generateName: train-$1-
  labels: {wandb.ai/run-id: run$1}
spec:
  backoffLimit: $(($1 % 3))
  ttlSecondsAfterFinished: 600
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: main
          image: trainer:$1
          command: [python, train.py, --epochs, "$(($1 % 50))"]
          env: [{name: SEED, value: "$1"}]
          resources:
            limits: {nvidia.com/gpu: $(($1 % 4)), memory: $((1 + $1 % 8))Gi}
EOF
}

service() {  # I
  cat <<EOF
apiVersion: v1
kind: Service
metadata:
  name: web-$1
spec:
  selector: {app: web-$1}
  ports:
    - {name: http, port: 80, targetPort: http}
    - {name: metrics, port: 9090, targetPort: $((9000 + $1 % 100))}
EOF
}

i=0
while [ $i -lt "$N" ]; do
  case $((i % 3)) in
    0) deployment $i > "$T/deployment-$i.yaml" ;;
    1) job $i > "$T/job-$i.yaml" ;;
    *) service $i > "$T/service-$i.yaml" ;;
  esac
  i=$((i + 1))
done
# A few invalid ones, so the error path is timed too.
printf 'apiVersion: v1\nkind: Service\nmetadata: {name: Bad_Name}\nspec:\n  ports: [{port: 0}]\n' \
  > "$T/service-invalid.yaml"
printf 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {replicas: "3"}\n' \
  > "$T/deployment-invalid.yaml"
files=$(ls "$T" | wc -l)

now() { date +%s.%N; }

echo "launch-render validate: $files manifests ($(du -sk "$T" | cut -f1) KiB) on $(nproc) cores"
for threads in 1 2; do
  best=""
  for run in 1 2 3; do
    start=$(now)
    LR_THREADS=$threads "$BIN" validate --strict --summary "$T" > /dev/null 2> "$T.err" || true
    end=$(now)
    s=$(echo "$end - $start" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$s < $best" | bc -l)" = 1 ]; then best=$s; fi
  done
  printf '  %d thread(s): %.3f s (best of 3), %.0f manifests/s\n' "$threads" "$best" \
    "$(echo "$files / $best" | bc -l)"
done
tail -1 "$T.err" | sed 's/^/  /'
rm -f "$T.err"

size=$(stat -c %s "$BIN")
stripped=$T/stripped
strip -o "$stripped" "$BIN" 2>/dev/null || cp "$BIN" "$stripped"
echo "binary: $size bytes ($(stat -c %s "$stripped") stripped)"

mean_ms() {  # RUNS COMMAND...: mean wall time of one run in milliseconds
  runs=$1
  shift
  start=$(now)
  n=0
  while [ $n -lt "$runs" ]; do "$@" > /dev/null 2>&1 || true; n=$((n + 1)); done
  end=$(now)
  echo "($end - $start) * 1000 / $runs" | bc -l
}
printf 'start-up: --version %.2f ms, render of examples/quickstart/values.yaml %.2f ms (mean of %d)\n' \
  "$(mean_ms "$RUNS" "$BIN" --version)" \
  "$(mean_ms "$RUNS" "$BIN" "$SRC/examples/quickstart/values.yaml")" "$RUNS"

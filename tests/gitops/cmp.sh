#!/bin/sh
# The Argo CD Config Management Plugin (plugins/argocd/) under an emulation of its contract:
# the discover, init and generate commands of plugin.yaml run with `sh -c` in the source
# directory of an Application (a temporary repository holding examples/gitops and
# examples/quickstart), with only the environment Argo CD gives them (ARGOCD_APP_*,
# ARGOCD_ENV_*, PATH with launch-render and launch-render-cmp first). Checked: stdout is
# exactly launch-render's render and parses as manifests (kubectl kustomize, when kubectl is
# there); the parameters are honoured; every failure leaves stdout empty and names the file
# (FILE:LINE:COL: error: ...) on stderr; shell metacharacters and paths outside the repository
# in parameters do no harm. With kubectl, also: plugin.yaml reads as YAML to the same commands,
# and kustomization.yaml adds the sidecar to an argocd-repo-server Deployment.
# Usage: cmp.sh LAUNCH_RENDER SOURCE_DIR   (kubectl from PATH, $LR_TOOLS or SOURCE_DIR/.tools)
set -u
command -v sh > /dev/null 2>&1 || { echo "sh not installed: skipped"; exit 77; }
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") || exit 1
SRC=$(cd "$2" && pwd) || exit 1
PLUGIN=$SRC/plugins/argocd
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

# What the sidecar image puts on PATH: launch-render and launch-render-cmp.
mkdir "$T/bin"
ln -s "$BIN" "$T/bin/launch-render"
printf '#!/bin/sh\nexec sh "%s" "$@"\n' "$PLUGIN/launch-render-cmp.sh" > "$T/bin/launch-render-cmp"
chmod +x "$T/bin/launch-render-cmp"
CMP_PATH=$T/bin:$(dirname "$BIN"):/usr/local/bin:/usr/bin:/bin
# --kube-version (ARGOCD_ENV_KUBE_VERSION) is checked when this launch-render has it
KUBE_ARGS=
"$BIN" render --help | grep -q -- '--kube-version' && KUBE_ARGS="--kube-version 1.31"

# The repository Argo CD checks out.
REPO=$T/repo
mkdir -p "$REPO/quickstart"
cp -R "$SRC/examples/gitops" "$REPO/gitops"
rm -rf "$REPO/gitops/rendered"
cp "$SRC/examples/quickstart/values.yaml" "$REPO/quickstart/values.yaml"

# plugin.yaml's command for SECTION, the script of its [sh, -c, '...'] form.
command_of() {
  awk -v want="$1" '
    /^  [a-z]+:/ { section = substr($1, 1, length($1) - 1) }
    section == want && /^ +command: \[sh, -c, '\''.*'\''\]$/ {
      sub(/^ +command: \[sh, -c, '\''/, ""); sub(/'\''\]$/, ""); print; n++
    }
    END { exit n == 1 ? 0 : 1 }' "$PLUGIN/plugin.yaml"
}
for section in discover init generate; do
  if script=$(command_of $section); then
    eval "CMD_$section=\$script"
  else
    fail "plugin.yaml: no single $section command in the form [sh, -c, '...']"
    exit 1
  fi
done
echo "ok   plugin.yaml commands"

# run NAME APP_DIR SECTION [VAR=VALUE]...: SECTION's command in REPO/APP_DIR as Argo CD runs it,
# into $T/NAME.out, $T/NAME.err and $T/NAME.rc
run() {
  run_name=$1 run_app=$2
  eval "run_script=\$CMD_$3"
  shift 3
  (cd "$REPO/$run_app" && env -i PATH="$CMP_PATH" HOME="$T" ARGOCD_APP_NAME=launch-agent \
    ARGOCD_APP_NAMESPACE=argocd-target ARGOCD_APP_REVISION=0123456789abcdef \
    ARGOCD_APP_SOURCE_PATH="$run_app" ARGOCD_APP_SOURCE_REPO_URL=https://git.example.com/ml.git \
    ARGOCD_APP_SOURCE_TARGET_REVISION=main KUBE_VERSION=1.31.0 "$@" sh -c "$run_script") \
    > "$T/$run_name.out" 2> "$T/$run_name.err"
  echo $? > "$T/$run_name.rc"
}
rc() { cat "$T/$1.rc"; }
# shq WORD: WORD quoted for eval
shq() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }

# renders NAME APP_DIR [VAR=VALUE]... -- LAUNCH_RENDER_ARGS...: init and generate succeed, and
# generate prints exactly what launch-render prints for LAUNCH_RENDER_ARGS
renders() {
  name=$1 app=$2
  shift 2
  vars=
  while [ "$1" != -- ]; do
    vars="$vars $(shq "$1")"
    shift
  done
  shift
  eval "run $name-init $app init $vars"
  [ "$(rc "$name-init")" = 0 ] || { fail "$name: init exit $(rc "$name-init"): $(cat "$T/$name-init.err")"; return 1; }
  eval "run $name $app generate $vars"
  [ "$(rc "$name")" = 0 ] || { fail "$name: generate exit $(rc "$name"): $(cat "$T/$name.err")"; return 1; }
  (cd "$REPO/$app" && "$BIN" "$@") > "$T/$name.want" 2> /dev/null
  cmp -s "$T/$name.want" "$T/$name.out" || { fail "$name: stdout is not launch-render $*"; return 1; }
  parses "$name" || return 1
  echo "ok   $name ($(grep -c '^kind:' "$T/$name.out") objects)"
}

# parses NAME: NAME.out is a stream of Kubernetes objects
parses() {
  docs=$(grep -c '^---$' "$T/$1.out")
  if [ "$docs" = 0 ] || [ "$(grep -c '^kind:' "$T/$1.out")" != "$docs" ] ||
    [ "$(grep -c '^apiVersion:' "$T/$1.out")" != "$docs" ]; then
    fail "$1: stdout is not $docs documents with apiVersion and kind"
    return 1
  fi
  [ -n "$KUBECTL" ] || return 0
  mkdir -p "$T/parse-$1"
  cp "$T/$1.out" "$T/parse-$1/out.yaml"
  printf 'resources: [out.yaml]\n' > "$T/parse-$1/kustomization.yaml"
  if ! "$KUBECTL" kustomize "$T/parse-$1" > "$T/$1.built" 2> "$T/$1.kerr"; then
    fail "$1: kubectl kustomize cannot read stdout: $(cat "$T/$1.kerr")"
    return 1
  fi
  [ "$(grep -c '^kind:' "$T/$1.built")" = "$docs" ] || { fail "$1: kustomize read another number of objects"; return 1; }
}

# refused NAME APP_DIR STDERR_PREFIX [VAR=VALUE]...: generate exits 1, prints nothing on stdout
# and its stderr starts with STDERR_PREFIX
refused() {
  name=$1 app=$2 prefix=$3
  shift 3
  run "$name" "$app" generate "$@"
  if [ "$(rc "$name")" != 1 ]; then
    fail "$name: exit $(rc "$name"), want 1"
  elif [ -s "$T/$name.out" ]; then
    fail "$name: stdout not empty"
  elif [ "$(head -c ${#prefix} "$T/$name.err")" != "$prefix" ]; then
    fail "$name: stderr does not start with: $prefix"
    sed 's/^/    /' "$T/$name.err"
  else
    echo "ok   $name"
  fi
}

# discover: a values.yaml that is no Helm chart
run discover-agent gitops/agent discover
[ "$(rc discover-agent)" = 0 ] && [ -s "$T/discover-agent.out" ] && echo "ok   discover-agent" ||
  fail "discover-agent: exit $(rc discover-agent), stdout '$(cat "$T/discover-agent.out")'"
mkdir -p "$REPO/chart" "$REPO/other"
: > "$REPO/chart/values.yaml"
: > "$REPO/chart/Chart.yaml"
: > "$REPO/other/kustomization.yaml"
for app in chart other; do
  run "discover-$app" $app discover
  [ "$(rc "discover-$app")" = 0 ] && [ ! -s "$T/discover-$app.out" ] && echo "ok   discover-$app (no match)" ||
    fail "discover-$app: exit $(rc "discover-$app"), stdout '$(cat "$T/discover-$app.out")'"
done

# The release name defaults to the Application's name.
if renders quickstart quickstart -- values.yaml --release launch-agent; then
  grep -q '^  name: launch-agent-launch-agent$' "$T/quickstart.out" || fail "quickstart: release is not ARGOCD_APP_NAME"
fi

# examples/gitops in production, with the env entries of plugins/argocd/application.yaml (as
# Argo CD passes them: ARGOCD_ENV_ prefix, $KUBE_VERSION interpolated).
grep -q '^    path: examples/gitops/agent$' "$PLUGIN/application.yaml" || fail "application.yaml: path is not examples/gitops/agent"
awk '/^      env:$/ { e = 1; next } e && /^ *- name: / { n = $3; next }
  e && /^ *value: / { v = $0; sub(/^ *value: /, "", v); gsub(/^"|"$/, "", v); print "ARGOCD_ENV_" n "=" v; next }
  e && !/^ *#/ { e = 0 }' "$PLUGIN/application.yaml" | sed 's/\$KUBE_VERSION/1.31.0/' > "$T/app.env"
[ "$(wc -l < "$T/app.env")" = 5 ] || fail "application.yaml: want 5 env entries: $(cat "$T/app.env")"
# (a launch-render without --kube-version: the Application without KUBE_VERSION)
[ -z "$KUBE_ARGS" ] && sed -i '/^ARGOCD_ENV_KUBE_VERSION=/d' "$T/app.env"
set --
while IFS= read -r var; do set -- "$@" "$var"; done < "$T/app.env"
# shellcheck disable=SC2086 # KUBE_ARGS: zero or two words
if renders prod gitops/agent "$@" -- \
  values.yaml -f values-prod.yaml --release ml-agent --strict $KUBE_ARGS \
  --queue-config ../queues/cpu-queue.yaml --queue-config ../queues/pytorch-queue.yaml; then
  grep -q 'pytorchjobs' "$T/prod.out" && grep -q 'node-role.example.com/platform' "$T/prod.out" &&
    grep -q '^  name: launch-agent-ml-agent$' "$T/prod.out" || fail "prod: queue configs, values-prod.yaml or RELEASE ignored"
fi

# Several values files, comma- and space-separated, in order.
if renders layers gitops/agent 'ARGOCD_ENV_VALUES_FILES=values-staging.yaml, values-prod.yaml' -- \
  values.yaml -f values-staging.yaml -f values-prod.yaml --release launch-agent; then
  grep -q 'cpu-queue-staging' "$T/layers.out" && grep -q 'node-role.example.com/platform' "$T/layers.out" &&
    grep -q 'memory: 2Gi' "$T/layers.out" && ! grep -q 'memory: 512Mi' "$T/layers.out" ||
    fail "layers: not both values files, in order"
fi

# KUBE_VERSION, as Argo CD's $KUBE_VERSION may spell it; an unknown version is refused (exit 2).
if [ -n "$KUBE_ARGS" ]; then
  renders kube-version quickstart ARGOCD_ENV_KUBE_VERSION=1.30+ -- values.yaml --release launch-agent --kube-version 1.30
  run kube-unknown quickstart generate ARGOCD_ENV_KUBE_VERSION=1.2
  [ "$(rc kube-unknown)" = 2 ] && [ ! -s "$T/kube-unknown.out" ] && grep -q '^--kube-version: "1.2" ' "$T/kube-unknown.err" &&
    echo "ok   kube-unknown" || fail "kube-unknown: exit $(rc kube-unknown): $(cat "$T/kube-unknown.err")"
else
  echo "skip kube-version: this launch-render has no --kube-version"
fi

# Located errors from launch-render, nothing on stdout.
APP=$REPO/gitops/agent
printf 'agent:\n  useExternalWandbSecret: true\n  imagePullPolicy: Sometimes\n' > "$APP/broken.yaml"
refused bad-values gitops/agent 'broken.yaml:3:3: error: agent.imagePullPolicy: ' ARGOCD_ENV_VALUES_FILES=broken.yaml
(cd "$APP" && "$BIN" values.yaml -f broken.yaml --release launch-agent) 2> "$T/bad-values.want" > /dev/null
cmp -s "$T/bad-values.want" "$T/bad-values.err" || fail "bad-values: stderr is not launch-render's"
printf 'namespace: [\n' > "$REPO/other/values.yaml"
refused bad-syntax other 'values.yaml:2:1: error: ' 
refused missing-file gitops/agent 'nope.yaml: error: ' 'ARGOCD_ENV_VALUES_FILES=nope.yaml'
refused no-glob-match gitops/agent '../queues/*.yml: error: ' 'ARGOCD_ENV_QUEUE_CONFIGS=../queues/*.yml'

# STRICT: warnings pass by default, fail when true; other words are refused.
printf 'agent:\n  useExternalWandbSecret: true\n  minAvailable: 1\n' > "$APP/warn.yaml"
run warn gitops/agent generate ARGOCD_ENV_VALUES_FILES=warn.yaml
[ "$(rc warn)" = 0 ] && [ -s "$T/warn.out" ] && grep -q '^warn.yaml:3:3: warning: ' "$T/warn.err" &&
  echo "ok   warn" || fail "warn: exit $(rc warn): $(cat "$T/warn.err")"
refused strict gitops/agent 'warn.yaml:3:3: error: ' ARGOCD_ENV_VALUES_FILES=warn.yaml ARGOCD_ENV_STRICT=TRUE
refused strict-word gitops/agent 'launch-render-cmp: error: ARGOCD_ENV_STRICT: ' ARGOCD_ENV_STRICT=maybe

# Parameters are data: no shell expansion, no options, no files outside the repository.
refused inject-values gitops/agent './--set=x=$(id>pwned);id>pwned: error: ' \
  'ARGOCD_ENV_VALUES_FILES=--set=x=$(id>pwned);id>pwned'
refused inject-release gitops/agent '--release: error: ' 'ARGOCD_ENV_RELEASE=x`touch pwned`;touch pwned'
[ -e "$APP/pwned" ] || [ -e "$T/pwned" ] && fail "inject: a parameter ran a command"
refused outside-absolute gitops/agent 'launch-render-cmp: error: ARGOCD_ENV_VALUES_FILES: /etc/hostname: outside the repository' \
  ARGOCD_ENV_VALUES_FILES=/etc/hostname
refused outside-dotdot gitops/agent 'launch-render-cmp: error: ARGOCD_ENV_QUEUE_CONFIGS: ../../../x.yaml: outside the repository' \
  ARGOCD_ENV_QUEUE_CONFIGS=../../../x.yaml
ln -s /etc/hostname "$APP/link.yaml"
refused outside-symlink gitops/agent 'launch-render-cmp: error: ARGOCD_ENV_VALUES_FILES: link.yaml: outside the repository' \
  ARGOCD_ENV_VALUES_FILES=link.yaml
rm "$APP/link.yaml"

# init fails on a queue config the agent would refuse, and names it.
printf 'spec:\n  template:\n    spec:\n      hostNetwork: true\n      containers: [{}]\n' > "$REPO/gitops/queues/host-queue.yaml"
run init-refused gitops/agent init 'ARGOCD_ENV_QUEUE_CONFIGS=../queues/host-queue.yaml'
[ "$(rc init-refused)" = 1 ] && grep -q '^\.\./queues/host-queue.yaml:4:7: error: ' "$T/init-refused.err" &&
  echo "ok   init-refused" || fail "init-refused: exit $(rc init-refused): $(cat "$T/init-refused.err")"

if [ -z "$KUBECTL" ]; then
  echo "skip plugin.yaml as YAML, sidecar component: kubectl not found"
  [ $fails = 0 ]
  exit
fi
# plugin.yaml read by a YAML parser (kustomize) gives the same three commands.
mkdir "$T/yaml"
cp "$PLUGIN/plugin.yaml" "$T/yaml/"
printf 'resources: [plugin.yaml]\n' > "$T/yaml/kustomization.yaml"
"$KUBECTL" kustomize "$T/yaml" > "$T/plugin.built" 2> "$T/plugin.err" || fail "plugin.yaml: $(cat "$T/plugin.err")"
# (one line per section: its command's words joined by |; kustomize may reorder the sections)
awk '/^  [a-z]+:/ { s = $1 } /command:$/ { c = s; line = ""; next }
  c != "" && /^ *- / { sub(/^ *- /, ""); line = line "|" $0; next }
  c != "" { print c line; c = "" } END { if (c != "") print c line }' "$T/plugin.built" | sort > "$T/plugin.cmds"
# shellcheck disable=SC2154 # CMD_* are assigned by eval above
printf 'discover:|sh|-c|%s\ngenerate:|sh|-c|%s\ninit:|sh|-c|%s\n' "$CMD_discover" "$CMD_generate" "$CMD_init" > "$T/plugin.want"
cmp -s "$T/plugin.want" "$T/plugin.cmds" && echo "ok   plugin.yaml as YAML" || fail "plugin.yaml as YAML: $(cat "$T/plugin.cmds")"

# The component adds the sidecar to Argo CD's repo server, with plugin.yaml from a ConfigMap.
mkdir -p "$T/argocd/base"
cp -R "$PLUGIN" "$T/argocd/plugin"
cat > "$T/argocd/base/repo-server.yaml" << 'EOF'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: argocd-repo-server
spec:
  selector:
    matchLabels: {app: argocd-repo-server}
  template:
    metadata:
      labels: {app: argocd-repo-server}
    spec:
      containers:
        - name: argocd-repo-server
          image: quay.io/argoproj/argocd:v2.13.0
      volumes:
        - name: var-files
          emptyDir: {}
        - name: plugins
          emptyDir: {}
EOF
printf 'namespace: argocd\nresources: [base/repo-server.yaml]\ncomponents: [plugin]\n' > "$T/argocd/kustomization.yaml"
if ! "$KUBECTL" kustomize "$T/argocd" > "$T/argocd.built" 2> "$T/argocd.err"; then
  fail "sidecar: kubectl kustomize: $(cat "$T/argocd.err")"
else
  cm=$(awk '/^kind: ConfigMap$/ { c = 1 } c && /^  name: / { print $2; exit }' "$T/argocd.built")
  missing=
  for want in '- /var/run/argocd/argocd-cmp-server' 'runAsUser: 999' 'name: argocd-repo-server' \
    'mountPath: /home/argocd/cmp-server/config/plugin.yaml' 'subPath: plugin.yaml' \
    "name: $cm" 'mountPath: /home/argocd/cmp-server/plugins' 'namespace: argocd'; do
    grep -qF -- "$want" "$T/argocd.built" || missing="$missing [$want]"
  done
  # the ConfigMap's plugin.yaml is the file, byte for byte
  awk '/^  plugin.yaml: \|/ { p = 1; next } p && /^    / { print substr($0, 5); next } p && /^$/ { print; next } { p = 0 }' \
    "$T/argocd.built" > "$T/cm-plugin.yaml"
  sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$T/cm-plugin.yaml" | cmp -s - "$PLUGIN/plugin.yaml" || missing="$missing [plugin.yaml in ConfigMap $cm]"
  [ -z "$missing" ] && echo "ok   sidecar ($cm)" || fail "sidecar: missing$missing"
fi
[ $fails = 0 ]

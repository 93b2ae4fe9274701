#!/bin/sh
# The pre-commit hooks in .pre-commit-hooks.yaml under real pre-commit (`pre-commit try-repo`):
# a good values file passes, a bad launch-config.yaml fails with its located message, and
# files that `files:` does not match are not checked; the manifests hook the same way.
# Usage: run.sh LAUNCH_RENDER SOURCE_DIR   (skipped, exit 77, when pre-commit is not installed)
set -u
BIN=$1
SRC=$(cd "$2" && pwd) || exit 1
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "pre-commit not installed (apt-get install pre-commit, or make deps-test): skipped"
  exit 77
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FAIL $1"; fails=$((fails + 1)); }

# Nothing from an enclosing git command or a user's pre-commit setup may leak in: a
# GIT_DIR from a hook that runs ctest, SKIP=launch-render, the cache under ~/.cache, /tmp.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY SKIP
export PRE_COMMIT_HOME="$T/pre-commit-home"
mkdir "$T/tmp" && TMPDIR=$T/tmp && export TMPDIR # try-repo's own temporary repos
BINDIR=$(cd "$(dirname "$BIN")" && pwd) || exit 1
PATH=$BINDIR:$PATH
export PATH
if [ "$(command -v launch-render)" != "$BINDIR/launch-render" ]; then
  echo "FAIL setup: launch-render on PATH is $(command -v launch-render), not $BIN"
  exit 1
fi

# git init DIR, with a local identity so commits work on a machine without a global one.
new_repo() {
  git init -q "$1" &&
    git -C "$1" config user.name "launch-render tests" &&
    git -C "$1" config user.email "tests@launch-render.invalid" &&
    git -C "$1" config commit.gpgsign false
}

# The hook repository. try-repo reads only what git holds: with SOURCE_DIR's own
# .pre-commit-hooks.yaml tracked, pre-commit itself folds in uncommitted edits of it; a file
# not committed yet (or a SOURCE_DIR that is no git work tree) is tried from a one-file copy.
HOOKS=$SRC
top=$(git -C "$SRC" rev-parse --show-toplevel 2>/dev/null || true)
if [ "$top" != "$(cd "$SRC" && pwd -P)" ] ||
  ! git -C "$SRC" ls-files --error-unmatch .pre-commit-hooks.yaml >/dev/null 2>&1; then
  [ -f "$SRC/.pre-commit-hooks.yaml" ] || { echo "FAIL setup: no $SRC/.pre-commit-hooks.yaml"; exit 1; }
  echo "note: $SRC/.pre-commit-hooks.yaml is not in git there; trying a copy of it"
  HOOKS=$T/hooks
  new_repo "$HOOKS" || exit 1
  cp "$SRC/.pre-commit-hooks.yaml" "$HOOKS/"
  git -C "$HOOKS" add .pre-commit-hooks.yaml && git -C "$HOOKS" commit -q -m hooks || exit 1
fi

# The repository being committed to.
R=$T/repo
new_repo "$R" || exit 1
cd "$R" || exit 1
printf 'agent:\n  apiKey: "0123456789abcdef0123456789abcdef01234567"\nlaunchConfig: |\n  queues: [q1]\n' > values.yaml
printf 'queues: [a]\nbuilder:\n  type: buildah\n' > launch-config.yaml
mkdir deploy
printf 'agent:\n  apiKey: "0123456789abcdef0123456789abcdef01234567"\nlaunchConfig: |\n  queues: [q1]\n  builder:\n    type: buildah\n' > deploy/prod-values.yml
cp launch-config.yaml notes.yaml # invalid too, but not a name the hook looks at
mkdir k8s
printf 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 80}]\n' > k8s/good.yaml
printf 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: "3"\n' > k8s/bad.yaml

# try NAME WANT_EXIT(0|nonzero) FILE... ; output (stdout and stderr) in $T/out; the hook is
# $HOOK (default launch-render)
try() {
  name=$1 want=$2
  shift 2
  pre-commit try-repo --color never "$HOOKS" "${HOOK:-launch-render}" --files "$@" > "$T/out" 2>&1
  rc=$?
  if [ "$want" = 0 ] && [ $rc != 0 ]; then
    fail "$name: exit $rc, want 0"; echo "--- output:"; cat "$T/out"; return 1
  elif [ "$want" != 0 ] && [ $rc = 0 ]; then
    fail "$name: exit 0, want non-zero"; echo "--- output:"; cat "$T/out"; return 1
  fi
  return 0
}
# has NAME TEXT: the last try's output contains TEXT (grep -F)
has() {
  grep -qF -- "$2" "$T/out" && return 0
  fail "$1: output lacks: $2"; echo "--- output:"; cat "$T/out"; return 1
}

# "Passed", not "(no files to check)Skipped": the file was matched and validated.
try good-values 0 values.yaml && has good-values 'Passed' && echo "ok   good-values"

MSG='launch-config.yaml:3:3: error: builder.type: must be one of "docker", "kaniko", "noop", got string "buildah" [launch-config-schema]'
try bad-launch-config nonzero launch-config.yaml && has bad-launch-config 'Failed' &&
  has bad-launch-config "$MSG" && echo "ok   bad-launch-config"

# The launch config inside a values file, in a subdirectory, under another values-file name.
MSG='deploy/prod-values.yml:6:5: error: launchConfig.builder.type: must be one of "docker", "kaniko", "noop", got string "buildah" [launch-config-schema]'
try values-in-subdirectory nonzero deploy/prod-values.yml && has values-in-subdirectory "$MSG" &&
  echo "ok   values-in-subdirectory"

# Both files in one run: the invalid one fails the hook.
try good-and-bad nonzero values.yaml launch-config.yaml && has good-and-bad 'launch-config.yaml:3:3' &&
  echo "ok   good-and-bad"

# A name outside `files:` is never handed to launch-render, whatever it holds.
try not-matched 0 notes.yaml && has not-matched '(no files to check)' && echo "ok   not-matched"

# The manifests hook: a bad Deployment fails at its line, a good Service passes, and a file
# outside its directories is not looked at.
HOOK=launch-render-manifests
MSG='k8s/bad.yaml:5:3: error: Deployment web: /spec/replicas: must be an integer, got string "3" [kube-schema]'
try bad-manifest nonzero k8s/bad.yaml && has bad-manifest "$MSG" && echo "ok   bad-manifest"
try good-manifest 0 k8s/good.yaml && has good-manifest 'Passed' && echo "ok   good-manifest"
try manifest-not-matched 0 values.yaml && has manifest-not-matched '(no files to check)' &&
  echo "ok   manifest-not-matched"
HOOK=

[ $fails = 0 ] && echo "all pre-commit tests passed" || echo "$fails pre-commit test(s) failed"
[ $fails = 0 ]

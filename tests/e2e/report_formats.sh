#!/bin/sh
# The report documents of `validate -o json|junit|sarif`, read by check_reports.py (python3,
# standard library): JUnit XML that parses and whose counts add up, SARIF 2.1.0 with its
# required fields, a JSON summary that matches its files, the three agreeing with each other,
# exit codes, and the same bytes for the same input. Then reports broken on purpose, to show
# the checker does reject them.
# Usage: report_formats.sh LAUNCH_RENDER SOURCE_DIR   (skipped, exit 77, without python3)
set -u
BIN=$1
SRC=$(cd "$2" && pwd) || exit 1
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
CHECK=$SRC/tests/e2e/check_reports.py
if ! command -v python3 >/dev/null 2>&1; then echo "python3 not installed: skipped"; exit 77; fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 1
fails=0
fail() { echo "FAIL $1"; fails=$((fails + 1)); }
check() { python3 -I "$CHECK" "$@"; }

mkdir in
KEY='  apiKey: "0123456789abcdef0123456789abcdef01234567"'
printf 'agent:\n%s\nlaunchConfig: |\n  queues: [q1]\n' "$KEY" > in/values.yaml
printf 'queues: [a]\nmax_jobs: "x"\nbuilder:\n  type: buildah\n' > in/launch-config.yaml
printf 'agent:\n%s\nlaunchConfig: |\n  queues: [q1]\n  max_jobs: 0\n' "$KEY" > in/warn-values.yaml
E1='in/launch-config.yaml:2:1: error: max_jobs: must be -1 (no limit) or a non-negative integer, got string "x" [launch-config-schema]'
E2='in/launch-config.yaml:4:3: error: builder.type: must be one of "docker", "kaniko", "noop", got string "buildah" [launch-config-schema]'

# report NAME FORMAT WANT_EXIT ARGS...: validate -o FORMAT ARGS into NAME.FORMAT; the document
# on stdout, nothing on stderr
report() {
  name=$1 fmt=$2 want=$3
  shift 3
  "$BIN" validate -o "$fmt" "$@" > "$name.$fmt" 2> "$name.err"
  rc=$?
  [ "$rc" = "$want" ] || { fail "$name.$fmt: exit $rc, want $want"; cat "$name.err"; return 1; }
  [ -s "$name.$fmt" ] || { fail "$name.$fmt: stdout empty"; return 1; }
  [ -s "$name.err" ] && { fail "$name.$fmt: stderr not empty:"; cat "$name.err"; return 1; }
  return 0
}
# verdict NAME FORMAT ARGS...: `check_reports.py FORMAT ARGS` must accept
verdict() {
  name=$1
  shift
  if check "$@"; then echo "ok   $name"; else fail "$name: check_reports.py $*"; fi
}

# One valid file, one invalid (two errors), one valid with a warning.
report all json 1 in && verdict json json all.json --files 3 --valid 2 --invalid 1 --skipped 0 \
  --errors 2 --warnings 1
report all junit 1 in && verdict junit junit all.junit --tests 3 --failures 1 --errors 0 \
  --contains "$E1" --contains "$E2"
report all sarif 1 in && verdict sarif sarif all.sarif --results 3 --errors 2 --warnings 1
verdict agree agree all.json all.junit all.sarif

# Same input, same bytes.
for fmt in json junit sarif; do
  report again "$fmt" 1 in || continue
  if cmp -s "all.$fmt" "again.$fmt"; then
    echo "ok   deterministic-$fmt"
  else
    fail "deterministic-$fmt: a second run differs: $(diff "all.$fmt" "again.$fmt" | head -5)"
  fi
done

# Only the valid file: exit 0, no failures.
if report valid junit 0 in/values.yaml; then
  grep -q '^<testsuites [^>]*failures="0"' valid.junit || fail 'valid-junit: no failures="0"'
  verdict valid-junit junit valid.junit --tests 1 --failures 0 --errors 0
fi
report valid sarif 0 in/values.yaml && verdict valid-sarif sarif valid.sarif --results 0

# A warning alone passes; --strict makes it an error.
report warn sarif 0 in/warn-values.yaml && verdict warning-sarif sarif warn.sarif --results 1 --warnings 1
report strict junit 1 --strict in/warn-values.yaml &&
  verdict strict-junit junit strict.junit --tests 1 --failures 1 --contains 'in/warn-values.yaml:5:3: error: launchConfig.max_jobs'

# broken NAME FORMAT REPORT SED_SCRIPT WANT: REPORT edited by SED_SCRIPT must be rejected with
# a problem that contains WANT.
broken() {
  name=$1 fmt=$2 src=$3 script=$4 want=$5
  sed "$script" "$src" > "broken.$fmt"
  if cmp -s "$src" "broken.$fmt"; then fail "$name: the edit changed nothing"; return; fi
  if check "$fmt" "broken.$fmt" > check.out 2>&1; then
    fail "$name: check_reports.py accepted it"
  elif ! grep -qF -- "$want" check.out; then
    fail "$name: check_reports.py output lacks: $want"; cat check.out
  else
    echo "ok   $name"
  fi
}
if ! [ -s all.sarif ] || ! [ -s all.junit ] || ! [ -s all.json ]; then
  fail "no reports to break"
  exit 1
fi
broken rejects-sarif-without-driver-name sarif all.sarif '/"name": "launch-render",/d' 'tool.driver.name'
broken rejects-sarif-unknown-rule sarif all.sarif 's/"ruleId": "launch-config-limits"/"ruleId": "nope"/' 'not in tool.driver.rules'
broken rejects-sarif-bad-level sarif all.sarif 's/"level": "warning"/"level": "warn"/' '.level'
broken rejects-sarif-line-0 sarif all.sarif 's/"startLine": 2,/"startLine": 0,/' 'startLine'
broken rejects-sarif-version sarif all.sarif 's/"version": "2.1.0"/"version": "2.0.0"/' 'version'
broken rejects-junit-without-classname junit all.junit 's/ classname="[^"]*"//' 'no classname attribute'
broken rejects-junit-count junit all.junit 's/^<testsuites name="launch-render" tests="3"/<testsuites name="launch-render" tests="4"/' 'tests=4'
broken rejects-junit-not-xml junit all.junit '$d' 'not XML' # the last line, </testsuites>
broken rejects-junit-failure-without-message junit all.junit 's/<failure message="[^"]*"/<failure/' 'no message attribute'
broken rejects-json-summary json all.json 's/"errors": 2/"errors": 3/' 'summary.errors'
# each report fine alone, but the JUnit failure has lost the second error
sed '/^in\/launch-config.yaml:4:3: /d' all.junit > lost.junit
if cmp -s all.junit lost.junit; then
  fail "rejects-disagreement: the edit changed nothing"
elif check agree all.json lost.junit all.sarif > check.out 2>&1; then
  fail "rejects-disagreement: check_reports.py accepted it"
elif ! grep -qF 'failure lacks' check.out; then
  fail "rejects-disagreement: check_reports.py output lacks: failure lacks"; cat check.out
else
  echo "ok   rejects-disagreement"
fi

[ $fails = 0 ] && echo "all report format tests passed" || echo "$fails report format test(s) failed"
[ $fails = 0 ]

#!/bin/sh
# completion/launch-render.bash under bash: the completion function registered for
# launch-render is called with COMP_WORDS/COMP_CWORD as bash sets them and its COMPREPLY is
# compared with the expected words; and for every subcommand every flag and every choice of
# -o/--kind that its --help lists is offered (so a flag added to the binary fails here until
# completed; the completion may know more, e.g. the flags of a newer binary).
# Usage: run.sh LAUNCH_RENDER SOURCE_DIR   (skipped, exit 77, without bash)
set -u
command -v bash > /dev/null 2>&1 || { echo "bash not installed: skipped"; exit 77; }
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") || exit 1
SRC=$(cd "$2" && pwd) || exit 1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
fail() {
  echo "FAIL $*"
  fails=$((fails + 1))
}

# completions WORD...: the sorted completions, one a line, of the command line WORD... (the last
# word is the one being completed; "" completes an empty word). Words as bash splits them:
# --output=js is "--output" "=" "js".
cat > "$T/complete.bash" << 'EOF'
source "$1" || exit 1
shift
[ "$(complete -p launch-render 2> /dev/null)" = "complete -F _launch_render launch-render" ] ||
  { echo "launch-render has no completion function" >&2; exit 1; }
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
_launch_render launch-render "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort -u | sed '/^$/d'
EOF
completions() {
  (cd "$T/work" && bash --norc --noprofile "$T/complete.bash" "$SRC/completion/launch-render.bash" "$BIN" "$@")
}
# expect NAME "WANT WORDS" WORD...: the completions are exactly WANT WORDS
expect() {
  name=$1
  want=$(printf '%s\n' $2 | LC_ALL=C sort)
  shift 2
  got=$(completions "$@" 2> "$T/err")
  if [ "$got" = "$want" ] && [ ! -s "$T/err" ]; then
    echo "ok   $name"
  else
    fail "$name: got [$(echo "$got" | tr '\n' ' ')] want [$(echo "$want" | tr '\n' ' ')] $(cat "$T/err")"
  fi
}

mkdir -p "$T/work/deploy" "$T/empty"
: > "$T/work/values.yaml"
: > "$T/work/queue.yml"
: > "$T/work/run.json"
: > "$T/work/notes.txt"

expect subcommand 'validate values.yaml' val
(cd "$T/empty" && bash --norc --noprofile "$T/complete.bash" "$SRC/completion/launch-render.bash" "$BIN" val) > "$T/got"
[ "$(cat "$T/got")" = validate ] && echo "ok   subcommand-only" || fail "subcommand-only: $(cat "$T/got")"
expect subcommands 'build deploy init-queue job queue.yml render run.json schema validate values.yaml' ''
expect validate-output 'json junit sarif text' validate -o ''
expect validate-output-eq 'sarif' validate --output = s
expect validate-output-eq-empty 'json junit sarif text' validate --output =
expect render-output 'json yaml' render -o ''
expect bare-render-output 'json yaml' values.yaml -o ''
expect job-output 'json yaml' job queue.yml --output ''
expect kind-l 'launch-config' validate --kind l
expect init-queue 'job pytorchjob volcano' init-queue ''
expect init-queue-p 'pytorchjob' init-queue p
expect schema 'launch-config values' schema ''
expect flag-prefix '--release' validate --rel
expect bare-flags '--queue-config' values.yaml --q
expect file-value 'deploy queue.yml run.json values.yaml' job --run-context ''
expect file-value-prefix 'run.json' render values.yaml -f r
expect dir-value 'deploy' values.yaml --output-dir ''
expect dir-value-eq 'deploy' build --context = ''
expect text-value '' render --set ''
expect after-text-value 'deploy queue.yml run.json values.yaml' render --release ml ''
expect after-choice-value 'deploy queue.yml run.json values.yaml' job -o json ''
expect validate-positional '- deploy queue.yml run.json values.yaml' validate ''
expect build-positional '' build ''

# Every flag of every --help.
help_flags() {
  "$BIN" "$@" --help | sed -n '/^Options:/,/^[A-Z]/p' |
    grep -oE '^  (-[A-Za-z],)?--[a-z][a-z-]*(,--[a-z][a-z-]*)*' | tr ',' '\n' | tr -d ' ' | LC_ALL=C sort -u
}
for sub in render validate schema job init-queue build ''; do
  if [ -z "$sub" ]; then
    { help_flags; help_flags render; } | LC_ALL=C sort -u > "$T/want"
    completions - > "$T/got"
  else
    help_flags "$sub" > "$T/want"
    completions "$sub" - > "$T/got"
  fi
  missing=$(LC_ALL=C comm -23 "$T/want" "$T/got" | tr '\n' ' ')
  if [ ! -s "$T/want" ]; then
    fail "flags ${sub:-launch-render}: no flags found in --help"
  elif [ -z "$missing" ]; then
    echo "ok   flags ${sub:-launch-render}"
  else
    fail "flags ${sub:-launch-render}: --help lists flags the completion does not offer: $missing"
  fi
done

# The choices of -o and --kind are the ones --help lists.
help_choices() {
  "$BIN" "$1" --help | grep -E "^  (-[a-z],)?$2 ENUM" | sed 's/^[^{]*{\([^}]*\)}.*/\1/' | tr ',' '\n' |
    sed 's/->.*//' | LC_ALL=C sort
}
for choice in 'render --output' 'validate --output' 'validate --kind' 'job --output' 'build --output'; do
  set -- $choice
  help_choices "$1" "$2" > "$T/want"
  completions "$1" "$2" '' > "$T/got"
  if [ -s "$T/want" ] && [ -z "$(LC_ALL=C comm -23 "$T/want" "$T/got")" ]; then
    echo "ok   choices $1 $2"
  else
    fail "choices $1 $2: --help [$(tr '\n' ' ' < "$T/want")] completion [$(tr '\n' ' ' < "$T/got")]"
  fi
done
[ $fails = 0 ]

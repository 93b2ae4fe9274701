# bash completion for launch-render: subcommands, their flags, the fixed choices of -o,
# --kind, init-queue KIND and schema NAME, files for file arguments, directories for
# --output-dir and --context.
#
# Load it from ~/.bashrc:
#   source /path/to/launch-render/completion/launch-render.bash
# or install it where the bash-completion package loads it on demand:
#   cp completion/launch-render.bash /usr/share/bash-completion/completions/launch-render
#   (one user: ~/.local/share/bash-completion/completions/launch-render)
#
# Keep the flag lists in step with `launch-render SUBCOMMAND --help`: tests/completion/run.sh
# fails when a flag of --help is not offered here.

_launch_render_subcommands="render validate schema job init-queue build"

# The flags of SUBCOMMAND ("" is the bare `launch-render VALUES...`, a render).
_launch_render_flags() {
  case $1 in
    '') echo "-h --help --version -f --values --set --set-string --release -o --output" \
      "--output-dir --queue-config --strict --kube-version" ;;
    render) echo "-h --help -f --values --set --set-string --release -o --output --output-dir" \
      "--queue-config --strict --kube-version" ;;
    validate) echo "-h --help -o --output --kind --release --summary --strict --kubernetes-version" \
      "--kube-version --ignore-missing-schemas --skip --reject -n --threads" ;;
    schema) echo "-h --help --list" ;;
    job) echo "-h --help --set-var --run-context --override --values --release -o --output" \
      "--output-dir --image-runs-as-root --strict --kube-version" ;;
    init-queue) echo "-h --help" ;;
    build) echo "-h --help --values --launch-config --release --context --run-id --image-source" \
      "--base-image --dockerfile --output-dir -o --output --strict --kube-version" ;;
  esac
}

# What FLAG of SUBCOMMAND takes: file, dir, text, a list of choices, or nothing ("").
_launch_render_flag_value() {
  case $2 in
    -f | --values | --queue-config | --run-context | --override | --launch-config) echo file ;;
    --output-dir | --context) echo dir ;;
    --set | --set-string | --release | --set-var | --run-id | --image-source | --base-image | \
      --kube-version | --kubernetes-version | --skip | --reject | -n | --threads) echo text ;;
    -o | --output)
      if [ "$1" = validate ]; then echo "text json junit sarif"; else echo "yaml json"; fi ;;
    --kind) echo "values launch-config queue-config manifest" ;;
  esac
}

# COMPREPLY from the lines of standard input.
_launch_render_reply() {
  local line
  COMPREPLY=()
  while IFS= read -r line; do
    COMPREPLY+=("$line")
  done
}

# Files ending in .yaml, .yml or .json, and directories (to descend into), matching $1.
_launch_render_files() {
  local f
  compgen -d -- "$1"
  compgen -f -- "$1" | while IFS= read -r f; do
    case $f in *.yaml | *.yml | *.json) [ -d "$f" ] || printf '%s\n' "$f" ;; esac
  done
}

_launch_render_filenames() {
  type compopt > /dev/null 2>&1 && compopt -o filenames 2> /dev/null
}

_launch_render() {
  local cword=$COMP_CWORD cur=${COMP_WORDS[COMP_CWORD]} prev="" i word sub="" sub_seen=0 takes
  # bash splits --flag=value at '=': `--output=js` arrives as "--output" "=" "js".
  if [ "$cur" = "=" ]; then
    cur="" prev=${COMP_WORDS[cword - 1]}
  elif [ "$cword" -ge 2 ] && [ "${COMP_WORDS[cword - 1]}" = "=" ]; then
    prev=${COMP_WORDS[cword - 2]}
  elif [ "$cword" -ge 1 ]; then
    prev=${COMP_WORDS[cword - 1]}
  fi

  # The subcommand: the first word that is neither a flag nor a flag's value.
  i=1
  while [ "$i" -lt "$cword" ]; do
    word=${COMP_WORDS[i]}
    case $word in
      -*)
        takes=$(_launch_render_flag_value "$sub" "$word")
        if [ -n "$takes" ]; then
          if [ "${COMP_WORDS[i + 1]:-}" = "=" ]; then i=$((i + 1)); fi
          i=$((i + 1))
        fi
        ;;
      =) ;;
      *)
        if [ "$sub_seen" = 0 ]; then
          sub_seen=1
          case " $_launch_render_subcommands " in *" $word "*) sub=$word ;; esac
        fi
        ;;
    esac
    i=$((i + 1))
  done

  if [ "${prev#-}" != "$prev" ] && [ "$prev" != "-" ]; then
    takes=$(_launch_render_flag_value "$sub" "$prev")
    case $takes in
      '') ;;
      text) COMPREPLY=(); return 0 ;;
      file) _launch_render_filenames; _launch_render_reply < <(_launch_render_files "$cur"); return 0 ;;
      dir) _launch_render_filenames; _launch_render_reply < <(compgen -d -- "$cur"); return 0 ;;
      *) _launch_render_reply < <(compgen -W "$takes" -- "$cur"); return 0 ;;
    esac
  fi

  case $cur in
    -*) _launch_render_reply < <(compgen -W "$(_launch_render_flags "$sub")" -- "$cur"); return 0 ;;
  esac
  if [ "$sub_seen" = 0 ]; then
    # a subcommand, or the values files of a bare render
    _launch_render_filenames
    _launch_render_reply < <(compgen -W "$_launch_render_subcommands" -- "$cur"; _launch_render_files "$cur")
    return 0
  fi
  case $sub in
    init-queue) _launch_render_reply < <(compgen -W "job pytorchjob volcano" -- "$cur") ;;
    schema)
      _launch_render_reply < <(compgen -W "$("${COMP_WORDS[0]}" schema --list 2> /dev/null ||
        echo values launch-config)" -- "$cur") ;;
    build) COMPREPLY=() ;;
    validate)
      _launch_render_filenames
      _launch_render_reply < <(compgen -W "-" -- "$cur"; _launch_render_files "$cur") ;;
    *) _launch_render_filenames; _launch_render_reply < <(_launch_render_files "$cur") ;;
  esac
  return 0
}

complete -F _launch_render launch-render

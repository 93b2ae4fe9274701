#!/bin/sh
# The commands of the launch-render Argo CD Config Management Plugin (plugin.yaml). The sidecar
# image installs this file as /usr/local/bin/launch-render-cmp; Argo CD runs it in the
# Application's source directory:
#   launch-render-cmp discover   prints values.yaml if the directory has one and is no Helm chart
#   launch-render-cmp init       checks the parameters; renders each queue config as a job
#   launch-render-cmp generate   prints the agent bundle (YAML documents) on stdout
#
# Parameters: the Application's spec.source.plugin.env entries, which Argo CD passes with the
# prefix ARGOCD_ENV_ (an entry `name: RELEASE` arrives as ARGOCD_ENV_RELEASE):
#   RELEASE        the release name; default $ARGOCD_APP_NAME, else launch-render's release-name
#   VALUES_FILES   values files applied over values.yaml, in order (launch-render --values)
#   QUEUE_CONFIGS  queue configs whose kinds the agent's ClusterRole must allow (--queue-config)
#   STRICT         true or false (default): warnings are errors
#   KUBE_VERSION   the Kubernetes version whose schemas every object must pass (--kube-version;
#                  default: launch-render's). `value: $KUBE_VERSION` in the Application takes
#                  the destination cluster's version (a suffix such as the + of 1.30+ is dropped)
# Lists are separated by spaces or commas; an entry may be a glob (queues/*.yaml, sorted). Paths
# are relative to the source directory and must stay inside the repository.
# There is no namespace parameter: objects go to the values' `namespace` key.
#
# On any error: the diagnostics on stderr (FILE:LINE:COL: error: ...), nothing on stdout, and a
# non-zero exit (launch-render's: 1 invalid input, 2 usage error, 3 internal error).
set -u
LC_ALL=C
export LC_ALL

die() {
  printf 'launch-render-cmp: error: %s\n' "$*" >&2
  exit 1
}

mode=${1:-}
[ $# = 1 ] || mode=
case $mode in
  discover)
    # Argo CD takes any output as a match; a Helm chart keeps its own source type.
    [ -f values.yaml ] && [ ! -e Chart.yaml ] && echo values.yaml
    exit 0
    ;;
  init | generate) shift ;;
  *)
    echo "usage: launch-render-cmp discover|init|generate" >&2
    exit 2
    ;;
esac
command -v launch-render > /dev/null 2>&1 || die "launch-render is not on PATH"
command -v realpath > /dev/null 2>&1 || die "realpath is not on PATH"

# The repository root: the source directory minus the Application's path in the repository.
here=$(pwd -P) || die "cannot read the source directory"
rel=${ARGOCD_APP_SOURCE_PATH:-.}
rel=${rel#./}
rel=${rel%/}
root=$here
case $rel in
  '' | .) ;;
  *) root=${here%/"$rel"} ;;
esac

# From here on "$@" collects launch-render's arguments, each one word, never re-parsed.
case $(printf '%s' "${ARGOCD_ENV_STRICT:-false}" | tr '[:upper:]' '[:lower:]') in
  true | 1 | yes | on) set -- --strict ;;
  false | 0 | no | off | '') ;;
  *) die "ARGOCD_ENV_STRICT: \"$ARGOCD_ENV_STRICT\" is neither true nor false" ;;
esac
release=${ARGOCD_ENV_RELEASE:-${ARGOCD_APP_NAME:-}}
[ -n "$release" ] && set -- "$@" "--release=$release"
kube=${ARGOCD_ENV_KUBE_VERSION:-}
case $kube in
  v[0-9]*.[0-9]* | [0-9]*.[0-9]*) kube=$(printf '%s\n' "$kube" | sed 's/^\(v\{0,1\}[0-9]*\.[0-9]*\).*/\1/') ;;
esac
[ -n "$kube" ] && set -- "$@" "--kube-version=$kube"

separators=' ,	
'
for param in VALUES_FILES QUEUE_CONFIGS; do
  case $param in
    VALUES_FILES) list=${ARGOCD_ENV_VALUES_FILES:-} flag=--values ;;
    QUEUE_CONFIGS) list=${ARGOCD_ENV_QUEUE_CONFIGS:-} flag=--queue-config ;;
  esac
  set -f
  IFS=$separators
  for pattern in $list; do
    # Split on separators only, then expand the glob without splitting again. A pattern that
    # matches nothing stays as written, and launch-render reports the missing file.
    set +f
    IFS=
    for file in $pattern; do
      resolved=$(realpath -m -- "$file") || die "ARGOCD_ENV_$param: $file: cannot resolve the path"
      case $resolved in
        "$root" | "$root"/*) ;;
        *) die "ARGOCD_ENV_$param: $file: outside the repository" ;;
      esac
      case $file in -*) file=./$file ;; esac
      set -- "$@" "$flag=$file"
    done
    set -f
    IFS=$separators
  done
  set +f
  unset IFS
done

if [ "$mode" = init ]; then
  # A queue config the agent would refuse fails the sync before the agent is deployed.
  status=0
  for arg in "$@"; do
    case $arg in
      --queue-config=*) launch-render job "${arg#--queue-config=}" > /dev/null || status=1 ;;
    esac
  done
  exit $status
fi
exec launch-render render values.yaml "$@"

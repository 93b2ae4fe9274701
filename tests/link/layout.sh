#!/bin/sh
# The static binary's link (CMakeLists.txt, README "Speed"): not position-independent (no
# start-up relocations), unwind entries found through PT_GNU_EH_FRAME and no frame table
# registered by crtbeginT.o (the first exception would sort it), and, with cmake/hot-text.ld,
# the code a render runs in .text.hot, before the rest.
# Usage: layout.sh LAUNCH_RENDER HOT_TEXT(ON|OFF)
set -u
BIN=$1
HOT=$2
fails=0
fail() { echo "FAIL $*"; fails=$((fails + 1)); }

readelf -h "$BIN" | grep -q 'Type: *EXEC' || fail "not a fixed-address executable: $(readelf -h "$BIN" | grep Type:)"
readelf -lW "$BIN" | grep -q GNU_EH_FRAME || fail "no PT_GNU_EH_FRAME segment (link without --eh-frame-hdr?)"
readelf -lW "$BIN" | grep -q INTERP && fail "dynamically linked"
nm "$BIN" | grep -q ' __EH_FRAME_BEGIN__$' && fail "crtbeginT.o's frame table is linked in (cmake/static-exe.specs unused?)"
relocs=$(readelf -rW "$BIN" | grep -c R_X86_64_RELATIVE)
[ "$relocs" = 0 ] || fail "$relocs relative relocations to apply at start-up"

if [ "$HOT" = ON ]; then
  range=$(readelf -SW "$BIN" | sed -n 's/.* \.text\.hot  *PROGBITS  *\([0-9a-f]*\) [0-9a-f]* \([0-9a-f]*\) .*/\1 \2/p')
  [ -n "$range" ] || fail "no .text.hot section (cmake/hot-text.ld not used?)"
  set -- $range
  start=$((0x${1:-0})); end=$((start + 0x${2:-0}))
  # Functions of every stage of a render, each with one definition (no overloads; a .cold
  # clone is not counted); each must lie in .text.hot. A probe that is renamed fails here:
  # rerun `make hot-text` after renaming.
  for fn in 'main' 'lr::RenderBundle(' 'lr::LoadValuesFile(' 'lr::LoadStream(' \
            'lr::CheckValuesSchema(' 'lr::BuildBundle(' 'lr::ValidateRendered(' \
            'lr::CheckManifest(' 'lr::EmitObjects' 'YAML::Scanner::ScanNextToken()'; do
    addrs=$(nm -C "$BIN" | awk -v f="$fn" '$2 ~ /^[tT]$/ {
        name = substr($0, index($0, $3)); if (index(name, "[clone ")) next
        if (f == "main" ? name == "main" : index(name, f) == 1) print $1 }')
    if [ -z "$addrs" ]; then fail "$fn: not in the symbol table"; continue; fi
    if [ "$(echo "$addrs" | wc -l)" != 1 ]; then fail "$fn: more than one definition"; continue; fi
    at=$((0x$addrs))
    if [ "$at" -lt "$start" ] || [ "$at" -ge "$end" ]; then fail "$fn at 0x$addrs is outside .text.hot"; else echo "ok   $fn in .text.hot"; fi
  done
fi
[ $fails = 0 ] && echo "ok   static, fixed address, unwind table by PT_GNU_EH_FRAME, no registered frames"
[ $fails = 0 ]

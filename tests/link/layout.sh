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
  # Functions of every stage of a render; each must lie in .text.hot.
  for fn in 'lr::RenderBundle(' 'lr::LoadStream(' 'lr::EmitObjects' 'lr::CheckManifest(' \
            'lr::EvaluateSchema(' 'lr::CheckApiServerRules(' 'lr::LoadValuesFile(' \
            'YAML::Scanner::ScanNextToken()' 'main'; do
    addr=$(nm -C "$BIN" | awk -v f="$fn" '$2 ~ /^[tT]$/ { name = substr($0, index($0, $3)); if (index(name, f) == 1) { print $1; exit } }')
    if [ -z "$addr" ]; then fail "$fn: not in the symbol table"; continue; fi
    at=$((0x$addr))
    if [ "$at" -lt "$start" ] || [ "$at" -ge "$end" ]; then fail "$fn at 0x$addr is outside .text.hot"; else echo "ok   $fn in .text.hot"; fi
  done
fi
[ $fails = 0 ] && echo "ok   static, fixed address, unwind table by PT_GNU_EH_FRAME, no registered frames"
[ $fails = 0 ]

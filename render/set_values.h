// Set values: helm v3's --set / --set-string parser (pkg/strvals ParseInto and
// ParseIntoString), applied to a values Document.
// In: one flag argument and the user values built so far (the -f files merged).
// Out: the same Document with the assignments applied, every node they create or
// overwrite positioned at the flag; or one located error [set] and no change.
//
// Syntax of one argument: assignments separated by unescaped ','.
//   path=value   path is a name followed by ".name" and "[N]" steps, e.g.
//                a.b[0][1].c; a backslash makes the next character literal
//                anywhere (\, \. \= \[ \{ \\), so "a\.b=1" sets the key "a.b".
//   value        "{x,y,z}" (only when '{' comes first) is a list of items;
//                anything else runs to the next unescaped ','. "a=" is "".
// Typing (kTyped only; kString keeps every scalar a string):
//   true/false/null in any case (Go's EqualFold) -> bool / null; "0" -> 0;
//   text not starting with '0' that is a base-10 int64 (sign allowed) -> integer;
//   everything else (1.5, 0123, 1e3, 0x10, " 5") stays a string.
// Merging, as helm does:
//   - the last assignment to a key wins; a scalar or list replaces a map;
//   - "a.b" walks into an existing map or creates one; an existing non-map
//     value at "a" is an error (helm: "unable to parse key");
//   - "a[N]" walks into an existing list or creates one; an existing non-list
//     (null included) is an error; lists are padded with null up to N, and
//     0 <= N <= 65536;
//   - "a[N].b" replaces a non-map item N with a map; "a[N][M]" needs item N
//     to be missing, null or a list;
//   - at most 30 '.' steps after names in one path (helm's limit), and at
//     most 1000 steps of any kind (ours: helm has none; keeps recursion bounded).
// Helm quirks kept on purpose (an assignment that ends up storing no value
// also gets a warning [set], since helm accepts it silently):
//   - "a={}" is the list [""]; "a[0]" with no '=' creates an empty list "a";
//   - a missing ']' ("a[0") is an error, as in helm v3 (v4 ignores it);
//   - nothing is stored under an empty key ("=x", "[0]=x", ".a=1", "a[0].=x"
//     are parsed and dropped), yet an existing "" map, or an existing item of
//     an existing "" list, is written through in place (Go map/slice aliasing);
//   - "a." and "a[0]." set nothing; "a[N].b=" ending the argument leaves a new
//     item N out (helm's io.EOF path), but fills an existing item N.
// Positions: file "--set" or "--set-string", line = flag_index, column = 1-based
// byte offset in `arg`. A node named by a path step gets key = the step's first
// character (the name, or the '[' of an index); a stored value gets value = its
// first character ('{' for a list; list items point at themselves); maps and
// lists created on the way (and null padding) get key = value = their step.
// Positions under an overwritten node are dropped. Walked-through existing
// nodes keep theirs.
// Order: helm applies every --set before every --set-string (then --set-file);
// the caller must call ApplySet in that order.
#pragma once

#include <string_view>

#include "render/diagnostics.h"
#include "render/document.h"

namespace lr {

enum class SetKind { kTyped, kString };  // --set, --set-string

// "--set" or "--set-string": the file name used in positions and diagnostics.
const char* SetFlagName(SetKind kind);

// The value helm stores for one scalar text (see Typing above).
Json SetScalar(std::string_view text, SetKind kind);

// Applies one flag argument (e.g. "agent.labels.team=ml,namespace=x") to
// `values`, whose root must be a map (a null root counts as an empty map).
// `flag_index` is 1-based: the N-th --set/--set-string flag on the command line.
// Returns false and adds one error (rule "set", at the offending column) on bad
// syntax or a type clash, leaving `values` unchanged. Never throws.
bool ApplySet(std::string_view arg, SetKind kind, int flag_index, Document* values,
              Diagnostics* diags);

}  // namespace lr

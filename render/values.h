// Values: helm's merge of chart defaults, -f files and --set flags into one tree.
// In: Documents (each node positioned in its own file). Out: one Document whose positions
// say, for every node, which layer and line set it. Never validates types (values_check does).
// Precedence, lowest first: chart defaults, each -f file in order, each --set in order.
// - Between user layers (helm's mergeMaps): maps merge key by key; lists, scalars and null
//   replace whatever was there.
// - Over the defaults (helm 3's CoalesceValues): maps merge; lists and scalars replace; a user
//   null deletes the default key (the null's position is kept, so checks can point at it);
//   a null under a key the defaults lack is kept.
#pragma once

#include "render/document.h"

namespace lr {

// Merges `overlay` into `base` (user layer over user layer).
void MergeUserLayer(const Document& overlay, Document* base);

// Fills `user` with the defaults it does not override.
void CoalesceDefaults(const Document& defaults, Document* user);

// True when the user explicitly set `pointer` to null and that deleted it.
bool WasNulled(const Document& values, std::string_view pointer);

}  // namespace lr

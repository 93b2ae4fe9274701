// Order: objects in the order `helm template` prints them (helm's InstallOrder by kind).
// In: objects in template order. Out: the same objects, stably sorted by kind rank; kinds helm
// does not know come after all known kinds, alphabetically; ties keep their input order.
#pragma once

#include <string_view>

#include "render/kube_object.h"

namespace lr {

// Rank of a kind in helm's install order; unknown kinds share the rank after the last one.
int KindRank(std::string_view kind);

void SortForInstall(Objects* objects);

}  // namespace lr

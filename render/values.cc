#include "render/values.h"

namespace lr {
namespace {

bool HasPrefix(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0 &&
         (s.size() == prefix.size() || s[prefix.size()] == '/');
}

// Drops every position at or under `pointer` (the node there was replaced).
// (The node itself, then its children from pointer + "/": siblings such as "a-b" and "a.b" sort
// between "/a" and "/a/x", so one scan from lower_bound(pointer) would stop too early.)
void ErasePositions(const std::string& pointer, Document* doc) {
  auto& pos = doc->positions;
  pos.erase(pointer);
  auto it = pos.lower_bound(pointer + "/");
  while (it != pos.end() && HasPrefix(it->first, pointer)) it = pos.erase(it);
}

// Copies every position at or under `pointer` from `from`.
void CopyPositions(const Document& from, const std::string& pointer, Document* to) {
  if (const NodePos* self = from.Find(pointer)) to->positions[pointer] = *self;
  for (auto it = from.positions.lower_bound(pointer + "/");
       it != from.positions.end() && HasPrefix(it->first, pointer); ++it) {
    to->positions[it->first] = it->second;
  }
}

void MergeMaps(const Json& overlay, const std::string& pointer, const Document& from, Json* base,
               Document* to) {
  for (const auto& [key, value] : overlay.items()) {
    std::string child = PointerJoin(pointer, key);
    Json* existing = base->contains(key) ? &(*base)[key] : nullptr;
    if (existing && existing->is_object() && value.is_object()) {
      if (const NodePos* pos = from.Find(child)) to->positions[child] = *pos;
      MergeMaps(value, child, from, existing, to);
      continue;
    }
    ErasePositions(child, to);
    CopyPositions(from, child, to);
    (*base)[key] = value;
  }
}

void Coalesce(const Json& defaults, const std::string& pointer, const Document& from, Json* user,
              Document* to) {
  for (const auto& [key, value] : defaults.items()) {
    std::string child = PointerJoin(pointer, key);
    if (!user->contains(key)) {
      (*user)[key] = value;
      CopyPositions(from, child, to);
    } else if ((*user)[key].is_null()) {
      user->erase(key);  // helm: a null from the user deletes the default
    } else if (value.is_object() && (*user)[key].is_object()) {
      Coalesce(value, child, from, &(*user)[key], to);
    }
  }
}

}  // namespace

void MergeUserLayer(const Document& overlay, Document* base) {
  if (!overlay.root.is_object()) return;
  if (!base->root.is_object()) base->root = Json::object();
  MergeMaps(overlay.root, "", overlay, &base->root, base);
}

void CoalesceDefaults(const Document& defaults, Document* user) {
  if (!user->root.is_object()) user->root = Json::object();
  Coalesce(defaults.root, "", defaults, &user->root, user);
}

bool WasNulled(const Document& values, std::string_view pointer) {
  const NodePos* pos = values.Find(pointer);
  if (!pos || !pos->user) return false;
  return JsonAt(values.root, pointer) == nullptr;
}

}  // namespace lr

#include "render/manifest_diff.h"

#include <map>

namespace lr {
namespace {

std::string Field(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// Type names that keep the distinctions a manifest cares about.
std::string TypeName(const Json& v) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return "boolean";
  if (v.is_number()) return "number";
  if (v.is_string()) return "string";
  if (v.is_array()) return "list";
  return "mapping";
}

// Short text of a value for a message: scalars as JSON, containers by size.
std::string Show(const Json& v) {
  if (v.is_array()) return "a list of " + std::to_string(v.size());
  if (v.is_object()) return "a mapping of " + std::to_string(v.size()) + " keys";
  std::string s = v.dump();
  return s.size() > 120 ? s.substr(0, 117) + "..." : s;
}

ManifestDifference Differ(const std::string& pointer, const Json& left, const Json& right) {
  return {"", pointer, Show(left), Show(right)};
}

bool SameScalar(const Json& left, const Json& right) {
  if (left.is_number() && right.is_number()) {
    if (left.is_number_float() || right.is_number_float()) {
      return left.get<double>() == right.get<double>();
    }
    return left.is_number_unsigned() == right.is_number_unsigned()
               ? left == right
               : left.get<double>() == right.get<double>();
  }
  return left == right;
}

std::optional<ManifestDifference> DiffMaps(const Json& left, const Json& right,
                                           const std::string& pointer) {
  for (const auto& [key, value] : left.items()) {
    std::string child = PointerJoin(pointer, key);
    auto it = right.find(key);
    if (it == right.end()) return ManifestDifference{"", child, Show(value), "(missing)"};
    if (auto d = DiffValues(value, *it, child)) return d;
  }
  for (const auto& [key, value] : right.items()) {
    if (!left.contains(key)) {
      return ManifestDifference{"", PointerJoin(pointer, key), "(missing)", Show(value)};
    }
  }
  return std::nullopt;
}

std::optional<ManifestDifference> DiffLists(const Json& left, const Json& right,
                                            const std::string& pointer) {
  size_t common = std::min(left.size(), right.size());
  for (size_t i = 0; i < common; ++i) {
    if (auto d = DiffValues(left[i], right[i], PointerJoin(pointer, i))) return d;
  }
  if (left.size() == right.size()) return std::nullopt;
  std::string at = PointerJoin(pointer, common);
  return left.size() > common ? ManifestDifference{"", at, Show(left[common]), "(missing)"}
                              : ManifestDifference{"", at, "(missing)", Show(right[common])};
}

// kubectl's `kind: List` (what `launch-render -o json` prints) stands for its items.
std::vector<Json> Flatten(const std::vector<Json>& docs) {
  std::vector<Json> out;
  for (const Json& d : docs) {
    if (d.is_object() && d.value("kind", Json()) == "List" && d.contains("items") &&
        d["items"].is_array()) {
      for (const Json& item : d["items"]) out.push_back(item);
    } else {
      out.push_back(d);
    }
  }
  return out;
}

using Index = std::map<std::string, std::vector<const Json*>>;

Index IndexObjects(const std::vector<Json>& docs) {
  Index index;
  for (const Json& d : docs) {
    if (!d.is_null()) index[ObjectIdentity(d)].push_back(&d);
  }
  return index;
}

std::optional<ManifestDifference> Duplicate(const std::string& id, const Index& left,
                                            const Index& right) {
  auto count = [&](const Index& index) {
    auto it = index.find(id);
    return it == index.end() ? size_t{0} : it->second.size();
  };
  size_t l = count(left), r = count(right);
  if (l == r || l == 0 || r == 0) return std::nullopt;
  return ManifestDifference{id, "", std::to_string(l) + " copies", std::to_string(r) + " copies"};
}

// The `copy`-th object called `id` on the left against the same copy on the right.
std::optional<ManifestDifference> DiffObject(const std::string& id, size_t copy, const Json& left,
                                             const Index& right) {
  auto it = right.find(id);
  if (it == right.end()) return ManifestDifference{id, "", "present", "(missing)"};
  auto d = DiffValues(left, *it->second.at(copy), "");
  if (d) d->object = id;
  return d;
}

}  // namespace

std::string ObjectIdentity(const Json& object) {
  if (!object.is_object()) return "(not an object: " + TypeName(object) + ")";
  std::string ns;
  if (auto m = object.find("metadata"); m != object.end() && m->is_object()) {
    ns = Field(*m, "namespace");
    ns = (ns.empty() ? "" : ns + "/") + Field(*m, "name");
  }
  return Field(object, "kind") + " " + ns + " (" + Field(object, "apiVersion") + ")";
}

std::optional<ManifestDifference> DiffValues(const Json& left, const Json& right,
                                             const std::string& pointer) {
  if (TypeName(left) != TypeName(right)) return Differ(pointer, left, right);
  if (left.is_object()) return DiffMaps(left, right, pointer);
  if (left.is_array()) return DiffLists(left, right, pointer);
  if (!SameScalar(left, right)) return Differ(pointer, left, right);
  return std::nullopt;
}

std::optional<ManifestDifference> DiffManifests(const std::vector<Json>& left_docs,
                                                const std::vector<Json>& right_docs) {
  std::vector<Json> left = Flatten(left_docs), right = Flatten(right_docs);
  Index l = IndexObjects(left), r = IndexObjects(right);
  std::map<std::string, size_t> seen;
  for (const Json& doc : left) {
    if (doc.is_null()) continue;
    std::string id = ObjectIdentity(doc);
    if (auto d = Duplicate(id, l, r)) return d;
    if (auto d = DiffObject(id, seen[id]++, doc, r)) return d;
  }
  for (const Json& doc : right) {
    std::string id = ObjectIdentity(doc);
    if (!doc.is_null() && !l.count(id)) return ManifestDifference{id, "", "(missing)", "present"};
  }
  return std::nullopt;
}

std::string FormatDifference(const ManifestDifference& d, const std::string& left_name,
                             const std::string& right_name) {
  std::string where = d.object.empty() ? "" : d.object + ": ";
  where += (d.pointer.empty() ? std::string("(whole object)") : d.pointer) + ": ";
  return where + d.left + " (" + left_name + ") != " + d.right + " (" + right_name + ")";
}

}  // namespace lr

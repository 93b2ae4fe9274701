// ManifestReads: a node of a manifest as the API server reads it (manifest_check.h), without
// copying the tree into that form first: a member whose value is null is absent, an integral
// float within 2^53 (3.0) is that integer. And Place: where a node is, kept as frames on the
// walker's stack and written as a JSON pointer only when a violation names it (a render's
// objects are walked whole, and almost never violate anything).
// For the rules of manifest_rules.h, which run on the renderer's ordered trees and on plain ones.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "render/scalar_text.h"

namespace lr::reads {

// The member `key` of `object`; nullptr when `object` is not a mapping, or the member is absent
// or null.
template <class J>
const J* Member(const J& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

template <class J>
const std::string* StringMember(const J& object, std::string_view key) {
  const J* v = Member(object, key);
  return v && v->is_string() ? &v->template get_ref<const std::string&>() : nullptr;
}

// An integer, or an integral float within 2^53 read as one; an unsigned integer beyond int64
// reads as the largest int64 (for comparisons; messages print the value itself).
template <class J>
std::optional<int64_t> Integer(const J& v) {
  if (v.is_number_unsigned()) {
    uint64_t u = v.template get<uint64_t>();
    return u > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())
               ? std::numeric_limits<int64_t>::max()
               : static_cast<int64_t>(u);
  }
  if (v.is_number_integer()) return v.template get<int64_t>();
  if (v.is_number_float() && IsExactInteger(v.template get<double>())) {
    return static_cast<int64_t>(v.template get<double>());
  }
  return std::nullopt;
}

// A scalar as read, as a plain value (for quantities and messages).
template <class J>
nlohmann::json Scalar(const J& v) {
  if (std::optional<int64_t> n = Integer(v); n && v.is_number_float()) return *n;
  if (v.is_string()) return v.template get_ref<const std::string&>();
  if (v.is_number_unsigned()) return v.template get<uint64_t>();
  if (v.is_number_integer()) return v.template get<int64_t>();
  if (v.is_number_float()) return v.template get<double>();
  if (v.is_boolean()) return v.template get<bool>();
  return nullptr;
}

// A node's place: the root, or a member or item of a place that outlives it.
class Place {
 public:
  Place() = default;
  Place(const Place& parent, std::string_view key) : parent_(&parent), key_(key) {}
  Place(const Place& parent, const char* key) : Place(parent, std::string_view(key)) {}
  Place(const Place& parent, std::string&& key) = delete;  // the key must outlive the place
  Place(const Place& parent, size_t index) : parent_(&parent), index_(index), item_(true) {}
  Place(const Place&) = delete;
  Place& operator=(const Place&) = delete;

  std::string Pointer() const;

 private:
  const Place* parent_ = nullptr;
  std::string_view key_;
  size_t index_ = 0;
  bool item_ = false;
};

}  // namespace lr::reads

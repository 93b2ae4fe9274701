// FrozenJson: a JSON document written once at build time (embed-docs) into a binary image
// that is read in place: no parsing, no allocation, members found by binary search. The
// schemas are evaluated in their images (schema_eval.h); templates are thawed into trees.
// Image layout (little-endian; every offset from the image's start; the root at offset 0):
//   tag byte: 0 null, 1 false, 2 true, 3 int64, 4 uint64, 5 double, 6 string, 7 array,
//             8 object (members sorted), 9 object (members in document order: ordered_json)
//   int64, uint64, double: 8 bytes           string: u32 length, bytes
//   array: u32 count, count x u32 offset      object: u32 count, count x (u32 key offset of a
//                                                     string node, u32 value offset), keys
//                                                     unique
// In: an image FreezeJson wrote (a view does not check it: the build made it, a test reads
// every embedded image back). Out: views and thawed trees.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lr {

class FrozenJson {
 public:
  enum Tag : uint8_t {
    kNull,
    kFalse,
    kTrue,
    kInt,
    kUint,
    kDouble,
    kString,
    kArray,
    kObject,
    kOrderedObject
  };

  FrozenJson() = default;  // absent: no node
  // The root of an image ("" gives an absent view).
  static FrozenJson Root(std::string_view image) {
    return image.empty() ? FrozenJson() : FrozenJson(image.data(), 0);
  }

  bool present() const { return base_ != nullptr; }
  Tag tag() const { return static_cast<Tag>(base_[at_]); }
  bool is_null() const { return present() && tag() == kNull; }
  bool is_boolean() const { return present() && (tag() == kFalse || tag() == kTrue); }
  bool is_integer() const { return present() && (tag() == kInt || tag() == kUint); }
  bool is_number() const { return is_integer() || (present() && tag() == kDouble); }
  bool is_string() const { return present() && tag() == kString; }
  bool is_array() const { return present() && tag() == kArray; }
  bool is_object() const { return present() && (tag() == kObject || tag() == kOrderedObject); }

  bool boolean() const { return tag() == kTrue; }
  int64_t int64() const { return Read<int64_t>(at_ + 1); }
  uint64_t uint64() const { return Read<uint64_t>(at_ + 1); }
  double number() const;  // any number, as a double
  std::string_view str() const { return {base_ + at_ + 5, Read<uint32_t>(at_ + 1)}; }

  // Arrays and objects: the number of items or members; their values by index.
  uint32_t size() const { return Read<uint32_t>(at_ + 1); }
  FrozenJson item(uint32_t i) const;
  std::string_view key(uint32_t i) const;  // objects only
  // The member named `key`, or an absent view (binary search; a linear one in document order).
  FrozenJson find(std::string_view key) const;

 private:
  FrozenJson(const char* base, uint32_t at) : base_(base), at_(at) {}
  template <class T>
  T Read(uint32_t offset) const {
    T v;
    std::memcpy(&v, base_ + offset, sizeof v);
    return v;
  }

  const char* base_ = nullptr;
  uint32_t at_ = 0;
};

// Whether `image` is safe to view as FreezeJson writes them: every offset a node reaches inside
// it, every tag known, sorted objects sorted with unique keys, fewer nodes than bytes, nesting
// at most `max_depth` (bytes no node reaches are not looked at). Reading a view of any other
// bytes is undefined: run this on images that do not come from the build.
bool IsFrozenJson(std::string_view image, int max_depth = 1000);

// The image of `doc` (which must be smaller than 4 GiB).
std::string FreezeJson(const nlohmann::json& doc);
std::string FreezeJson(const nlohmann::ordered_json& doc);

// The tree an image holds (nlohmann::json or ordered_json, members in key order).
template <class J>
J ThawJson(FrozenJson node);

extern template nlohmann::json ThawJson(FrozenJson);
extern template nlohmann::ordered_json ThawJson(FrozenJson);

}  // namespace lr

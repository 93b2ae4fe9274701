#include "render/frozen_json.h"

#include <algorithm>
#include <type_traits>

namespace lr {
namespace {

// One pass over a tree, appending each node after the slots of its parent.
class Freezer {
 public:
  template <class J>
  void Node(const J& v) {
    switch (v.type()) {
      case nlohmann::json::value_t::null:
        Put(FrozenJson::kNull);
        return;
      case nlohmann::json::value_t::boolean:
        Put(v.template get<bool>() ? FrozenJson::kTrue : FrozenJson::kFalse);
        return;
      case nlohmann::json::value_t::number_integer:
        Put(FrozenJson::kInt), Scalar(v.template get<int64_t>());
        return;
      case nlohmann::json::value_t::number_unsigned:
        Put(FrozenJson::kUint), Scalar(v.template get<uint64_t>());
        return;
      case nlohmann::json::value_t::number_float:
        Put(FrozenJson::kDouble), Scalar(v.template get<double>());
        return;
      case nlohmann::json::value_t::string:
        String(v.template get_ref<const std::string&>());
        return;
      case nlohmann::json::value_t::array:
        Array(v);
        return;
      case nlohmann::json::value_t::object:
        Object(v);
        return;
      default:  // binary, discarded: JSON has neither
        Put(FrozenJson::kNull);
    }
  }

  std::string out;

 private:
  void Put(uint8_t tag) { out.push_back(static_cast<char>(tag)); }
  template <class T>
  void Scalar(T v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  uint32_t Here() const { return static_cast<uint32_t>(out.size()); }
  void Patch(uint32_t slot, uint32_t value) { std::memcpy(&out[slot], &value, sizeof value); }

  void String(const std::string& s) {
    Put(FrozenJson::kString);
    Scalar(static_cast<uint32_t>(s.size()));
    out += s;
  }

  template <class J>
  void Array(const J& v) {
    Put(FrozenJson::kArray);
    Scalar(static_cast<uint32_t>(v.size()));
    uint32_t slots = Here();
    out.append(4 * v.size(), '\0');
    uint32_t i = 0;
    for (const J& item : v) {
      Patch(slots + 4 * i++, Here());
      Node(item);
    }
  }

  template <class J>
  void Object(const J& v) {
    bool ordered = std::is_same_v<J, nlohmann::ordered_json>;
    Put(ordered ? FrozenJson::kOrderedObject : FrozenJson::kObject);
    Scalar(static_cast<uint32_t>(v.size()));
    uint32_t slots = Here();
    out.append(8 * v.size(), '\0');
    uint32_t i = 0;
    for (auto it = v.begin(); it != v.end(); ++it, ++i) {
      Patch(slots + 8 * i, Here());
      String(it.key());
      Patch(slots + 8 * i + 4, Here());
      Node(it.value());
    }
  }
};

template <class J>
J Thaw(FrozenJson node);

template <class J>
J ThawObject(FrozenJson node) {
  J out = J::object();
  auto& members = out.template get_ref<typename J::object_t&>();
  uint32_t n = node.size();
  if constexpr (std::is_same_v<J, nlohmann::ordered_json>) members.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    if constexpr (std::is_same_v<J, nlohmann::ordered_json>) {
      members.Container::emplace_back(std::string(node.key(i)), Thaw<J>(node.item(i)));
    } else {
      members.emplace_hint(members.end(), std::string(node.key(i)), Thaw<J>(node.item(i)));
    }
  }
  return out;
}

template <class J>
J Thaw(FrozenJson node) {
  switch (node.tag()) {
    case FrozenJson::kNull:
      return nullptr;
    case FrozenJson::kFalse:
    case FrozenJson::kTrue:
      return node.boolean();
    case FrozenJson::kInt:
      return node.int64();
    case FrozenJson::kUint:
      return node.uint64();
    case FrozenJson::kDouble:
      return node.number();
    case FrozenJson::kString:
      return std::string(node.str());
    case FrozenJson::kArray: {
      J out = J::array();
      auto& items = out.template get_ref<typename J::array_t&>();
      items.reserve(node.size());
      for (uint32_t i = 0; i < node.size(); ++i) items.push_back(Thaw<J>(node.item(i)));
      return out;
    }
    default:
      return ThawObject<J>(node);
  }
}

// Bounds and structure of the node at `at` (IsFrozenJson).
class Checker {
 public:
  Checker(std::string_view image, int max_depth) : s_(image), max_depth_(max_depth) {}

  // A FreezeJson image has fewer nodes than bytes: more visits mean shared or cyclic offsets.
  bool Node(uint64_t at, int depth) {
    if (at >= s_.size() || depth > max_depth_ || ++visits_ > s_.size()) return false;
    auto tag = static_cast<uint8_t>(s_[at]);
    if (tag <= FrozenJson::kTrue) return true;
    if (tag <= FrozenJson::kDouble) return Fits(at + 1, 8);
    uint32_t n = 0;
    if (!U32(at + 1, &n)) return false;
    if (tag == FrozenJson::kString) return Fits(at + 5, n);
    if (tag == FrozenJson::kArray) return Items(at + 5, n, depth);
    if (tag == FrozenJson::kObject || tag == FrozenJson::kOrderedObject) {
      return Members(at + 5, n, depth, tag == FrozenJson::kObject);
    }
    return false;
  }

 private:
  bool Fits(uint64_t at, uint64_t n) const { return at <= s_.size() && n <= s_.size() - at; }
  bool U32(uint64_t at, uint32_t* out) const {
    if (!Fits(at, 4)) return false;
    std::memcpy(out, s_.data() + at, 4);
    return true;
  }
  std::string_view Key(uint64_t at) const {
    uint32_t n = 0;
    U32(at + 1, &n);
    return s_.substr(at + 5, n);
  }

  bool Items(uint64_t at, uint32_t n, int depth) {
    if (!Fits(at, 4ull * n)) return false;
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t item = 0;
      if (!U32(at + 4ull * i, &item) || !Node(item, depth + 1)) return false;
    }
    return true;
  }

  bool Members(uint64_t at, uint32_t n, int depth, bool sorted) {
    if (!Fits(at, 8ull * n)) return false;
    std::string_view previous;
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t key = 0, value = 0;
      if (!U32(at + 8ull * i, &key) || !U32(at + 8ull * i + 4, &value)) return false;
      if (!Node(key, depth + 1) || static_cast<uint8_t>(s_[key]) != FrozenJson::kString) {
        return false;
      }
      if (sorted && i > 0 && !(previous < Key(key))) return false;
      previous = Key(key);
      if (!Node(value, depth + 1)) return false;
    }
    return true;
  }

  std::string_view s_;
  int max_depth_;
  uint64_t visits_ = 0;
};

}  // namespace

bool IsFrozenJson(std::string_view image, int max_depth) {
  return !image.empty() && Checker(image, max_depth).Node(0, 0);
}

double FrozenJson::number() const {
  switch (tag()) {
    case kInt:
      return static_cast<double>(int64());
    case kUint:
      return static_cast<double>(uint64());
    default:
      return Read<double>(at_ + 1);
  }
}

FrozenJson FrozenJson::item(uint32_t i) const {
  uint32_t stride = tag() == kArray ? 4 : 8;
  uint32_t offset = tag() == kArray ? 0 : 4;
  return FrozenJson(base_, Read<uint32_t>(at_ + 5 + stride * i + offset));
}

std::string_view FrozenJson::key(uint32_t i) const {
  return FrozenJson(base_, Read<uint32_t>(at_ + 5 + 8 * i)).str();
}

FrozenJson FrozenJson::find(std::string_view name) const {
  if (!is_object()) return FrozenJson();
  uint32_t n = size();
  if (tag() == kOrderedObject) {
    for (uint32_t i = 0; i < n; ++i) {
      if (key(i) == name) return item(i);
    }
    return FrozenJson();
  }
  uint32_t lo = 0, hi = n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    int c = key(mid).compare(name);
    if (c == 0) return item(mid);
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return FrozenJson();
}

std::string FreezeJson(const nlohmann::json& doc) {
  Freezer f;
  f.Node(doc);
  return std::move(f.out);
}

std::string FreezeJson(const nlohmann::ordered_json& doc) {
  Freezer f;
  f.Node(doc);
  return std::move(f.out);
}

template <class J>
J ThawJson(FrozenJson node) {
  return node.present() ? Thaw<J>(node) : J();
}

template nlohmann::json ThawJson(FrozenJson);
template nlohmann::ordered_json ThawJson(FrozenJson);

}  // namespace lr

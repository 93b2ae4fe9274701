#include "render/kube_schema_bundle.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <set>
#include <vector>

namespace lr {
namespace {

using nlohmann::json;

size_t SkipSpace(std::string_view t, size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t')) ++i;
  return i;
}

// One past the closing quote of the string that opens at t[i]; npos when unterminated.
// (memchr to each quote; a quote after an odd number of backslashes is escaped.)
size_t StringEnd(std::string_view t, size_t i) {
  while (true) {
    const void* q = std::memchr(t.data() + i + 1, '"', t.size() - i - 1);
    if (!q) return std::string_view::npos;
    i = static_cast<size_t>(static_cast<const char*>(q) - t.data());
    size_t slashes = 0;
    while (t[i - 1 - slashes] == '\\') ++slashes;
    if (slashes % 2 == 0) return i + 1;
  }
}

// One past the JSON value that starts at t[i]; npos when it does not end.
size_t ValueEnd(std::string_view t, size_t i) {
  if (i >= t.size()) return std::string_view::npos;
  if (t[i] == '"') return StringEnd(t, i);
  if (t[i] != '{' && t[i] != '[') {
    while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']') ++i;
    return i;
  }
  int depth = 0;
  for (; i < t.size(); ++i) {
    if (t[i] == '"') {
      i = StringEnd(t, i);
      if (i == std::string_view::npos) return i;
      --i;
    } else if (t[i] == '{' || t[i] == '[') {
      ++depth;
    } else if ((t[i] == '}' || t[i] == ']') && --depth == 0) {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace

JsonMembers IndexMembers(std::string_view t) {
  JsonMembers out;
  size_t i = SkipSpace(t, 0);
  if (i >= t.size() || t[i] != '{') return {};
  i = SkipSpace(t, i + 1);
  if (i < t.size() && t[i] == '}') return out;
  while (i < t.size() && t[i] == '"') {
    size_t key_end = StringEnd(t, i);
    if (key_end == std::string_view::npos) return {};
    std::string_view key = t.substr(i + 1, key_end - i - 2);
    size_t start = SkipSpace(t, key_end);
    if (start >= t.size() || t[start] != ':') return {};
    start = SkipSpace(t, start + 1);
    size_t end = ValueEnd(t, start);
    if (end == std::string_view::npos) return {};
    out.emplace_back(key, t.substr(start, end - start));
    i = SkipSpace(t, end);
    if (i < t.size() && t[i] == '}') {
      std::sort(out.begin(), out.end());
      return out;
    }
    if (i >= t.size() || t[i] != ',') return {};
    i = SkipSpace(t, i + 1);
  }
  return {};
}

namespace {

std::string_view Find(const JsonMembers& members, std::string_view key) {
  auto it = std::lower_bound(members.begin(), members.end(), key,
                             [](const auto& m, std::string_view k) { return m.first < k; });
  return it != members.end() && it->first == key ? it->second : std::string_view();
}

// A JSON string's text without its quotes ("" when it is not a plain string).
std::string_view Unquote(std::string_view v) {
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') return "";
  return v.substr(1, v.size() - 2);
}

// Every definition reachable from `entry`, by name; false when one is missing.
bool ReachedDefinitions(SchemaStore& store, const SchemaTable& table, const json& entry,
                        json* out) {
  std::set<std::string> first;
  CollectRefs(entry, &first);
  std::deque<std::string> queue(first.begin(), first.end());
  for (; !queue.empty(); queue.pop_front()) {
    const std::string& name = queue.front();
    if (out->contains(name)) continue;
    const json* body = store.Body(table.DefinitionId(name));
    if (!body) return false;
    (*out)[name] = *body;
    std::set<std::string> refs;
    CollectRefs(*body, &refs);
    queue.insert(queue.end(), refs.begin(), refs.end());
  }
  return true;
}

// The text of a table's "kinds" member without scanning "definitions": the generator writes
// sorted keys, so "kinds" is the last member; fall back to a full index otherwise.
std::string_view KindsText(std::string_view text) {
  static constexpr std::string_view kKey = "\"kinds\":";
  size_t at = text.rfind(kKey);
  if (at != std::string_view::npos) {
    size_t start = SkipSpace(text, at + kKey.size());
    size_t end = ValueEnd(text, start);
    if (end != std::string_view::npos && SkipSpace(text, end) < text.size() &&
        text[SkipSpace(text, end)] == '}' &&
        SkipSpace(text, SkipSpace(text, end) + 1) == text.size()) {
      return text.substr(start, end - start);
    }
  }
  return Find(IndexMembers(text), "kinds");
}

}  // namespace

void CollectRefs(const json& node, std::set<std::string>* out) {
  static constexpr std::string_view kPrefix = "#/definitions/";
  if (node.is_array()) {
    for (const json& item : node) CollectRefs(item, out);
    return;
  }
  if (!node.is_object()) return;
  for (const auto& [key, value] : node.items()) {
    if (key == "$ref" && value.is_string()) {
      const std::string& ref = value.get_ref<const std::string&>();
      if (ref.rfind(kPrefix, 0) == 0) out->insert(ref.substr(kPrefix.size()));
    } else {
      CollectRefs(value, out);
    }
  }
}

void StripClosed(json* node) {
  if (node->is_array()) {
    for (json& item : *node) StripClosed(&item);
  } else if (node->is_object()) {
    auto it = node->find("additionalProperties");
    if (it != node->end() && *it == false) node->erase(it);
    for (auto& [key, value] : node->items()) StripClosed(&value);
  }
}

namespace {

// Index layout: per section, a uint32 count, then per member four uint32 (key offset, key
// length, value offset, value length) into the text; native byte order (made and read by the
// same build).
void PutSection(std::string_view text, const JsonMembers& members, std::string* out) {
  auto put = [out](size_t v) {
    auto u = static_cast<uint32_t>(v);
    out->append(reinterpret_cast<const char*>(&u), sizeof u);
  };
  put(members.size());
  for (const auto& [key, value] : members) {
    put(static_cast<size_t>(key.data() - text.data()));
    put(key.size());
    put(static_cast<size_t>(value.data() - text.data()));
    put(value.size());
  }
}

bool GetU32(std::string_view index, size_t* at, size_t* out) {
  uint32_t u = 0;
  if (*at + sizeof u > index.size()) return false;
  std::memcpy(&u, index.data() + *at, sizeof u);
  *at += sizeof u;
  *out = u;
  return true;
}

}  // namespace

std::string WriteMemberIndex(std::string_view text) {
  std::string out;
  JsonMembers top = IndexMembers(text);
  PutSection(text, top, &out);
  std::string_view definitions = Find(top, "definitions");
  if (!definitions.empty()) PutSection(text, IndexMembers(definitions), &out);
  return out;
}

std::optional<JsonMembers> ReadMemberIndex(std::string_view text, std::string_view index,
                                           size_t section) {
  size_t at = 0;
  for (size_t s = 0;; ++s) {
    size_t count = 0;
    if (!GetU32(index, &at, &count)) return std::nullopt;
    if (s < section) {
      at += count * 4 * sizeof(uint32_t);
      continue;
    }
    JsonMembers out;
    out.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      size_t k = 0, kn = 0, v = 0, vn = 0;
      if (!GetU32(index, &at, &k) || !GetU32(index, &at, &kn) || !GetU32(index, &at, &v) ||
          !GetU32(index, &at, &vn) || k + kn > text.size() || v + vn > text.size()) {
        return std::nullopt;
      }
      out.emplace_back(text.substr(k, kn), text.substr(v, vn));
    }
    return out;
  }
}

SchemaStore::SchemaStore(std::string_view text) : bodies_(IndexMembers(text)) {}

const json* SchemaStore::Body(std::string_view id) {
  if (auto it = parsed_.find(id); it != parsed_.end()) return &it->second;
  std::string_view span = Find(bodies_, id);
  if (span.empty()) return nullptr;
  json body = json::parse(span.begin(), span.end(), nullptr, false);
  if (body.is_discarded()) return nullptr;
  return &parsed_.emplace(std::string(id), std::move(body)).first->second;
}

SchemaTable::SchemaTable(std::string_view text)
    : SchemaTable(text, IndexMembers(Find(IndexMembers(text), "definitions"))) {}

SchemaTable::SchemaTable(std::string_view text, JsonMembers definitions)
    : definitions_(std::move(definitions)) {
  // The kinds member is the table's last and small: find it from the end.
  std::string_view kinds = KindsText(text);
  kinds_ = json::parse(kinds.begin(), kinds.end(), nullptr, false);
  if (!kinds_.is_object()) kinds_ = json::object();
}

std::string_view SchemaTable::DefinitionId(std::string_view name) const {
  return Unquote(Find(definitions_, name));
}

std::string SchemaTable::KindId(const std::string& api_version, const std::string& kind) const {
  auto group = kinds_.find(api_version);
  if (group == kinds_.end() || !group->is_object()) return "";
  auto id = group->find(kind);
  return id != group->end() && id->is_string() ? id->get<std::string>() : "";
}

std::vector<std::string> SchemaTable::ApiVersionsOf(const std::string& kind) const {
  std::vector<std::string> out;
  for (const auto& [api_version, group] : kinds_.items()) {
    if (group.is_object() && group.contains(kind)) out.push_back(api_version);
  }
  return out;
}

std::optional<json> AssembleKind(SchemaStore& store, const SchemaTable& table,
                                 const std::string& api_version, const std::string& kind,
                                 bool loose) {
  const json* entry = store.Body(table.KindId(api_version, kind));
  if (!entry) return std::nullopt;
  json out = *entry;
  json definitions = json::object();
  if (!ReachedDefinitions(store, table, out, &definitions)) return std::nullopt;
  out["$schema"] = "http://json-schema.org/draft-07/schema#";
  out["definitions"] = std::move(definitions);
  if (loose) StripClosed(&out);
  return out;
}

}  // namespace lr

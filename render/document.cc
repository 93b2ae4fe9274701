#include "render/document.h"

#include <cctype>
#include <optional>

namespace lr {

std::string PointerEscape(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string PointerJoin(std::string_view parent, std::string_view token) {
  std::string out(parent);
  out += '/';
  out += PointerEscape(token);
  return out;
}

std::string PointerJoin(std::string_view parent, size_t index) {
  return std::string(parent) + '/' + std::to_string(index);
}

namespace {

// An array index as RFC 6901 writes it: "0" or digits without a leading zero.
std::optional<size_t> ArrayIndex(std::string_view token) {
  if (token.empty() || token.size() > 18 || (token.size() > 1 && token[0] == '0')) {
    return std::nullopt;
  }
  size_t i = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return std::nullopt;
    i = i * 10 + static_cast<size_t>(c - '0');
  }
  return i;
}

// The member name a token stands for (~1 is '/', ~0 is '~'), or nullopt for a bad escape.
std::optional<std::string> MemberName(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] != '~') {
      out += token[i];
    } else if (i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[++i] == '0' ? '~' : '/';
    } else {
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace

const Json* JsonAt(const Json& root, std::string_view pointer) {
  const Json* node = &root;
  if (pointer.empty()) return node;
  if (pointer[0] != '/') return nullptr;
  for (size_t at = 1;;) {
    size_t end = pointer.find('/', at);
    std::string_view token = pointer.substr(at, end == std::string_view::npos ? end : end - at);
    if (node->is_array()) {
      std::optional<size_t> i = ArrayIndex(token);
      if (!i || *i >= node->size()) return nullptr;
      node = &(*node)[*i];
    } else if (node->is_object()) {
      std::optional<std::string> key = MemberName(token);
      if (!key) return nullptr;
      auto it = node->find(*key);
      if (it == node->end()) return nullptr;
      node = &*it;
    } else {
      return nullptr;
    }
    if (end == std::string_view::npos) return node;
    at = end + 1;
  }
}

std::string PointerParent(std::string_view pointer) {
  size_t slash = pointer.rfind('/');
  if (slash == std::string_view::npos) return "";
  return std::string(pointer.substr(0, slash));
}

namespace {

std::string Unescape(std::string_view token) {
  std::string out;
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size()) {
      out += token[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

bool IsPlainPathKey(const std::string& key) {
  if (key.empty()) return false;
  for (unsigned char c : key) {
    if (!std::isalnum(c) && c != '_' && c != '-') return false;
  }
  return true;
}

}  // namespace

std::string PointerToPath(std::string_view pointer, const Json& root) {
  std::string out;
  const Json* node = &root;
  size_t pos = 0;
  while (pos < pointer.size() && pointer[pos] == '/') {
    size_t next = pointer.find('/', pos + 1);
    std::string token = Unescape(pointer.substr(
        pos + 1, next == std::string_view::npos ? std::string_view::npos : next - pos - 1));
    bool index = node && node->is_array();
    if (index) {
      out += '[' + token + ']';
    } else if (IsPlainPathKey(token)) {
      if (!out.empty()) out += '.';
      out += token;
    } else {
      out += "[" + Quote(token) + "]";
    }
    if (node && node->is_array()) {
      size_t i = std::strtoul(token.c_str(), nullptr, 10);
      node = i < node->size() ? &(*node)[i] : nullptr;
    } else if (node && node->is_object() && node->contains(token)) {
      node = &(*node)[token];
    } else {
      node = nullptr;
    }
    if (next == std::string_view::npos) break;
    pos = next;
  }
  return out;
}

const NodePos* Document::Find(std::string_view pointer) const {
  auto it = positions.find(std::string(pointer));
  return it == positions.end() ? nullptr : &it->second;
}

SourcePos Document::Locate(std::string_view pointer, bool key) const {
  std::string p(pointer);
  while (true) {
    if (const NodePos* n = Find(p)) return key ? n->key : n->value;
    if (p.empty()) break;
    p = PointerParent(p);
  }
  return SourcePos{file, 1, 1};
}

std::string PlainTokenAt(std::string_view text, const SourcePos& pos) {
  size_t offset = 0;
  for (int line = 1; line < pos.line && offset != std::string_view::npos; ++line) {
    offset = text.find('\n', offset);
    if (offset != std::string_view::npos) ++offset;
  }
  if (offset == std::string_view::npos) return "";
  offset += static_cast<size_t>(pos.col - 1);
  if (offset >= text.size()) return "";
  size_t end = text.find_first_of(",]}\r\n", offset);
  std::string token(text.substr(offset, end == std::string_view::npos ? end : end - offset));
  if (size_t hash = token.find(" #"); hash != std::string::npos) token.resize(hash);
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.pop_back();
  return token;
}

}  // namespace lr

#include "render/name_check.h"

namespace lr {
namespace {

bool IsLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsAlnum(char c) { return IsLowerAlnum(c) || (c >= 'A' && c <= 'Z'); }

std::string TooLong(size_t size, size_t max) {
  return "is " + std::to_string(size) + " characters long, more than the " + std::to_string(max) +
         " allowed";
}

// [a-z0-9]([-a-z0-9]*[a-z0-9])? without the length rule.
bool LabelShape(std::string_view s) {
  if (s.empty() || !IsLowerAlnum(s.front()) || !IsLowerAlnum(s.back())) return false;
  for (char c : s) {
    if (!IsLowerAlnum(c) && c != '-') return false;
  }
  return true;
}

// [A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])? without the length rule.
bool NameShape(std::string_view s) {
  if (s.empty() || !IsAlnum(s.front()) || !IsAlnum(s.back())) return false;
  for (char c : s) {
    if (!IsAlnum(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

}  // namespace

std::string Dns1123LabelError(std::string_view s) {
  if (s.size() > kMaxDnsLabel) return TooLong(s.size(), kMaxDnsLabel);
  if (!LabelShape(s)) {
    return "must be lower-case letters, digits and '-', starting and ending with a letter or "
           "digit (RFC 1123 label)";
  }
  return "";
}

std::string Dns1123SubdomainError(std::string_view s) {
  if (s.size() > kMaxDnsSubdomain) return TooLong(s.size(), kMaxDnsSubdomain);
  size_t start = 0;
  while (true) {
    size_t dot = s.find('.', start);
    if (!LabelShape(s.substr(start, dot == std::string_view::npos ? dot : dot - start))) {
      return "must be lower-case letters, digits, '-' and '.', starting and ending with a "
             "letter or digit (RFC 1123 subdomain)";
    }
    if (dot == std::string_view::npos) return "";
    start = dot + 1;
  }
}

std::string LabelValueError(std::string_view s) {
  if (s.size() > kMaxLabelValue) return TooLong(s.size(), kMaxLabelValue);
  if (!s.empty() && !NameShape(s)) {
    return "must be letters, digits, '-', '_' and '.', starting and ending with a letter or "
           "digit";
  }
  return "";
}

std::string QualifiedNameError(std::string_view s) {
  std::string_view name = s;
  if (size_t slash = s.find('/'); slash != std::string_view::npos) {
    std::string_view prefix = s.substr(0, slash);
    name = s.substr(slash + 1);
    if (prefix.empty()) return "has an empty prefix before '/'";
    if (std::string err = Dns1123SubdomainError(prefix); !err.empty()) return "prefix " + err;
  }
  if (name.size() > kMaxLabelValue) return "name part " + TooLong(name.size(), kMaxLabelValue);
  if (!NameShape(name)) {
    return "must be letters, digits, '-', '_' and '.', starting and ending with a letter or "
           "digit, with an optional DNS prefix and '/'";
  }
  return "";
}

std::string ConfigKeyError(std::string_view s) {
  if (s.size() > kMaxDnsSubdomain) return TooLong(s.size(), kMaxDnsSubdomain);
  if (s.empty() || s == "." || s == "..") return "must be a file name, not empty, '.' or '..'";
  for (char c : s) {
    if (!IsAlnum(c) && c != '-' && c != '_' && c != '.') {
      return "may only contain letters, digits, '-', '_' and '.'";
    }
  }
  return "";
}

std::string EnvVarNameError(std::string_view s) {
  if (s.empty()) return "must not be empty";
  for (char c : s) {
    if (c < 0x21 || c > 0x7e || c == '=') {
      return "may only contain printable ASCII characters other than '=' and space";
    }
  }
  return "";
}

}  // namespace lr

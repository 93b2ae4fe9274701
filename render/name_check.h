// Name checks: the syntax and length rules the API server applies to names and labels.
// Pure functions; values_check and the bundle builder call them, nothing here reports.
#pragma once

#include <string>
#include <string_view>

namespace lr {

inline constexpr size_t kMaxLabelValue = 63;
inline constexpr size_t kMaxDnsLabel = 63;
inline constexpr size_t kMaxDnsSubdomain = 253;

// Each returns "" when `s` is valid, otherwise why not (one short clause, no quotes of `s`).
// RFC 1123 label: [a-z0-9]([-a-z0-9]*[a-z0-9])?, at most 63 (namespaces, volume names).
std::string Dns1123LabelError(std::string_view s);
// RFC 1123 subdomain: labels joined by '.', at most 253 (most object names).
std::string Dns1123SubdomainError(std::string_view s);
// Label value: empty, or [A-Za-z0-9]([-_.A-Za-z0-9]*[A-Za-z0-9])?, at most 63.
std::string LabelValueError(std::string_view s);
// Label or annotation key: [prefix/]name, prefix a subdomain, name like a label value but
// not empty.
std::string QualifiedNameError(std::string_view s);
// ConfigMap/Secret data key: [-._a-zA-Z0-9]+, at most 253, not "." or "..".
std::string ConfigKeyError(std::string_view s);
// Environment variable name as the API server accepts it: printable ASCII except '=',
// not empty; warns-worthy shapes are left to values_check.
std::string EnvVarNameError(std::string_view s);

}  // namespace lr

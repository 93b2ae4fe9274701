#include "render/quantity.h"

#include <cmath>
#include <cstdlib>
#include <map>

#include "render/grammar.h"

namespace lr {
namespace {

long double Multiplier(const std::string& suffix) {
  static const std::map<std::string, long double> kSuffixes = {
      {"", 1.0L},      {"n", 1e-9L},    {"u", 1e-6L},    {"m", 1e-3L},
      {"k", 1e3L},     {"M", 1e6L},     {"G", 1e9L},     {"T", 1e12L},
      {"P", 1e15L},    {"E", 1e18L},    {"Ki", 0x1p10L}, {"Mi", 0x1p20L},
      {"Gi", 0x1p30L}, {"Ti", 0x1p40L}, {"Pi", 0x1p50L}, {"Ei", 0x1p60L}};
  if (auto it = kSuffixes.find(suffix); it != kSuffixes.end()) return it->second;
  return std::pow(10.0L, std::strtold(suffix.c_str() + 1, nullptr));  // e3, E-2
}

}  // namespace

std::optional<long double> QuantityValue(const nlohmann::json& v) {
  if (v.is_number()) return v.get<long double>();
  if (!v.is_string()) return std::nullopt;
  std::optional<QuantityParts> parts = SplitQuantity(v.get_ref<const std::string&>());
  if (!parts) return std::nullopt;
  return std::strtold(std::string(parts->number).c_str(), nullptr) *
         Multiplier(std::string(parts->suffix));
}

std::string QuantityText(const nlohmann::json& v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

}  // namespace lr

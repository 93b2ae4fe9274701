// Base64 (RFC 4648 section 4): each 3 input bytes become 4 alphabet characters;
// a 1- or 2-byte tail is padded with "==" or "=".
#include "render/base64.h"

#include <cstddef>
#include <cstdint>

namespace lr {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

uint32_t Byte(std::string_view data, size_t i) {
  return i < data.size() ? static_cast<unsigned char>(data[i]) : 0u;
}

// Appends the 4 characters for the group at data[i..i+3); `n` (1-3) bytes are real.
void AppendGroup(std::string_view data, size_t i, size_t n, std::string& out) {
  const uint32_t group = (Byte(data, i) << 16) | (Byte(data, i + 1) << 8) | Byte(data, i + 2);
  for (size_t k = 0; k < 4; ++k) {
    out.push_back(k <= n ? kAlphabet[(group >> (18 - 6 * k)) & 0x3f] : '=');
  }
}

}  // namespace

std::string Base64Encode(std::string_view data) {
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  for (size_t i = 0; i < data.size(); i += 3) {
    const size_t left = data.size() - i;
    AppendGroup(data, i, left < 3 ? left : 3, out);
  }
  return out;
}

}  // namespace lr

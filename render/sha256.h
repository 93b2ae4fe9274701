// SHA-256 (FIPS 180-4), implemented here without external libraries.
// In: any bytes. Out: the 64-character lowercase hex digest (as sprig's sha256sum).
#pragma once

#include <string>
#include <string_view>

namespace lr {

// Lowercase hex SHA-256 digest of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace lr

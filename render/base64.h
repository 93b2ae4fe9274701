// Base64 encoding, RFC 4648 standard alphabet with '=' padding.
// In: any bytes. Out: the same text as Go's base64.StdEncoding (sprig b64enc).
#pragma once

#include <string>
#include <string_view>

namespace lr {

// "foo" -> "Zm9v", "fo" -> "Zm8=", "" -> "".
std::string Base64Encode(std::string_view data);

}  // namespace lr

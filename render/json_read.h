// JsonRead: JSON text (RFC 8259) read into nlohmann's trees several times faster than
// nlohmann::json::parse, whose lexer copies every string one character at a time. For the
// data the build embeds and every run reads: document images, the Kubernetes schema bundle's
// bodies and tables, the bundled schemas.
// In: text. Out: exactly the tree nlohmann::json::parse gives for it (non-negative integers
// unsigned, negative ones signed, a fraction, an exponent or an integer out of range a double;
// a repeated key: the last one wins; a NUL byte after the value ends the input, as nlohmann's
// lexer has it), or nullopt where parse would throw; also for nesting deeper than 1,000
// levels, which nlohmann reads. Pure.
#pragma once

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace lr {

template <class J>
std::optional<J> ReadJson(std::string_view text);

extern template std::optional<nlohmann::json> ReadJson(std::string_view);
extern template std::optional<nlohmann::ordered_json> ReadJson(std::string_view);

}  // namespace lr

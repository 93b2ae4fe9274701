// Grammar: hand-written matchers for the fixed little grammars checked on every render.
// std::regex compiles its pattern at run time (0.1-1 ms each, more than a whole render's
// other work), so the rules on the render path use these instead; each states the regular
// expression it is equal to. In: text. Out: whether it matches, or its parts. Pure.
#pragma once

#include <optional>
#include <string_view>

namespace lr {

// [0-9]+%
bool IsPercent(std::string_view s);

// [0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?
bool IsUnsignedDecimal(std::string_view s);

// A Kubernetes quantity, split into its number and its suffix:
// ([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+))([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?
struct QuantityParts {
  std::string_view number;
  std::string_view suffix;  // "" when there is none
};
std::optional<QuantityParts> SplitQuantity(std::string_view s);

// https?://[^\s/?#]+([/?#]\S*)?
bool IsHttpUrl(std::string_view s);

// https?://(www\.)?wandb\.ai(:[0-9]+)?/?
bool IsWandbAppUrl(std::string_view s);

}  // namespace lr

// libFuzzer target: any bytes as a frozen image (render/frozen_json.h), and as JSON text to
// freeze. Invariants: IsFrozenJson never reads outside the bytes (ASan) nor loops; an image it
// accepts thaws (both tree kinds) without fault, and the thawed tree freezes to an image it
// accepts that thaws to the same tree; JSON text freezes to an accepted image of itself.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "render/frozen_json.h"

namespace {

// Trees compared as text: NaN equals NaN, and strings need not be UTF-8 (an image may hold any
// bytes; JSON text cannot print them, so they compare as dropped).
std::string Text(const nlohmann::json& tree) {
  return tree.dump(-1, ' ', false, nlohmann::json::error_handler_t::ignore);
}

void AsText(const std::string& text) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded()) return;
  std::string image = lr::FreezeJson(doc);
  if (!lr::IsFrozenJson(image)) std::abort();
  if (Text(lr::ThawJson<nlohmann::json>(lr::FrozenJson::Root(image))) != Text(doc)) {
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string image(reinterpret_cast<const char*>(data), size);
  AsText(image);
  if (!lr::IsFrozenJson(image, 64)) return 0;
  nlohmann::json tree = lr::ThawJson<nlohmann::json>(lr::FrozenJson::Root(image));
  nlohmann::ordered_json ordered =
      lr::ThawJson<nlohmann::ordered_json>(lr::FrozenJson::Root(image));
  std::string again = lr::FreezeJson(tree);
  if (!lr::IsFrozenJson(again)) std::abort();
  nlohmann::json back = lr::ThawJson<nlohmann::json>(lr::FrozenJson::Root(again));
  if (Text(back) != Text(tree) || back.size() != tree.size()) std::abort();
  if (!lr::IsFrozenJson(lr::FreezeJson(ordered))) std::abort();
  return 0;
}

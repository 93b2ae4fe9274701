// libFuzzer target: any bytes as a --set / --set-string argument over a small values tree.
// Invariants: never crashes; a rejected argument leaves the values unchanged.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "render/set_values.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  lr::SetKind kind = data[0] & 1 ? lr::SetKind::kString : lr::SetKind::kTyped;
  std::string arg(reinterpret_cast<const char*>(data + 1), size - 1);
  lr::Document values;
  values.root = lr::Json{{"agent", {{"labels", {{"a", "b"}}}}}, {"list", {1, 2}}};
  lr::Json before = values.root;
  lr::Diagnostics diags;
  if (!lr::ApplySet(arg, kind, 1, &values, &diags) && values.root != before) std::abort();
  return 0;
}

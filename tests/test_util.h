// Helpers shared by the unit tests.
#pragma once

#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "render/embedded.h"
#include "render/load.h"
#include "render/values.h"

namespace lr {

// `yaml` loaded as a values file and coalesced over the embedded chart defaults.
inline Json ValuesOverDefaults(const std::string& yaml) {
  Diagnostics diags;
  std::optional<Document> doc = LoadValuesFile("values.yaml", yaml, {}, &diags);
  EXPECT_TRUE(doc.has_value()) << yaml;
  if (!doc) return Json::object();
  CoalesceDefaults(EmbeddedDocument(kChartValues), &*doc);
  return doc->root;
}

}  // namespace lr

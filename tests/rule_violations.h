// The API server rules' violations of an object as a set of "pointer rule message" lines: for
// comparing an object judged in place with its read copy, whose members come in another
// order (tests/schema_agreement_test.cc, tests/fuzz/schema_eval_fuzz.cc).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "render/manifest_rules.h"

namespace lr::testing {

template <class J>
std::set<std::string> RuleViolations(const J& object) {
  std::vector<ManifestViolation> found;
  CheckApiServerRules(object, &found);
  std::set<std::string> out;
  for (const auto& v : found) out.insert(v.pointer + " " + v.rule + " " + v.message);
  return out;
}

}  // namespace lr::testing

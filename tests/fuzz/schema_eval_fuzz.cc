// libFuzzer target: any bytes as a manifest stream; every object with a string apiVersion and
// kind decided by the schema evaluator (render/schema_eval.h) against the bundled schema of
// the newest version, strict and loose, and by valijson alone on the same whole-kind schema.
// Invariants: where the evaluator decides, it says what valijson says; the object as loaded
// (ordered, with its null members and integral floats) judged in place gives the verdicts and
// the API server rules' violations of its read copy (AsApiServerReads); each object's frozen
// image (render/frozen_json.h) is well formed and thaws back to the object.
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "render/frozen_json.h"
#include "render/kube_schema.h"
#include "render/load.h"
#include "render/manifest_check.h"
#include "render/schema_eval.h"
#include "render/valijson.h"
#include "tests/rule_violations.h"

namespace {

// valijson alone, one compiled schema per kind and variant (for the life of the fuzzer).
const valijson::Schema* Reference(const std::string& api, const std::string& kind,
                                  lr::SchemaVariant variant) {
  static std::map<std::string, std::unique_ptr<valijson::Schema>> compiled;
  std::string key = api + " " + kind + (variant == lr::SchemaVariant::kLoose ? " l" : " s");
  auto it = compiled.find(key);
  if (it == compiled.end()) {
    std::unique_ptr<valijson::Schema> schema;
    if (auto doc = lr::KubeSchemaDocument(lr::NewestKubeVersion(), api, kind, variant)) {
      schema = std::make_unique<valijson::Schema>();
      valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
      parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(*doc), *schema);
    }
    it = compiled.emplace(key, std::move(schema)).first;
  }
  return it->second.get();
}

void Agree(const nlohmann::json& object) {
  std::string api = object["apiVersion"], kind = object["kind"];
  for (auto variant : {lr::SchemaVariant::kStrict, lr::SchemaVariant::kLoose}) {
    auto fast = lr::EvaluateKubeSchema(lr::NewestKubeVersion(), api, kind, variant, object);
    const valijson::Schema* slow = Reference(api, kind, variant);
    if (fast.has_value() != (slow != nullptr)) std::abort();
    if (!fast || *fast == lr::Verdict::kUnsure) continue;
    valijson::Validator validator;
    bool valid =
        validator.validate(*slow, valijson::adapters::NlohmannJsonAdapter(object), nullptr);
    if (valid != (*fast == lr::Verdict::kValid)) std::abort();
  }
}

void InPlace(const lr::Json& loaded, const nlohmann::json& copy) {
  if (lr::testing::RuleViolations(loaded) != lr::testing::RuleViolations(copy)) std::abort();
  if (!copy.contains("apiVersion") || !copy["apiVersion"].is_string() || !copy.contains("kind") ||
      !copy["kind"].is_string()) {
    return;
  }
  std::string api = copy["apiVersion"], kind = copy["kind"];
  const lr::EvalOptions reading{.null_members_absent = true, .integral_floats_are_integers = true};
  for (auto variant : {lr::SchemaVariant::kStrict, lr::SchemaVariant::kLoose}) {
    if (lr::EvaluateKubeSchema(lr::NewestKubeVersion(), api, kind, variant, loaded, reading) !=
        lr::EvaluateKubeSchema(lr::NewestKubeVersion(), api, kind, variant, copy)) {
      std::abort();
    }
  }
}

// Compared as text and as refrozen bytes, not with ==: NaN (".nan") equals nothing.
void RoundTrip(const nlohmann::json& object) {
  std::string image = lr::FreezeJson(object);
  if (!lr::IsFrozenJson(image)) std::abort();
  nlohmann::json thawed = lr::ThawJson<nlohmann::json>(lr::FrozenJson::Root(image));
  if (thawed.dump() != object.dump() || lr::FreezeJson(thawed) != image) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  lr::Diagnostics diags;
  auto docs = lr::LoadStream("input.yaml", std::string(reinterpret_cast<const char*>(data), size),
                             {}, &diags);
  if (!docs) return 0;
  for (const lr::Document& doc : *docs) {
    if (!doc.root.is_object()) continue;
    nlohmann::json object = lr::AsApiServerReads(doc.root);
    RoundTrip(object);
    InPlace(doc.root, object);
    if (object.contains("apiVersion") && object["apiVersion"].is_string() &&
        object.contains("kind") && object["kind"].is_string()) {
      Agree(object);
    }
  }
  return 0;
}

// The evaluator (render/schema_eval.h) against valijson on real objects: every object the
// goldens print (tests/golden, examples, tests/jobs, tests/builds) and every manifest fixture
// (tests/manifests), each also mutated (a value retyped, a field added, a member removed, a
// list emptied), for the oldest and the newest bundled version, strict and loose. Where the
// evaluator decides, it must say what valijson says of the whole kind's schema; and it must
// decide every object a render prints as valid (the render's fast path: no compiling). The
// bundled values and launch config schemas likewise, on the goldens' values files. And the
// renderer's ordered objects judged in place (null members, integral floats) as their read copies.
#include <cmath>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "render/kube_schema.h"
#include "render/load.h"
#include "render/manifest_check.h"
#include "render/schema_check.h"
#include "render/schema_eval.h"
#include "render/valijson.h"
#include "render/values_schema.h"
#include "tests/golden_util.h"
#include "tests/rule_violations.h"

namespace fs = std::filesystem;

namespace {

using lr::golden::kRoot;
using lr::golden::ReadOr;
using nlohmann::json;

struct Source {
  std::string name;
  bool printed;  // an expected output of launch-render
  bool strict;   // rendered bundles are checked strictly; submitted jobs as the server reads them
};

std::vector<json> Objects(const std::string& text, const std::string& name) {
  lr::Diagnostics diags;
  auto docs = lr::LoadStream(name, text, {}, &diags);
  std::vector<json> out;
  if (!docs) return out;
  for (const lr::Document& doc : *docs) {
    if (!doc.root.is_object()) continue;
    bool list = doc.root.contains("kind") && doc.root["kind"] == "List" &&
                doc.root.contains("items") && doc.root["items"].is_array();
    for (const lr::Json& o : list ? doc.root["items"] : lr::Json::array({doc.root})) {
      if (o.is_object() && o.contains("apiVersion") && o["apiVersion"].is_string() &&
          o.contains("kind") && o["kind"].is_string()) {
        out.push_back(lr::AsApiServerReads(o));
      }
    }
  }
  return out;
}

std::vector<Source> Sources() {
  std::vector<Source> out;
  auto outputs = [&](const std::string& parent, const char* file, bool strict) {
    for (const auto& e : fs::directory_iterator(kRoot / parent)) {
      fs::path p = e.path() / file;
      if (fs::exists(p)) out.push_back({fs::relative(p, kRoot).string(), true, strict});
    }
  };
  outputs("tests/golden", "expected.stdout", true);
  outputs("examples", "expected.yaml", true);
  outputs("tests/jobs", "expected.stdout", false);
  outputs("tests/builds", "expected.stdout", false);
  for (const auto& e : fs::directory_iterator(kRoot / "tests/manifests")) {
    std::string ext = e.path().extension().string();
    if (ext == ".yaml" || ext == ".json") {
      out.push_back({fs::relative(e.path(), kRoot).string(), false, true});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Source& a, const Source& b) { return a.name < b.name; });
  return out;
}

// valijson alone on the whole kind's schema, compiled once per kind.
class Reference {
 public:
  std::optional<bool> Valid(const std::string& version, const std::string& api,
                            const std::string& kind, const json& object,
                            lr::SchemaVariant variant) {
    std::string key = version + " " + api + " " + kind +
                      (variant == lr::SchemaVariant::kLoose ? " loose" : " strict");
    auto it = compiled_.find(key);
    if (it == compiled_.end()) {
      std::unique_ptr<valijson::Schema> schema;
      if (auto doc = lr::KubeSchemaDocument(version, api, kind, variant)) {
        schema = std::make_unique<valijson::Schema>();
        valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
        parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(*doc), *schema);
      }
      it = compiled_.emplace(key, std::move(schema)).first;
    }
    if (!it->second) return std::nullopt;
    valijson::Validator validator;
    return validator.validate(*it->second, valijson::adapters::NlohmannJsonAdapter(object),
                              nullptr);
  }

 private:
  std::map<std::string, std::unique_ptr<valijson::Schema>> compiled_;
};

void Pointers(const json& v, const std::string& at, std::vector<std::string>* out) {
  out->push_back(at);
  if (v.is_object()) {
    for (const auto& [k, child] : v.items()) Pointers(child, lr::PointerJoin(at, k), out);
  } else if (v.is_array()) {
    for (size_t i = 0; i < v.size(); ++i) Pointers(v[i], lr::PointerJoin(at, i), out);
  }
}

// The object as it is, then a few mutations at evenly spaced nodes.
std::vector<std::pair<std::string, json>> Variants(const json& object) {
  std::vector<std::pair<std::string, json>> out = {{"as is", object}};
  std::vector<std::string> pointers;
  Pointers(object, "", &pointers);
  size_t step = std::max<size_t>(1, pointers.size() / 8);
  for (size_t i = 1; i < pointers.size(); i += step) {
    json::json_pointer p(pointers[i]);
    const json& node = object.at(p);
    auto with = [&](const std::string& what, auto change) {
      json copy = object;
      change(copy.at(p));
      out.emplace_back(pointers[i] + ": " + what, std::move(copy));
    };
    if (node.is_object()) {
      with("field added", [](json& n) { n["zzUnknownField"] = 1; });
      if (!node.empty()) with("first member removed", [](json& n) { n.erase(n.begin()); });
    } else if (node.is_array()) {
      with("emptied", [](json& n) { n = json::array(); });
      with("string item added", [](json& n) { n.push_back("x"); });
    } else {
      with("integer", [](json& n) { n = 7; });
      with("string", [](json& n) { n = "x"; });
      with("list", [](json& n) { n = json::array({1}); });
    }
  }
  return out;
}

TEST(SchemaAgreementTest, EvaluatorSaysWhatValijsonSays) {
  Reference reference;
  const std::vector<std::string> versions = {lr::KubeVersions().front(), lr::NewestKubeVersion()};
  int decided = 0, unsure = 0, objects = 0;
  for (const Source& source : Sources()) {
    for (const json& object : Objects(ReadOr(kRoot / source.name, ""), source.name)) {
      ++objects;
      std::string api = object["apiVersion"], kind = object["kind"];
      for (const auto& [what, variant_object] : Variants(object)) {
        for (const std::string& version : versions) {
          for (auto variant : {lr::SchemaVariant::kStrict, lr::SchemaVariant::kLoose}) {
            auto fast = lr::EvaluateKubeSchema(version, api, kind, variant, variant_object);
            std::optional<bool> slow = reference.Valid(version, api, kind, variant_object, variant);
            ASSERT_EQ(fast.has_value(), slow.has_value()) << source.name;
            if (!fast) continue;
            if (*fast == lr::Verdict::kUnsure) {
              ++unsure;
              continue;
            }
            ++decided;
            EXPECT_EQ(*fast == lr::Verdict::kValid, *slow)
                << source.name << ": " << lr::ObjectLabel(object) << ": " << what << " (" << version
                << (variant == lr::SchemaVariant::kStrict ? " strict)" : " loose)");
          }
        }
      }
    }
  }
  EXPECT_GT(objects, 300);
  EXPECT_GT(decided, 20 * unsure) << decided << " decided, " << unsure << " unsure";
  std::printf("%d objects, %d verdicts decided, %d unsure\n", objects, decided, unsure);
}

// Objects and values as the renderer loads them (ordered), for the in-place tests below.
std::vector<lr::Json> OrderedObjects(const std::string& text, const std::string& name) {
  lr::Diagnostics diags;
  auto docs = lr::LoadStream(name, text, {}, &diags);
  std::vector<lr::Json> out;
  for (const lr::Document& doc : docs ? *docs : std::vector<lr::Document>{}) {
    const lr::Json& o = doc.root;
    if (o.is_object() && o.contains("apiVersion") && o["apiVersion"].is_string() &&
        o.contains("kind") && o["kind"].is_string()) {
      out.push_back(o);
    }
  }
  return out;
}

void EveryInteger(lr::Json& v, double shift) {
  if (v.is_number_integer()) {
    v = static_cast<double>(v.get<int64_t>()) + shift;
  } else if (v.is_structured()) {
    for (lr::Json& child : v) EveryInteger(child, shift);
  }
}

// Every integer replaced by the next of the numbers at the edges of the reading, in turn.
void EdgeNumbers(lr::Json& v, size_t* next) {
  static const lr::Json kEdges[] = {-0.0,
                                    9007199254740992.0,  // 2^53: still read as an integer
                                    9007199254740994.0,  // beyond: a float
                                    uint64_t{18446744073709551615u},
                                    std::nan(""),
                                    -3.0,
                                    70000.0};
  if (v.is_number_integer()) {
    v = kEdges[(*next)++ % std::size(kEdges)];
  } else if (v.is_structured()) {
    for (lr::Json& child : v) EdgeNumbers(child, next);
  }
}

std::vector<std::pair<std::string, lr::Json>> ReadingVariants(const lr::Json& object) {
  std::vector<std::pair<std::string, lr::Json>> out = {{"as is", object}};
  out.emplace_back("integers as integral floats", object);
  EveryInteger(out.back().second, 0.0);
  out.emplace_back("integers as floats + 0.5", object);
  EveryInteger(out.back().second, 0.5);
  size_t next = 0;
  out.emplace_back("integers as edge numbers", object);
  EdgeNumbers(out.back().second, &next);
  std::vector<std::string> pointers;
  Pointers(json::parse(object.dump()), "", &pointers);
  size_t step = std::max<size_t>(1, pointers.size() / 12);
  for (size_t i = 1; i < pointers.size(); i += step) {
    lr::Json copy = object;
    copy.at(lr::Json::json_pointer(pointers[i])) = nullptr;
    out.emplace_back(pointers[i] + ": null", std::move(copy));
  }
  return out;
}

// The bundled values and launch config schemas: every values file of the goldens and
// examples, mutated as above, and the launch configs they embed. And each read in place as its
// stage reads it (values as helm sees them, launch configs as they are): decided valid exactly
// when its copy is.
TEST(SchemaAgreementTest, BundledSchemasToo) {
  int decided = 0, in_place = 0;
  auto same_in_place = [&](std::string_view schema_path, const lr::Json& loaded,
                           lr::EvalOptions reading, const json& copy, const std::string& what) {
    const lr::CompiledSchema& schema = lr::BundledSchemaAt(schema_path);
    bool on_copy = lr::EvaluateSchema(schema.frozen(), copy, lr::DocumentRefs(schema.frozen())) ==
                   lr::Verdict::kValid;
    EXPECT_EQ(schema.DecidedValid(loaded, reading), on_copy) << what;
    ++in_place;
  };
  auto agree = [&](std::string_view schema_path, const json& instance, const std::string& what) {
    const lr::CompiledSchema& schema = lr::BundledSchemaAt(schema_path);
    lr::Verdict fast =
        lr::EvaluateSchema(schema.frozen(), instance, lr::DocumentRefs(schema.frozen()));
    if (fast == lr::Verdict::kUnsure) return;
    ++decided;
    valijson::Schema compiled;
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(schema.doc()), compiled);
    valijson::Validator validator;
    bool slow =
        validator.validate(compiled, valijson::adapters::NlohmannJsonAdapter(instance), nullptr);
    EXPECT_EQ(fast == lr::Verdict::kValid, slow) << what;
  };
  for (const char* parent : {"tests/golden", "examples"}) {
    for (const auto& e : fs::directory_iterator(kRoot / parent)) {
      fs::path file = e.path() / "values.yaml";
      if (!fs::exists(file)) continue;
      lr::Diagnostics diags;
      auto doc = lr::LoadValuesFile(file.string(), ReadOr(file, ""), {}, &diags);
      if (!doc) continue;
      json values = lr::AsApiServerReads(doc->root);
      for (const auto& [what, v] : Variants(values)) {
        agree("schemas/values.schema.json", v, file.string() + ": " + what);
      }
      for (const auto& [what, v] : ReadingVariants(doc->root)) {
        same_in_place("schemas/values.schema.json", v, {.integral_floats_are_integers = true},
                      lr::AsHelmSees(v), file.string() + " in place: " + what);
      }
      if (!values.contains("launchConfig") || !values["launchConfig"].is_string()) continue;
      auto config = lr::LoadValuesFile("launchConfig", values["launchConfig"], {}, &diags);
      if (!config) continue;
      for (const auto& [what, v] : Variants(lr::AsApiServerReads(config->root))) {
        agree("schemas/launch-config.schema.json", v, file.string() + " launchConfig: " + what);
      }
      for (const auto& [what, v] : ReadingVariants(config->root)) {
        same_in_place("schemas/launch-config.schema.json", v, {}, json(v),
                      file.string() + " launchConfig in place: " + what);
      }
    }
  }
  EXPECT_GT(decided, 500);
  EXPECT_GT(in_place, 500);
}

// The renderer's own (ordered) objects are judged in place, read as the API server reads
// them (EvalOptions, manifest_reads.h), never copied unless they may fail: the verdicts and the
// rules' violations must be those of the read copy (AsApiServerReads), for objects with null
// members and integral floats where integers belong (and floats that are not integral).
TEST(SchemaAgreementTest, ObjectsReadInPlaceAsTheirReadCopies) {
  const lr::EvalOptions reading{.null_members_absent = true, .integral_floats_are_integers = true};
  int compared = 0, violations = 0;
  for (const Source& source : Sources()) {
    for (const lr::Json& object : OrderedObjects(ReadOr(kRoot / source.name, ""), source.name)) {
      std::string api = object["apiVersion"], kind = object["kind"];
      for (const auto& [what, v] : ReadingVariants(object)) {
        json copy = lr::AsApiServerReads(v);
        std::string where = source.name + ": " + lr::ObjectLabel(object) + ": " + what;
        for (auto variant : {lr::SchemaVariant::kStrict, lr::SchemaVariant::kLoose}) {
          auto in_place =
              lr::EvaluateKubeSchema(lr::NewestKubeVersion(), api, kind, variant, v, reading);
          auto on_copy = lr::EvaluateKubeSchema(lr::NewestKubeVersion(), api, kind, variant, copy);
          ASSERT_EQ(in_place, on_copy) << where;
          ++compared;
        }
        std::set<std::string> rules = lr::testing::RuleViolations(v);
        EXPECT_EQ(rules, lr::testing::RuleViolations(copy)) << where;
        violations += static_cast<int>(rules.size());
      }
    }
  }
  EXPECT_GT(compared, 5000);
  EXPECT_GT(violations, 50);  // the mutations make the rules speak too
  std::printf("%d verdicts in place = on the copy; %d rule violations alike\n", compared,
              violations);
}

TEST(SchemaAgreementTest, EveryObjectARenderPrintsIsDecidedValid) {
  int checked = 0;
  for (const Source& source : Sources()) {
    if (!source.printed) continue;
    auto variant = source.strict ? lr::SchemaVariant::kStrict : lr::SchemaVariant::kLoose;
    for (const json& object : Objects(ReadOr(kRoot / source.name, ""), source.name)) {
      auto verdict = lr::EvaluateKubeSchema(lr::NewestKubeVersion(), object["apiVersion"],
                                            object["kind"], variant, object);
      if (!verdict) continue;  // a custom resource without a bundled schema (RayJob)
      ++checked;
      EXPECT_EQ(*verdict, lr::Verdict::kValid) << source.name << ": " << lr::ObjectLabel(object);
    }
  }
  EXPECT_GT(checked, 200);
}

}  // namespace

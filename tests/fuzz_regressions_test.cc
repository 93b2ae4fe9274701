// Every input a fuzzer once crashed on (tests/fuzz/regressions/<target>/) runs through the
// same entry point again, under the same invariants as the fuzz target.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "render/frozen_json.h"
#include "render/load.h"
#include "render/manifest_check.h"
#include "render/pipeline.h"
#include "render/validate.h"
#include "render/workload.h"

namespace {

namespace fs = std::filesystem;

// (path, contents) of every regression input of a fuzz target, sorted by name.
std::vector<std::pair<fs::path, std::string>> Inputs(const char* target) {
  fs::path dir = fs::path(LR_SOURCE_DIR) / "tests/fuzz/regressions" / target;
  std::vector<std::pair<fs::path, std::string>> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.emplace_back(e.path(), ss.str());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Images whose strings are not UTF-8: accepted, thawed, frozen again to the same bytes.
TEST(FuzzRegressionsTest, FrozenJsonInputsThawAndRefreeze) {
  auto inputs = Inputs("frozen_json");
  EXPECT_GE(inputs.size(), 1u);
  for (const auto& [path, image] : inputs) {
    ASSERT_TRUE(lr::IsFrozenJson(image)) << path;
    nlohmann::json tree = lr::ThawJson<nlohmann::json>(lr::FrozenJson::Root(image));
    std::string again = lr::FreezeJson(tree);
    EXPECT_TRUE(lr::IsFrozenJson(again)) << path;
    EXPECT_EQ(lr::ThawJson<nlohmann::json>(lr::FrozenJson::Root(again)), tree) << path;
  }
}

TEST(FuzzRegressionsTest, RenderValuesInputsStayHarmless) {
  auto inputs = Inputs("render_values");
  EXPECT_GE(inputs.size(), 1u);
  for (const auto& [path, text] : inputs) {
    lr::InMemoryFileSource files;
    files.Add("values.yaml", text);
    lr::RenderRequest request;
    request.values_files = {"values.yaml"};
    lr::RenderResult r = lr::RenderBundle(request, files);
    EXPECT_EQ(r.ok(), !r.output.empty()) << path;
  }
}

bool HasNan(const nlohmann::json& v) {
  if (v.is_number_float()) return std::isnan(v.get<double>());
  return v.is_structured() && std::any_of(v.begin(), v.end(), HasNan);
}

// A NaN (".nan") in an object once failed the schema_eval target's round trip: a harness
// false positive (NaN equals nothing, not even itself). The image keeps the NaN: it thaws to
// the same text and freezes again to the same bytes.
TEST(FuzzRegressionsTest, SchemaEvalInputsFreezeAndThawTheirNans) {
  auto inputs = Inputs("schema_eval");
  EXPECT_GE(inputs.size(), 1u);
  for (const auto& [path, text] : inputs) {
    lr::Diagnostics diags;
    auto docs = lr::LoadStream("input.yaml", text, {}, &diags);
    ASSERT_TRUE(docs) << path;
    bool nan = false;
    for (const lr::Document& doc : *docs) {
      nlohmann::json object = lr::AsApiServerReads(doc.root);
      nan = nan || HasNan(object);
      std::string image = lr::FreezeJson(object);
      ASSERT_TRUE(lr::IsFrozenJson(image)) << path;
      nlohmann::json thawed = lr::ThawJson<nlohmann::json>(lr::FrozenJson::Root(image));
      EXPECT_EQ(thawed.dump(), object.dump()) << path;
      EXPECT_EQ(lr::FreezeJson(thawed), image) << path;
      EXPECT_EQ(HasNan(thawed), HasNan(object)) << path;
    }
    EXPECT_TRUE(nan) << path;
  }
}

// yaml-cpp once looped forever on these (a ',' outside a flow collection); each must now end
// with a located YAML error, standalone and as a values file.
TEST(FuzzRegressionsTest, LaunchConfigInputsEndWithAnError) {
  auto inputs = Inputs("launch_config");
  EXPECT_GE(inputs.size(), 1u);
  for (const auto& [path, text] : inputs) {
    lr::InMemoryFileSource files;
    files.Add("launch-config.yaml", text);
    lr::ValidateRequest request;
    request.paths = {"launch-config.yaml"};
    std::vector<lr::FileReport> reports = lr::ValidateFiles(request, files);
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_FALSE(reports[0].valid()) << path;
  }
}

// A template variable whose type is null or a mapping once threw out of the renderer (exit
// 3); each must now end with a located error.
TEST(FuzzRegressionsTest, RenderJobInputsEndWithAnError) {
  auto inputs = Inputs("render_job");
  EXPECT_GE(inputs.size(), 1u);
  for (const auto& [path, text] : inputs) {
    lr::InMemoryFileSource files;
    files.Add("queue.yaml", text);
    lr::JobRequest request;
    request.queue_config = "queue.yaml";
    lr::JobResult r = lr::RenderJob(request, files);
    EXPECT_FALSE(r.ok()) << path;
    EXPECT_TRUE(r.output.empty()) << path;
  }
}

// Once reported as launch-render's own bug, under the name "queue-config" instead of the file:
// every diagnostic of `validate` must name the file it was given.
TEST(FuzzRegressionsTest, ValidateManifestInputsNameTheirFile) {
  auto inputs = Inputs("validate_manifest");
  EXPECT_GE(inputs.size(), 1u);
  for (const auto& [path, text] : inputs) {
    lr::InMemoryFileSource files;
    files.Add("input.yaml", text);
    lr::ValidateRequest request;
    request.paths = {"input.yaml"};
    std::vector<lr::FileReport> reports = lr::ValidateFiles(request, files);
    ASSERT_EQ(reports.size(), 1u);
    for (const lr::Diagnostic& d : reports[0].diags.all()) {
      EXPECT_EQ(d.pos.file, "input.yaml") << path << ": " << d.message;
      EXPECT_NE(d.rule, "internal-schema") << path;
    }
  }
}

}  // namespace

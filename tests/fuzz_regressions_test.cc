// Every input a fuzzer once crashed on (tests/fuzz/regressions/<target>/) runs through the
// same entry point again, under the same invariants as the fuzz target.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "render/pipeline.h"
#include "render/validate.h"

namespace fs = std::filesystem;

TEST(FuzzRegressionsTest, RenderValuesInputsStayHarmless) {
  fs::path dir = fs::path(LR_SOURCE_DIR) / "tests/fuzz/regressions/render_values";
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    lr::InMemoryFileSource files;
    files.Add("values.yaml", ss.str());
    lr::RenderRequest request;
    request.values_files = {"values.yaml"};
    lr::RenderResult r = lr::RenderBundle(request, files);
    EXPECT_EQ(r.ok(), !r.output.empty()) << e.path();
    ++n;
  }
  EXPECT_GE(n, 1);
}

// yaml-cpp once looped forever on these (a ',' outside a flow collection); each must now end
// with a located YAML error, standalone and as a values file.
TEST(FuzzRegressionsTest, LaunchConfigInputsEndWithAnError) {
  fs::path dir = fs::path(LR_SOURCE_DIR) / "tests/fuzz/regressions/launch_config";
  int n = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    lr::InMemoryFileSource files;
    files.Add("launch-config.yaml", ss.str());
    lr::ValidateRequest request;
    request.paths = {"launch-config.yaml"};
    std::vector<lr::FileReport> reports = lr::ValidateFiles(request, files);
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_FALSE(reports[0].valid()) << e.path();
    ++n;
  }
  EXPECT_GE(n, 1);
}

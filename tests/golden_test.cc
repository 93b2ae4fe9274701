// Whole renders: every folder under tests/golden/ is one case.
//   values.yaml       the input (passed first, as VALUES)
//   args              optional: more command-line arguments, one per line
//   expected.stdout   what is printed on stdout (absent: nothing)
//   expected.stderr   the diagnostics, one per line (absent: none)
// LR_UPDATE_GOLDEN=1 rewrites the expected files (make golden); review the diff.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "render/options.h"
#include "render/pipeline.h"
#include "tests/golden_util.h"

namespace fs = std::filesystem;

namespace {

using lr::golden::kRoot;

std::vector<std::string> Cases() { return lr::golden::CaseDirs("tests/golden"); }

std::vector<std::string> Args(const std::string& name) {
  std::string dir = "tests/golden/" + name;
  return lr::golden::WithArgsFile({"launch-render", dir + "/values.yaml"}, dir);
}

struct Rendered {
  std::string out, err;
};

Rendered Render(const std::vector<std::string>& args) {
  CLI::App app;
  lr::Options options;
  lr::DefineOptions(&app, &options);
  lr::ParseOptions(&app, &options, args);
  lr::DiskFileSource files;
  lr::RenderResult r = lr::RenderBundle(options.render, files);
  Rendered out{r.output, ""};
  for (const auto& d : r.diags.Sorted()) out.err += lr::FormatText(d) + "\n";
  return out;
}

class GoldenTest : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { fs::current_path(kRoot); }  // paths in args are repo-relative
};

TEST_P(GoldenTest, RendersExpectedOutput) {
  fs::path dir = kRoot / "tests/golden" / GetParam();
  Rendered got = Render(Args(GetParam()));
  lr::golden::ExpectFiles(dir, got.out, got.err, GetParam());
  if (!got.err.empty() && got.err.find(": error: ") != std::string::npos) {
    EXPECT_EQ(got.out, "") << "an error must leave stdout empty";
  }
}

TEST_P(GoldenTest, SameInputSameBytes) {
  std::vector<std::string> args = Args(GetParam());
  Rendered a = Render(args), b = Render(args);
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(a.err, b.err);
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenTest, testing::ValuesIn(Cases()), lr::golden::CaseName);

TEST(GoldenSuite, HasEnoughCases) { EXPECT_GE(Cases().size(), 30u); }

}  // namespace

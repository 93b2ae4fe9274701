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

namespace fs = std::filesystem;

namespace {

const fs::path kRoot = LR_SOURCE_DIR;

std::string ReadOr(const fs::path& p, const std::string& fallback) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return fallback;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteOrRemove(const fs::path& p, const std::string& text) {
  if (text.empty()) {
    fs::remove(p);
    return;
  }
  std::ofstream(p, std::ios::binary) << text;
}

std::vector<std::string> Cases() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(kRoot / "tests/golden")) {
    if (e.is_directory()) out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Args(const std::string& name) {
  std::string dir = "tests/golden/" + name;
  std::vector<std::string> args = {"launch-render", dir + "/values.yaml"};
  std::istringstream lines(ReadOr(kRoot / dir / "args", ""));
  for (std::string line; std::getline(lines, line);) args.push_back(line);
  return args;
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
  if (std::getenv("LR_UPDATE_GOLDEN")) {
    WriteOrRemove(dir / "expected.stdout", got.out);
    WriteOrRemove(dir / "expected.stderr", got.err);
  }
  EXPECT_EQ(ReadOr(dir / "expected.stdout", ""), got.out) << "stdout of " << GetParam();
  EXPECT_EQ(ReadOr(dir / "expected.stderr", ""), got.err) << "stderr of " << GetParam();
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

std::string CaseName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenTest, testing::ValuesIn(Cases()), CaseName);

TEST(GoldenSuite, HasEnoughCases) { EXPECT_GE(Cases().size(), 30u); }

}  // namespace

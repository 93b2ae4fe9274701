// Helpers shared by the whole-render golden tests (golden_test.cc, job_golden_test.cc): case
// folders, expected files, and the LR_UPDATE_GOLDEN rewrite.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace lr::golden {

inline const std::filesystem::path kRoot = LR_SOURCE_DIR;

inline std::string ReadOr(const std::filesystem::path& p, const std::string& fallback) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return fallback;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteOrRemove(const std::filesystem::path& p, const std::string& text) {
  if (text.empty()) {
    std::filesystem::remove(p);
    return;
  }
  std::ofstream(p, std::ios::binary) << text;
}

// The case folders under `dir` (repo-relative), sorted.
inline std::vector<std::string> CaseDirs(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(kRoot / dir)) {
    if (e.is_directory()) out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The lines of `dir`/args appended to `args`.
inline std::vector<std::string> WithArgsFile(std::vector<std::string> args,
                                             const std::string& dir) {
  std::istringstream lines(ReadOr(kRoot / dir / "args", ""));
  for (std::string line; std::getline(lines, line);) args.push_back(line);
  return args;
}

// Under LR_UPDATE_GOLDEN, rewrites the expected files; then compares with them.
inline void ExpectFiles(const std::filesystem::path& dir, const std::string& out,
                        const std::string& err, const std::string& name) {
  if (std::getenv("LR_UPDATE_GOLDEN")) {
    WriteOrRemove(dir / "expected.stdout", out);
    WriteOrRemove(dir / "expected.stderr", err);
  }
  EXPECT_EQ(ReadOr(dir / "expected.stdout", ""), out) << "stdout of " << name;
  EXPECT_EQ(ReadOr(dir / "expected.stderr", ""), err) << "stderr of " << name;
}

// gtest parameter names: '-' is not allowed.
inline std::string CaseName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

}  // namespace lr::golden

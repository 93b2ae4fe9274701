// Whole workload renders: every folder under tests/jobs/ is one case of `launch-render job`.
//   queue.yaml        the queue config (passed first)
//   args              optional: more arguments, one per line (paths are repo-relative)
//   expected.stdout   what is printed (absent: nothing)
//   expected.stderr   the diagnostics (absent: none)
// Every emitted pod template is also checked against the Pod Security Standard restricted
// profile by render/pss_check.h (unless the case opts out with --image-runs-as-root).
// LR_UPDATE_GOLDEN=1 rewrites the expected files (make golden); review the diff.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "render/kaniko_job.h"
#include "render/load.h"
#include "render/options.h"
#include "render/pss_check.h"
#include "render/workload.h"
#include "tests/golden_util.h"

namespace fs = std::filesystem;

namespace {

using lr::golden::kRoot;
using lr::golden::ReadOr;

std::vector<std::string> Cases() { return lr::golden::CaseDirs("tests/jobs"); }

std::vector<std::string> Args(const std::string& name) {
  std::string dir = "tests/jobs/" + name;
  return lr::golden::WithArgsFile({"launch-render", "job", dir + "/queue.yaml"}, dir);
}

struct Rendered {
  std::string out, err;
  bool as_root = false;
};

Rendered Render(const std::vector<std::string>& args) {
  CLI::App app;
  lr::Options options;
  lr::DefineOptions(&app, &options);
  lr::ParseOptions(&app, &options, args);
  lr::DiskFileSource files;
  lr::JobResult r = lr::RenderJob(options.job, files);
  Rendered out{r.output, "", options.job.image_runs_as_root};
  for (const auto& d : r.diags.Sorted()) out.err += lr::FormatText(d) + "\n";
  return out;
}

class JobGoldenTest : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { fs::current_path(kRoot); }
};

TEST_P(JobGoldenTest, RendersExpectedOutput) {
  fs::path dir = kRoot / "tests/jobs" / GetParam();
  Rendered got = Render(Args(GetParam()));
  lr::golden::ExpectFiles(dir, got.out, got.err, GetParam());
  bool error = got.err.find(": error: ") != std::string::npos;
  if (error || GetParam().rfind("error-", 0) == 0) {
    EXPECT_EQ(got.out, "") << "an error renders nothing";
    EXPECT_TRUE(error) << "an error- case must report an error";
  } else {
    EXPECT_NE(got.out, "") << "a case without errors renders something";
  }
}

// Every pod of every golden output passes the restricted profile (read back from the output).
TEST_P(JobGoldenTest, EveryPodPassesRestricted) {
  Rendered got = Render(Args(GetParam()));
  if (got.out.empty()) return;
  lr::Diagnostics diags;
  auto docs = lr::LoadStream("out", got.out, {}, &diags);
  ASSERT_TRUE(docs.has_value());
  for (const lr::Document& doc : *docs) {
    if (doc.root.is_null()) continue;
    const lr::Json& items =
        doc.root.value("kind", "") == "List" ? doc.root["items"] : lr::Json::array({doc.root});
    for (const lr::Json& object : items) {
      for (const lr::PssViolation& v : lr::CheckRestricted(object)) {
        if (got.as_root && v.control == "runAsNonRoot") continue;
        ADD_FAILURE() << GetParam() << ": " << v.pointer << ": " << v.message;
      }
    }
  }
}

TEST_P(JobGoldenTest, SameInputSameBytes) {
  std::vector<std::string> args = Args(GetParam());
  Rendered a = Render(args), b = Render(args);
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(a.err, b.err);
}

INSTANTIATE_TEST_SUITE_P(Cases, JobGoldenTest, testing::ValuesIn(Cases()), lr::golden::CaseName);

// Kaniko build Jobs: every folder under tests/builds/ is one `launch-render build` case.
//   args              every argument after "build", one per line (paths repo-relative)
//   context/          the build context
//   expected.stdout, expected.stderr as above.
std::vector<std::string> BuildCases() { return lr::golden::CaseDirs("tests/builds"); }

Rendered RenderBuildCase(const std::string& name) {
  std::vector<std::string> args =
      lr::golden::WithArgsFile({"launch-render", "build"}, "tests/builds/" + name);
  CLI::App app;
  lr::Options options;
  lr::DefineOptions(&app, &options);
  lr::ParseOptions(&app, &options, args);
  lr::DiskFileSource files;
  lr::BuildResult r = lr::RenderBuild(options.build, files);
  Rendered out{r.output, "", false};
  for (const auto& d : r.diags.Sorted()) out.err += lr::FormatText(d) + "\n";
  return out;
}

class BuildGoldenTest : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { fs::current_path(kRoot); }
};

TEST_P(BuildGoldenTest, RendersExpectedOutput) {
  fs::path dir = kRoot / "tests/builds" / GetParam();
  Rendered got = RenderBuildCase(GetParam());
  lr::golden::ExpectFiles(dir, got.out, got.err, GetParam());
  bool error = got.err.find(": error: ") != std::string::npos;
  EXPECT_EQ(GetParam().rfind("error-", 0) == 0, error) << "error- cases, and only they, fail";
  if (error) {
    EXPECT_EQ(got.out, "");
  }
  Rendered again = RenderBuildCase(GetParam());
  EXPECT_EQ(got.out, again.out) << "same input, same bytes";
}

INSTANTIATE_TEST_SUITE_P(Cases, BuildGoldenTest, testing::ValuesIn(BuildCases()),
                         lr::golden::CaseName);

}  // namespace

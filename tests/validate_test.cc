// Tests for `launch-render validate` over many files (render/validate.h): every kind of file at
// once, on one thread or several, gives the same reports in the input order.
#include "render/validate.h"

#include <gtest/gtest.h>

#include "render/validate_report.h"

namespace lr {
namespace {

const char* kValues = R"(agent:
  apiKey: "0123456789abcdef0123456789abcdef01234567"
launchConfig: |
  queues: [q1]
)";

InMemoryFileSource Files(std::vector<std::string>* paths) {
  InMemoryFileSource files;
  for (int i = 0; i < 24; ++i) {
    std::string n = std::to_string(i);
    switch (i % 4) {
      case 0:
        files.Add("values-" + n + ".yaml", kValues);
        paths->push_back("values-" + n + ".yaml");
        break;
      case 1:
        files.Add("cm-" + n + ".yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c" + n +
                                           "}\ndata: {k: " + (i % 8 == 1 ? "1" : "v") + "}\n");
        paths->push_back("cm-" + n + ".yaml");
        break;
      case 2:
        files.Add("launch-config-" + n + ".yaml", "queues: [a]\nbuilder: {type: buildah}\n");
        paths->push_back("launch-config-" + n + ".yaml");
        break;
      default:
        paths->push_back("missing-" + n + ".yaml");
    }
  }
  return files;
}

std::string ValidateAll(int threads) {
  ValidateRequest request;
  InMemoryFileSource files = Files(&request.paths);
  request.threads = threads;
  std::vector<FileReport> reports = ValidateFiles(request, files);
  EXPECT_EQ(reports.size(), request.paths.size());
  for (size_t i = 0; i < reports.size(); ++i) EXPECT_EQ(reports[i].file, request.paths[i]);
  return FormatReports(reports, ReportFormat::kText, true).err;
}

// Many threads first: every cache (schemas, chart defaults) is then filled concurrently.
TEST(ValidateFilesTest, SameReportsOnOneOrManyThreads) {
  std::string many = ValidateAll(4);
  EXPECT_NE(many.find("cm-1.yaml:4:8: error: ConfigMap c1: /data/k: must be a string"),
            std::string::npos)
      << many;
  EXPECT_NE(many.find("Summary: 24 files - valid: 9, invalid: 15"), std::string::npos) << many;
  EXPECT_EQ(ValidateAll(1), many);
  EXPECT_EQ(ValidateAll(0), many);  // one per core
}

}  // namespace
}  // namespace lr

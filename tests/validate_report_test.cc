// Tests for validate's reports (render/validate_report.h): counts, and the text and JSON forms.
// JUnit and SARIF are read back by real parsers in tests/e2e/report_formats.sh.
#include "render/validate_report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace lr {
namespace {

std::vector<FileReport> Reports() {
  std::vector<FileReport> r(3);
  r[0].file = "ok.yaml";
  r[0].kind = FileKind::kValues;
  r[1].file = "bad.yaml";
  r[1].kind = FileKind::kLaunchConfig;
  r[1].diags.Error({"bad.yaml", 2, 3}, "builder.type", "must be one of ...",
                   "launch-config-schema");
  r[1].diags.Warning({"bad.yaml", 1, 1}, "max_jobs", "is 0", "launch-config-limits");
  r[2].file = "m.yaml";
  r[2].kind = FileKind::kManifest;
  r[2].skipped = true;
  r[2].diags.Warning({"m.yaml", 0, 0}, "", "not validated", "validate-skip");
  return r;
}

TEST(ValidateReportTest, SummaryCounts) {
  Summary s = Summarize(Reports());
  EXPECT_EQ(s.files, 3);
  EXPECT_EQ(s.valid, 1);
  EXPECT_EQ(s.invalid, 1);
  EXPECT_EQ(s.skipped, 1);
  EXPECT_EQ(s.errors, 1);
  EXPECT_EQ(s.warnings, 2);
}

TEST(ValidateReportTest, TextGoesToStderrSortedByLine) {
  ReportText t = FormatReports(Reports(), ReportFormat::kText, true);
  EXPECT_EQ(t.out, "");
  EXPECT_EQ(t.err,
            "bad.yaml:1:1: warning: max_jobs: is 0 [launch-config-limits]\n"
            "bad.yaml:2:3: error: builder.type: must be one of ... [launch-config-schema]\n"
            "m.yaml: warning: not validated [validate-skip]\n"
            "Summary: 3 files - valid: 1, invalid: 1, skipped: 1, errors: 1, warnings: 2\n");
}

TEST(ValidateReportTest, JsonHoldsFilesAndSummary) {
  ReportText t = FormatReports(Reports(), ReportFormat::kJson, false);
  auto doc = nlohmann::json::parse(t.out);
  EXPECT_EQ(doc["files"][1]["status"], "invalid");
  EXPECT_EQ(doc["files"][1]["kind"], "launch-config");
  EXPECT_EQ(doc["files"][1]["diagnostics"][1]["line"], 2);
  EXPECT_EQ(doc["files"][2]["status"], "skipped");
  EXPECT_EQ(doc["summary"]["invalid"], 1);
}

std::vector<FileReport> ManifestReports() {
  std::vector<FileReport> r(2);
  r[0].file = "ok.yaml";
  r[0].kind = FileKind::kManifest;
  r[0].resources.valid = 3;
  r[0].resources.skipped = 1;
  r[1].file = "bad.yaml";
  r[1].kind = FileKind::kManifest;
  r[1].resources.invalid = 1;
  r[1].resources.errors = 1;
  r[1].diags.Error({"bad.yaml", 3, 1}, "Deployment web: /spec/replicas", "must be an integer",
                   "kube-schema");
  r[1].diags.Error({"bad.yaml", 9, 1}, "/kind", "is required", "kube-object");
  return r;
}

TEST(ValidateReportTest, ManifestsAreCountedPerResource) {
  Summary s = Summarize(ManifestReports());
  EXPECT_EQ(s.manifests, 2);
  EXPECT_EQ(s.resources.total(), 6);
  EXPECT_EQ(FormatReports(ManifestReports(), ReportFormat::kText, true).err,
            "bad.yaml:3:1: error: Deployment web: /spec/replicas: must be an integer "
            "[kube-schema]\n"
            "bad.yaml:9:1: error: /kind: is required [kube-object]\n"
            "Summary: 2 files - valid: 1, invalid: 1, skipped: 0, errors: 2, warnings: 0; 6 "
            "resources - valid: 3, invalid: 1, errors: 1, skipped: 1\n");
  auto doc =
      nlohmann::json::parse(FormatReports(ManifestReports(), ReportFormat::kJson, false).out);
  EXPECT_EQ(doc["files"][0]["resources"],
            nlohmann::json::parse(
                R"({"total": 4, "valid": 3, "invalid": 0, "errors": 0, "skipped": 1})"));
  EXPECT_EQ(doc["summary"]["resources"]["total"], 6);
  EXPECT_EQ(doc["summary"]["resources"]["errors"], 1);
}

TEST(ValidateReportTest, NoResourceCountsWithoutManifests) {
  std::vector<FileReport> r = Reports();
  r.pop_back();  // the manifest
  auto doc = nlohmann::json::parse(FormatReports(r, ReportFormat::kJson, false).out);
  EXPECT_FALSE(doc["summary"].contains("resources"));
  EXPECT_FALSE(doc["files"][0].contains("resources"));
}

TEST(ValidateReportTest, SarifUrisAreEncodedAndJunitHasNoControlCharacters) {
  std::vector<FileReport> r(1);
  r[0].file = "my dir/a#b.yaml";
  r[0].diags.Error({"my dir/a#b.yaml", 1, 1}, "", "bad\x01", "x");
  auto sarif = nlohmann::json::parse(FormatReports(r, ReportFormat::kSarif, false).out);
  EXPECT_EQ(
      sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
      "my%20dir/a%23b.yaml");
  std::string junit = FormatReports(r, ReportFormat::kJunit, false).out;
  EXPECT_EQ(junit.find('\x01'), std::string::npos);
  EXPECT_EQ(junit.find("&#1;"), std::string::npos);
}

}  // namespace
}  // namespace lr

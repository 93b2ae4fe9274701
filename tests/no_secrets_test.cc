// No secret ever appears in a diagnostic: apiKey, gitCreds, azureStorageAccessKey and secret
// env values, wrong-typed, out of range or in files with other errors (issue F item 7), in
// every report format; and the agent's secret environment is never expanded into a message.
#include <gtest/gtest.h>

#include "render/pipeline.h"
#include "render/validate.h"
#include "render/validate_report.h"
#include "render/workload.h"

namespace lr {
namespace {

constexpr const char* kSecret = "S3cr3tMarker";  // every input below hides it (or its digits)

const char* kInputs[] = {
    "agent:\n  apiKey: [S3cr3tMarker]\nlaunchConfig: 'queues: [q]'\n",
    "agent:\n  apiKey: {S3cr3tMarker: 1}\nlaunchConfig: 'queues: [q]'\n",
    "agent:\n  apiKey: S3cr3tMarker\n  apiKey: S3cr3tMarker2\nlaunchConfig: 'queues: [q]'\n",
    "agent:\n  apiKey: \"S3cr3tMarker\n",
    "agent:\n  apiKey: S3cr3tMarker\n  labels: {app: x}\nlaunchConfig: 'queues: [q]'\n",
    "agent:\n  apiKey: k\ngitCreds: [S3cr3tMarker]\nlaunchConfig: 'queues: [q]'\n",
    "agent:\n  apiKey: k\ngitCreds: {https://u:S3cr3tMarker@github.com: 1}\nlaunchConfig: 'queues: "
    "[q]'\n",
    "agent:\n  apiKey: k\nazureStorageAccessKey: {a: S3cr3tMarker}\nlaunchConfig: 'queues: [q]'\n",
    "agent:\n  apiKey: k\nazureStorageAccessKey: S3cr3tMarker\nnamespace: Bad_NS\nlaunchConfig: "
    "'queues: [q]'\n",
    "agent:\n  apiKey: k\nadditionalSecretEnvVars:\n  - name: \"BAD NAME\"\n    value: "
    "S3cr3tMarker\n"
    "  - name: X\n    value: [S3cr3tMarker]\n  - name: Y\n    value: {S3cr3tMarker: 1}\n"
    "launchConfig: 'queues: [q]'\n",
};

std::string AllReports(const std::string& values) {
  InMemoryFileSource files;
  files.Add("values.yaml", values);
  ValidateRequest request;
  request.paths = {"values.yaml"};
  request.kind = FileKind::kValues;
  std::vector<FileReport> reports = ValidateFiles(request, files);
  std::string out;
  for (ReportFormat f :
       {ReportFormat::kText, ReportFormat::kJson, ReportFormat::kJunit, ReportFormat::kSarif}) {
    ReportText t = FormatReports(reports, f, true);
    out += t.out + t.err;
  }
  return out;
}

TEST(NoSecretsTest, ValuesDiagnosticsNeverQuoteSecrets) {
  for (const char* input : kInputs) {
    std::string reports = AllReports(input);
    EXPECT_NE(reports.find("error"), std::string::npos) << "the input must be invalid: " << input;
    EXPECT_EQ(reports.find(kSecret), std::string::npos) << input << "\n" << reports;
  }
}

TEST(NoSecretsTest, HugeNumericSecretsAreNotPrinted) {
  std::string reports = AllReports(
      "agent:\n  apiKey: 98765432109876543210987\nadditionalSecretEnvVars:\n"
      "  - {name: T, value: 123456789012345678901234}\nlaunchConfig: 'queues: [q]'\n");
  EXPECT_NE(reports.find("error"), std::string::npos);
  for (const char* digits : {"98765432109876543210987", "9876543210987654",
                             "123456789012345678901234", "1234567890123456"}) {
    EXPECT_EQ(reports.find(digits), std::string::npos) << reports;
  }
}

TEST(NoSecretsTest, SecretEnvironmentIsNotExpandedIntoMessages) {
  InMemoryFileSource files;
  files.Add("q.yaml",
            "spec:\n  template:\n    spec:\n      containers:\n        - env:\n"
            "            - {name: K, value: '${WANDB_API_KEY} ${MY_TOKEN}'}\n");
  files.Add("run.yaml", "env: {WANDB_API_KEY: S3cr3tMarker, MY_TOKEN: S3cr3tMarker}\n");
  JobRequest request;
  request.queue_config = "q.yaml";
  request.run_context = "run.yaml";
  JobResult r = RenderJob(request, files);
  ASSERT_TRUE(r.diags.HasErrors());
  EXPECT_EQ(r.output, "");
  for (const Diagnostic& d : r.diags.all()) {
    EXPECT_EQ(FormatText(d).find(kSecret), std::string::npos) << FormatText(d);
  }
}

}  // namespace
}  // namespace lr

// Every golden input rendered for every bundled Kubernetes version: no object launch-render
// prints may break a schema. Renders (tests/golden/*, examples/*) run with --kube-version V
// and must report no [internal-schema] error; what they print is read back and checked again,
// strictly, as `validate --strict` would. Job renders (tests/jobs/*) are checked against every
// version as the API server reads the agent's requests (loose), with the same API server rules.
// Also: the embedded bundle reader assembles exactly what kube-schema-gen assembles
// (tests/schema_gen/expected/).
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "render/kube_schema.h"
#include "render/kube_schema_bundle.h"
#include "render/load.h"
#include "render/manifest_check.h"
#include "render/options.h"
#include "render/pipeline.h"
#include "render/workload.h"
#include "tests/golden_util.h"

namespace fs = std::filesystem;

namespace {

using lr::golden::kRoot;
using lr::golden::ReadOr;

// "tests/golden/x" -> launch-render tests/golden/x/values.yaml ARGS... (queue.yaml for jobs).
std::vector<std::string> Args(const std::string& dir, bool job) {
  std::vector<std::string> args = {"launch-render"};
  if (job) args.push_back("job");
  args.push_back(dir + (job ? "/queue.yaml" : "/values.yaml"));
  return lr::golden::WithArgsFile(args, dir);
}

std::vector<std::string> Cases(const char* parent, bool job) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(kRoot / parent)) {
    std::string rel = std::string(parent) + "/" + e.path().filename().string();
    if (e.is_directory() && fs::exists(kRoot / rel / (job ? "queue.yaml" : "values.yaml"))) {
      out.push_back(rel);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> RenderCases() {
  std::vector<std::string> out = Cases("tests/golden", false);
  for (const std::string& c : Cases("examples", false)) out.push_back(c);
  return out;
}

// Every violation of every object printed in `output`, checked as `validate` would.
// `unbundled_ok`: a custom resource without a bundled schema (a RayJob queue config) is
// allowed; launch-render's own objects always have one.
std::string Violations(const std::string& output, const std::string& version,
                       lr::SchemaVariant variant, bool unbundled_ok = false) {
  lr::Diagnostics diags;
  auto docs = lr::LoadStream("out", output, {}, &diags);
  if (!docs) return "the output does not load";
  std::string out;
  for (const lr::Document& doc : *docs) {
    if (doc.root.is_null()) continue;
    bool list = doc.root.value("kind", "") == "List";
    for (const lr::Json& o : list ? doc.root["items"] : lr::Json::array({doc.root})) {
      lr::ManifestCheck check = lr::CheckManifest(o, version, variant);
      if (!check.has_schema && !unbundled_ok) out += lr::ObjectLabel(o) + ": no schema\n";
      for (const auto& v : check.violations) {
        out += lr::ObjectLabel(o) + ": " + v.pointer + ": " + v.message + " [" + v.rule + "]\n";
      }
    }
  }
  return out;
}

std::string InternalErrors(const lr::Diagnostics& diags) {
  std::string out;
  for (const lr::Diagnostic& d : diags.all()) {
    if (d.rule == lr::kInternalSchemaRule) out += lr::FormatText(d) + "\n";
  }
  return out;
}

class RenderEveryVersion : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { fs::current_path(kRoot); }  // paths in args are repo-relative
};

TEST_P(RenderEveryVersion, NoSchemaErrors) {
  int rendered = 0;
  for (const std::string& version : lr::KubeVersions()) {
    std::vector<std::string> args = Args(GetParam(), false);
    args.push_back("--kube-version");
    args.push_back(version);
    CLI::App app;
    lr::Options options;
    lr::DefineOptions(&app, &options);
    lr::ParseOptions(&app, &options, args);
    ASSERT_EQ(options.render.kube_version, version);
    lr::DiskFileSource files;
    lr::RenderResult r = lr::RenderBundle(options.render, files);
    EXPECT_EQ(InternalErrors(r.diags), "") << GetParam() << " " << version;
    if (r.output.empty()) continue;
    ++rendered;
    EXPECT_EQ(Violations(r.output, version, lr::SchemaVariant::kStrict), "")
        << GetParam() << " " << version;
  }
  fs::path dir = kRoot / GetParam();
  if (fs::exists(dir / "expected.stdout") || fs::exists(dir / "expected.yaml")) {
    EXPECT_EQ(rendered, static_cast<int>(lr::KubeVersions().size())) << GetParam();
  }
}

std::string CaseName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, RenderEveryVersion, testing::ValuesIn(RenderCases()), CaseName);

class JobEveryVersion : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { fs::current_path(kRoot); }
};

TEST_P(JobEveryVersion, NoSchemaErrors) {
  CLI::App app;
  lr::Options options;
  lr::DefineOptions(&app, &options);
  lr::ParseOptions(&app, &options, Args(GetParam(), true));
  lr::DiskFileSource files;
  lr::JobResult r = lr::RenderJob(options.job, files);
  EXPECT_EQ(InternalErrors(r.diags), "") << GetParam();
  if (r.output.empty()) return;
  for (const std::string& version : lr::KubeVersions()) {
    EXPECT_EQ(Violations(r.output, version, lr::SchemaVariant::kLoose, true), "")
        << GetParam() << " " << version;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, JobEveryVersion, testing::ValuesIn(Cases("tests/jobs", true)),
                         CaseName);

TEST(KubeVersionsSuite, CoversEveryGoldenInput) {
  EXPECT_GE(RenderCases().size(), 30u);
  EXPECT_GE(Cases("tests/jobs", true).size(), 20u);
}

// The fixture bundle of kube-schema-gen's own test, assembled here, equals what the generator
// assembled from it (tests/schema_gen/expected/assembled/).
TEST(BundleReaderMatchesGenerator, AssembledKinds) {
  fs::path dir = kRoot / "tests/schema_gen/expected";
  std::string store_text = ReadOr(dir / "bundle/definitions.json", "");
  lr::SchemaStore store(store_text);
  struct Row {
    const char* table;
    const char* api_version;
    const char* kind;
    bool loose;
    const char* expected;
  } rows[] = {
      {"v9.2", "apps/v1", "Deployment", false, "v9.2-apps_v1-Deployment.json"},
      {"v9.2", "apps/v1", "Deployment", true, "v9.2-apps_v1-Deployment.loose.json"},
      {"v9.1", "v1", "ConfigMap", false, "v9.1-v1-ConfigMap.json"},
      {"crds", "example.com/v1", "Widget", false, "crds-example.com_v1-Widget.json"},
  };
  for (const Row& r : rows) {
    std::string table_text = ReadOr(dir / "bundle" / (std::string(r.table) + ".json"), "");
    lr::SchemaTable table(table_text);
    std::optional<nlohmann::json> got =
        lr::AssembleKind(store, table, r.api_version, r.kind, r.loose);
    ASSERT_TRUE(got.has_value()) << r.expected;
    EXPECT_EQ(*got, nlohmann::json::parse(ReadOr(dir / "assembled" / r.expected, "null")))
        << r.expected;
  }
}

}  // namespace

// Tests for the values schema stage (render/values_schema.h): the embedded schema is the one
// the chart's values.schema.json is generated from, so these rows are also what helm refuses.
#include "render/values_schema.h"

#include <string>

#include <gtest/gtest.h>

#include "render/embedded.h"
#include "render/load.h"
#include "render/values.h"

namespace lr {
namespace {

// Diagnostics of the schema stage alone for `yaml` over the chart defaults.
std::string SchemaErrors(const std::string& yaml) {
  Diagnostics diags;
  auto doc = LoadValuesFile("values.yaml", yaml, {}, &diags);
  EXPECT_TRUE(doc.has_value());
  if (!doc) return "load failed";
  CoalesceDefaults(EmbeddedDocument(kChartValues), &*doc);
  CheckSettings settings;
  settings.release = "r";
  CheckValuesSchema(*doc, settings, &diags);
  std::string out;
  for (const Diagnostic& d : diags.Sorted()) out += FormatText(d) + "\n";
  return out;
}

TEST(ValuesSchemaTest, ContextBecomesAPointer) {
  EXPECT_EQ(ContextToPointer({"<root>", "[agent]", "[labels]"}), "/agent/labels");
  EXPECT_EQ(ContextToPointer({"<root>", "[additionalEnvVars]", "[1]", "[name]"}),
            "/additionalEnvVars/1/name");
  EXPECT_EQ(ContextToPointer({"<root>"}), "");
  EXPECT_EQ(ContextToPointer({"<root>", "[a/b]"}), "/a~1b");
}

TEST(ValuesSchemaTest, ChartDefaultsWithAnApiKeyPass) {
  EXPECT_EQ(SchemaErrors("agent: {apiKey: k}\n"), "");
}

struct Row {
  const char* yaml;
  const char* expected;  // substring of the output; "" means no error
};

class ValuesSchemaRows : public testing::TestWithParam<Row> {};

TEST_P(ValuesSchemaRows, Match) {
  std::string out = SchemaErrors(GetParam().yaml);
  if (std::string(GetParam().expected).empty()) {
    EXPECT_EQ(out, "") << GetParam().yaml;
  } else {
    EXPECT_NE(out.find(GetParam().expected), std::string::npos) << out;
    EXPECT_NE(out.find("[values-schema]"), std::string::npos) << out;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, ValuesSchemaRows,
    testing::Values(
        Row{"agent: {apiKey: 12345678901234567}\n", "values.yaml:1:9: error: agent.apiKey:"},
        Row{"agent: {apiKey: 9007199254740992}\n", ""},
        Row{"agent: {apiKey: k, minAvailable: 1.0}\n", ""},  // helm: a float64 that is whole
        Row{"agent: {apiKey: k, minAvailable: 1.5}\n", "agent.minAvailable"},
        Row{"agent: {apiKey: k, minAvailable: 50%}\n", ""},
        Row{"agent: {apiKey: k, startTimeout: soon}\n", "agent.startTimeout"},
        Row{"agent: {apiKey: k}\nnamespace: ML\n", "namespace"},
        Row{"agent: {apiKey: k}\nnamespace: 83\n", ""},
        Row{"agent: {apiKey: k, labels: {gpu: true}}\n", "agent.labels.gpu"},
        Row{"agent: {apiKey: k}\nadditionalEnvVars: {}\n", ""},
        Row{"agent: {apiKey: k}\nadditionalEnvVars: {A: b}\n", "additionalEnvVars"},
        Row{"agent: {apiKey: k}\nadditionalEnvVars: [{name: 'A B'}]\n",
            "additionalEnvVars[0].name"},
        Row{"agent: {apiKey: k}\nadditionalSecretEnvVars: [{name: 'A:B', value: x}]\n",
            "additionalSecretEnvVars[0].name"},
        Row{"agent: {apiKey: k}\nsshAuthSecrets: [{name: k, host: 'a b'}]\n",
            "sshAuthSecrets[0].host"},
        Row{"agent: {apiKey: k}\nsshAuthSecrets: [{host: h}]\n", "sshAuthSecrets[0]"},
        Row{"agent: {apiKey: k}\nkanikoPvcName: Claim\n", "kanikoPvcName"},
        Row{"agent: {apiKey: k}\nkanikoPvcName: ''\n", ""},
        Row{"agent: {apiKey: k}\nlaunchConfig: {queues: [q]}\n", "launchConfig"},
        Row{"agent: {apiKey: k}\nadditionalTargetNamespaces: null\n", "additionalTargetNamespaces"},
        Row{"agent: {apiKey: k}\nserviceAccount: {annotations: {a: null}}\n", ""},
        Row{"agent: {apiKey: k}\ncustomCABundle: {configMap: {name: ca, key: ca.pem}}\n", ""}));

}  // namespace
}  // namespace lr

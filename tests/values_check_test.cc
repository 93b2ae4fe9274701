// Table test of CheckValues (render/values_check.h): user values coalesced over the embedded
// chart defaults, each row's diagnostics compared in sorted order.
#include "render/values_check.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "render/embedded.h"
#include "render/load.h"
#include "render/values.h"

namespace lr {
namespace {

struct Row {
  const char* name;
  const char* values;  // YAML of values.yaml
  // "line:col: severity: path: message-substring [rule]"; the text up to the third ": " must
  // match exactly, the rest must be a substring of the message, the rule must be equal.
  std::vector<std::string> expected;
  std::string release = "release-name";
};

std::string Format(const Diagnostic& d) {
  std::string out = std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + ": " +
                    SeverityName(d.severity) + ": ";
  if (!d.path.empty()) out += d.path + ": ";
  return out + d.message + " [" + d.rule + "]";
}

bool Matches(const std::string& actual, const std::string& expected) {
  size_t ar = actual.rfind(" ["), er = expected.rfind(" [");
  if (ar == std::string::npos || er == std::string::npos) return false;
  if (actual.substr(ar) != expected.substr(er)) return false;
  std::string a = actual.substr(0, ar), e = expected.substr(0, er);
  size_t head = 0;
  for (int i = 0; i < 3; ++i) {
    size_t sep = e.find(": ", head);
    if (sep == std::string::npos) break;
    head = sep + 2;
  }
  if (a.compare(0, head, e, 0, head) != 0) return false;
  return a.find(e.substr(head), head) != std::string::npos;
}

std::vector<std::string> Check(const Row& row) {
  Diagnostics load_diags;
  std::optional<Document> user = LoadValuesFile("values.yaml", row.values, {}, &load_diags);
  EXPECT_TRUE(user.has_value()) << row.name;
  if (!user) return {"load failed"};
  CoalesceDefaults(EmbeddedDocument(kChartValues), &*user);
  CheckSettings settings{row.release, SourcePos{"--release", 0, 0}, SourcePos{"values.yaml", 1, 1}};
  Diagnostics diags;
  CheckValues(*user, settings, &diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.Sorted()) {
    EXPECT_FALSE(d.pos.file.empty()) << row.name << ": " << Format(d);
    out.push_back(Format(d));
  }
  return out;
}

const std::string kLong51(51, 'r');

const Row kRows[] = {
    {"defaults_plus_api_key_are_clean", "agent:\n  apiKey: k\n", {}},
    {"integer_beyond_2_pow_53_is_refused",
     "agent:\n  apiKey: k\n  affinity: {x: [9007199254740993]}\n",
     {"3:18: error: agent.affinity.x[0]: integer 9007199254740993 is beyond 2^53: helm reads "
      "numbers as float64 and would change it to 9.007199254740992e+15; quote it if it is text "
      "[values-precision]"}},
    {"integer_2_pow_53_is_kept", "agent:\n  apiKey: k\n  affinity: {x: [9007199254740992]}\n", {}},
    {"missing_api_key",
     "baseUrl: https://api.wandb.ai\n",
     {"1:1: error: agent.apiKey: is required: set it to a W&B API key, or set "
      "agent.useExternalWandbSecret: true and create the Secret wandb-api-key-release-name "
      "yourself [required]"}},
    {"empty_file_points_at_file_start",
     "",
     {"1:1: error: agent.apiKey: is required: set it to a W&B API key [required]"}},
    {"agent_null_is_shape_error",
     "agent: null\n",
     {"1:1: error: agent: must be a mapping, got null [values-shape]"}},
    {"empty_api_key_points_at_it",
     "agent:\n  apiKey: \"\"\n",
     {"2:3: error: agent.apiKey: is required: set it to a W&B API key [required]"}},
    {"missing_api_key_names_release_secret",
     "namespace: wandb\n",
     {"1:1: error: agent.apiKey: create the Secret wandb-api-key-ml yourself [required]"},
     "ml"},
    {"external_secret_skips_api_key", "agent:\n  useExternalWandbSecret: true\n", {}},
    {"external_secret_not_boolean",
     "agent:\n  useExternalWandbSecret: \"yes\"\n",
     {"1:1: error: agent.apiKey: is required [required]",
      "2:3: error: agent.useExternalWandbSecret: must be true or false, got string \"yes\" "
      "[values-shape]"}},
    {"launch_config_null",
     "agent:\n  apiKey: k\nlaunchConfig: null\n",
     {"3:1: error: launchConfig: is required: it is null; set it to the contents of your launch "
      "agent config file [required]"}},
    {"launch_config_empty",
     "agent:\n  apiKey: k\nlaunchConfig: \"  \\n\"\n",
     {"3:1: error: launchConfig: is required: it is empty; set it to the contents [required]"}},
    {"launch_config_mapping",
     "agent:\n  apiKey: k\nlaunchConfig:\n  queues: [q]\n",
     {"3:1: error: launchConfig: must be a string holding the launch agent config file, got a "
      "mapping: write \"launchConfig: |\" [values-shape]"}},
    {"launch_config_list",
     "agent:\n  apiKey: k\nlaunchConfig: [a]\n",
     {"3:1: error: launchConfig: must be a string holding the launch agent config file, got a "
      "list [values-shape]"}},
    {"reserved_app_label",
     "agent:\n  apiKey: k\n  labels:\n    app: mine\n",
     {"4:5: error: agent.labels.app: is reserved: the pod's app label is the Deployment selector "
      "(app=launch-agent-release-name) [reserved]"}},
    {"non_string_label_value",
     "agent:\n  apiKey: k\n  labels:\n    team: 3\n    ok: \"x\"\n",
     {"4:5: error: agent.labels.team: must be a string, got integer 3 (quote it: \"3\") "
      "[values-shape]"}},
    {"invalid_label_value",
     "agent:\n  apiKey: k\n  labels:\n    team: \"-bad\"\n",
     {"4:5: error: agent.labels.team: label value \"-bad\" must be letters, digits [names]"}},
    {"reserved_checksum_annotation",
     "agent:\n  apiKey: k\n  podAnnotations:\n    checksum/config: x\n",
     {"4:5: error: agent.podAnnotations[\"checksum/config\"]: is reserved: launch-render sets "
      "it [reserved]"}},
    {"null_service_account_annotation_warns",
     "agent:\n  apiKey: k\nserviceAccount:\n  annotations:\n    iam.gke.io/x:\n",
     {"5:5: warning: serviceAccount.annotations[\"iam.gke.io/x\"]: is null; annotation values "
      "must be strings, so it is emitted as \"\" [values-null]"}},
    {"invalid_namespace",
     "agent:\n  apiKey: k\nnamespace: Bad_NS\n",
     {"3:1: error: namespace: namespace \"Bad_NS\" must be lower-case letters, digits and '-', "
      "starting and ending with a letter or digit (RFC 1123 label) [names]"}},
    {"namespace_too_long",
     "agent:\n  apiKey: k\nnamespace: "
     "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n",
     {"3:1: error: namespace: is 64 characters long, more than the 63 allowed [names]"}},
    {"null_target_namespaces",
     "agent:\n  apiKey: k\nadditionalTargetNamespaces: null\n",
     {"3:1: error: additionalTargetNamespaces: must be a list, got null [values-shape]"}},
    {"bad_target_namespace",
     "agent:\n  apiKey: k\nadditionalTargetNamespaces:\n  - ok\n  - \"\"\n  - Not.Ok\n",
     {"5:5: error: additionalTargetNamespaces[1]: must not be empty [values-shape]",
      "6:5: error: additionalTargetNamespaces[2]: namespace \"Not.Ok\" must be lower-case "
      "[names]"}},
    {"ca_bundle_name_without_key",
     "agent:\n  apiKey: k\ncustomCABundle:\n  configMap:\n    name: my-ca\n",
     {"5:5: error: customCABundle.configMap.name: is set but customCABundle.configMap.key is "
      "not; the CA bundle needs both [ca-bundle]"}},
    {"ca_bundle_key_without_name",
     "agent:\n  apiKey: k\ncustomCABundle:\n  configMap:\n    key: ca.crt\n",
     {"5:5: error: customCABundle.configMap.key: is set but customCABundle.configMap.name is "
      "not; the CA bundle needs both [ca-bundle]"}},
    {"ca_bundle_complete",
     "agent:\n  apiKey: k\ncustomCABundle:\n  configMap:\n    name: my-ca\n"
     "    key: ca.crt\n",
     {}},
    {"ssh_host_with_newline",
     "agent:\n  apiKey: k\nsshAuthSecrets:\n  - name: key\n    host: \"a.com\\nProxyCommand x\"\n",
     {"3:1: warning: sshAuthSecrets: the generated ssh config sets StrictHostKeyChecking no "
      "[ssh-host-keys]",
      "5:5: error: sshAuthSecrets[0].host: ssh host \"a.com\\nProxyCommand x\" is not a single "
      "host name or pattern [names]"}},
    {"ssh_valid_host_only_warns",
     "agent:\n  apiKey: k\nsshAuthSecrets:\n  - name: key\n    host: github.com\n",
     {"3:1: warning: sshAuthSecrets: the generated ssh config sets StrictHostKeyChecking no for "
      "every host, so git over ssh does not verify host keys [ssh-host-keys]"}},
    {"env_var_name_not_a_string",
     "agent:\n  apiKey: k\nadditionalEnvVars:\n  - name: 42\n    value: x\n",
     {"4:5: error: additionalEnvVars[0].name: must be a string, got integer 42; quote the name "
      "[values-type]"}},
    {"env_var_name_with_equals",
     "agent:\n  apiKey: k\nadditionalEnvVars:\n  - name: \"A=B\"\n    value: x\n",
     {"4:5: error: additionalEnvVars[0].name: environment variable name \"A=B\" may only "
      "contain printable ASCII [names]"}},
    {"env_vars_as_mapping",
     "agent:\n  apiKey: k\nadditionalEnvVars:\n  A: b\n",
     {"3:1: error: additionalEnvVars: must be a list of {name, value} entries, got a mapping "
      "[values-shape]"}},
    {"secret_env_var_name_not_config_key",
     "agent:\n  apiKey: k\nadditionalSecretEnvVars:\n  - name: \"A:B\"\n    value: x\n",
     {"4:5: error: additionalSecretEnvVars[0].name: Secret key \"A:B\" may only contain "
      "letters, digits, '-', '_' and '.' [names]"}},
    {"min_available_bad_string",
     "agent:\n  apiKey: k\n  minAvailable: half\n",
     {"3:3: error: agent.minAvailable: must be a non-negative integer or a percentage such as "
      "\"50%\", got string \"half\" [values-shape]"}},
    {"min_available_negative",
     "agent:\n  apiKey: k\n  minAvailable: -1\n",
     {"3:3: error: agent.minAvailable: must be a non-negative integer or a percentage such as "
      "\"50%\", got integer -1 [values-shape]"}},
    {"min_available_fraction",
     "agent:\n  apiKey: k\n  minAvailable: 0.5\n",
     {"3:3: error: agent.minAvailable: got number 0.5 [values-shape]"}},
    {"min_available_user_one_warns",
     "agent:\n  apiKey: k\n  minAvailable: 1\n",
     {"3:3: warning: agent.minAvailable: is 1 with 1 replica: the PodDisruptionBudget never "
      "allows an eviction [pdb-blocks-eviction]"}},
    {"min_available_zero_and_percent_ok", "agent:\n  apiKey: k\n  minAvailable: \"50%\"\n", {}},
    {"azure_key_outside_wandb_warns",
     "agent:\n  apiKey: k\nnamespace: agents\nazureStorageAccessKey: secret\n",
     {"4:1: warning: azureStorageAccessKey: is stored in the Secret azure-storage-access-key in "
      "namespace wandb (where the agent reads it), not in \"agents\" [azure-secret-namespace]"}},
    {"release_at_limit", "agent:\n  apiKey: k\n", {}, std::string(50, 'r')},
    {"release_too_long",
     "agent:\n  apiKey: k\n",
     {"0:0: error: release name \"" + kLong51 + "\" is too long: the pod label app=launch-agent-" +
      kLong51 +
      " is 64 characters long, more than the 63 allowed (the release name may have at "
      "most 50 characters) [names]"},
     kLong51},
    {"release_invalid",
     "agent:\n  apiKey: k\n",
     {"0:0: error: release name \"My_Release\" must be lower-case letters, digits, '-' and '.' "
      "[names]"},
     "My_Release"},
};

class CheckValuesTable : public testing::TestWithParam<Row> {};

TEST_P(CheckValuesTable, Diagnostics) {
  const Row& row = GetParam();
  std::vector<std::string> actual = Check(row);
  std::string all;
  for (const std::string& a : actual) all += "\n  " + a;
  ASSERT_EQ(actual.size(), row.expected.size()) << "actual:" << all;
  for (size_t i = 0; i < actual.size(); ++i) {
    EXPECT_TRUE(Matches(actual[i], row.expected[i]))
        << "expected: " << row.expected[i] << "\nactual:   " << actual[i];
  }
}

INSTANTIATE_TEST_SUITE_P(Rows, CheckValuesTable, testing::ValuesIn(kRows),
                         [](const testing::TestParamInfo<Row>& p) {
                           return std::string(p.param.name);
                         });

TEST(CheckValues, ReleaseErrorUsesReleasePosition) {
  Diagnostics load_diags;
  std::optional<Document> user = LoadValuesFile("v.yaml", "agent:\n  apiKey: k\n", {}, &load_diags);
  ASSERT_TRUE(user);
  CoalesceDefaults(EmbeddedDocument(kChartValues), &*user);
  Diagnostics diags;
  CheckValues(*user, CheckSettings{"BAD", SourcePos{"--release", 0, 0}, SourcePos{"v.yaml", 1, 1}},
              &diags);
  ASSERT_EQ(diags.all().size(), 1u);
  EXPECT_EQ(diags.all()[0].pos.file, "--release");
  EXPECT_EQ(diags.all()[0].path, "");
  EXPECT_EQ(diags.errors(), 1);
}

TEST(CheckValues, MatcherRejectsWrongParts) {
  const std::string a = "3:1: error: launchConfig: is required: it is null [required]";
  EXPECT_TRUE(Matches(a, "3:1: error: launchConfig: it is null [required]"));
  EXPECT_FALSE(Matches(a, "3:2: error: launchConfig: it is null [required]"));
  EXPECT_FALSE(Matches(a, "3:1: warning: launchConfig: it is null [required]"));
  EXPECT_FALSE(Matches(a, "3:1: error: launchConfig: it is empty [required]"));
  EXPECT_FALSE(Matches(a, "3:1: error: launchConfig: it is null [names]"));
}

}  // namespace
}  // namespace lr

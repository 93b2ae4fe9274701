// Table of the API server rules of render/manifest_rules.h: an object (as the API server reads
// it, nulls already dropped) and every violation reported, "pointer: message [rule]".
#include "render/manifest_rules.h"

#include <gtest/gtest.h>

namespace lr {
namespace {

struct RuleRow {
  const char* name;
  const char* object;  // JSON
  const char* want;    // one line per violation
};

class ManifestRulesTest : public testing::TestWithParam<RuleRow> {};

TEST_P(ManifestRulesTest, ReportsExactly) {
  std::vector<ManifestViolation> out;
  CheckApiServerRules(nlohmann::json::parse(GetParam().object), &out);
  std::string got;
  for (const ManifestViolation& v : out) {
    got +=
        v.pointer + ": " + v.message + " [" + v.rule + "]" + (v.missing ? " (missing)" : "") + "\n";
  }
  EXPECT_EQ(got, GetParam().want) << GetParam().object;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, ManifestRulesTest,
    testing::Values(
        RuleRow{"NamesValid",
                R"({"kind": "ConfigMap", "metadata": {"name": "ok", "namespace": "team-a"}})", ""},
        RuleRow{"NameAndNamespaceSyntax",
                R"({"kind": "ConfigMap", "metadata": {"name": "Bad_Name", "namespace": "bad.ns"}})",
                "/metadata/name: name \"Bad_Name\" must be lower-case letters, digits, '-' and "
                "'.', starting and ending with a letter or digit (RFC 1123 subdomain) [kube-name]\n"
                "/metadata/namespace: namespace \"bad.ns\" must be lower-case letters, digits and "
                "'-', starting and ending with a letter or digit (RFC 1123 label) [kube-name]\n"},
        RuleRow{"NameRequiredEmptyMetadata", R"({"kind": "ConfigMap", "metadata": {}})",
                "/metadata/name: is required: the API server needs a name (or generateName) "
                "[kube-name] (missing)\n"},
        RuleRow{"NameRequiredNoMetadata", R"({"kind": "ConfigMap"})",
                "/metadata/name: is required: the API server needs a name (or generateName) "
                "[kube-name] (missing)\n"},
        RuleRow{"NameRequiredEmptyString", R"({"kind": "ConfigMap", "metadata": {"name": ""}})",
                "/metadata/name: is required: the API server needs a name (or generateName) "
                "[kube-name] (missing)\n"},
        RuleRow{"GenerateNameTrailingDash",
                R"({"kind": "ConfigMap", "metadata": {"generateName": "job-"}})", ""},
        RuleRow{"GenerateNameLeadingDash",
                R"({"kind": "ConfigMap", "metadata": {"generateName": "-job"}})",
                "/metadata/generateName: generateName \"-job\" must be lower-case letters, digits, "
                "'-' and '.', starting and ending with a letter or digit (RFC 1123 subdomain) "
                "[kube-name]\n"},
        RuleRow{"ReviewsNeedNoName", R"({"kind": "TokenReview"})", ""},
        RuleRow{"NamespaceNameIsALabel", R"({"kind": "Namespace", "metadata": {"name": "a.b"}})",
                "/metadata/name: name \"a.b\" must be lower-case letters, digits and '-', starting "
                "and ending with a letter or digit (RFC 1123 label) [kube-name]\n"},
        RuleRow{"ServiceNameValid", R"({"kind": "Service", "metadata": {"name": "web-1"}})", ""},
        RuleRow{
            "ServiceNameIsRfc1035", R"({"kind": "Service", "metadata": {"name": "1web"}})",
            "/metadata/name: name \"1web\" must be lower-case letters, digits and '-', starting "
            "with a letter and ending with a letter or digit (RFC 1035 label) [kube-name]\n"},
        RuleRow{"RbacNameMayHaveColons",
                R"({"kind": "ClusterRoleBinding", "metadata": {"name": "system:x"}})", ""},
        RuleRow{"RbacNameNotDotDot", R"({"kind": "ClusterRole", "metadata": {"name": ".."}})",
                "/metadata/name: name \"..\" may not be '.' or '..' [kube-name]\n"},
        RuleRow{"RbacNameNoPercent", R"({"kind": "ClusterRole", "metadata": {"name": "a%b"}})",
                "/metadata/name: name \"a%b\" may not contain '/' or '%' [kube-name]\n"},
        RuleRow{
            "LabelKeyEmpty",
            R"({"kind": "ConfigMap", "metadata": {"name": "a", "labels": {"k": "", "example.com/k": "v", "": "x"}}})",
            "/metadata/labels/: label key \"\" must be letters, digits, '-', '_' and '.', starting "
            "and ending with a letter or digit, with an optional DNS prefix and '/' "
            "[kube-labels]\n"},
        RuleRow{
            "LabelValueNotStringLeftToSchema",
            R"({"kind": "ConfigMap", "metadata": {"name": "a", "labels": {"k": 5, "k2": "a b"}}})",
            "/metadata/labels/k2: label value \"a b\" must be letters, digits, '-', '_' and '.', "
            "starting and ending with a letter or digit [kube-labels]\n"},
        RuleRow{
            "AnnotationKeys",
            R"({"kind": "ConfigMap", "metadata": {"name": "a", "annotations": {"note": "free text here", "bad key": "x"}}})",
            "/metadata/annotations/bad key: annotation key \"bad key\" must be letters, digits, "
            "'-', '_' and '.', starting and ending with a letter or digit, with an optional DNS "
            "prefix and '/' [kube-labels]\n"},
        RuleRow{
            "TemplateSelectorAndNodeSelectorLabels",
            R"({"kind": "Deployment", "metadata": {"name": "a"}, "spec": {"selector": {"matchLabels": {"app": "-x"}}, "template": {"metadata": {"labels": {"a/b/c": "x"}, "annotations": {"x": "y"}}, "spec": {"nodeSelector": {"zone": "a b"}, "containers": []}}}})",
            "/spec/selector/matchLabels/app: label value \"-x\" must be letters, digits, '-', '_' "
            "and '.', starting and ending with a letter or digit [kube-labels]\n"
            "/spec/template/metadata/labels/a~1b~1c: label key \"a/b/c\" must be letters, digits, "
            "'-', '_' and '.', starting and ending with a letter or digit, with an optional DNS "
            "prefix and '/' [kube-labels]\n"
            "/spec/template/spec/nodeSelector/zone: label value \"a b\" must be letters, digits, "
            "'-', '_' and '.', starting and ending with a letter or digit [kube-labels]\n"},
        RuleRow{
            "MetadataLabelsAnywhere",
            R"({"kind": "ConfigMap", "metadata": {"name": "a"}, "data": {"metadata": {"labels": {"bad key": "x"}}}})",
            "/data/metadata/labels/bad key: label key \"bad key\" must be letters, digits, '-', "
            "'_' and '.', starting and ending with a letter or digit, with an optional DNS prefix "
            "and '/' [kube-labels]\n"},
        RuleRow{
            "ResourcesValid",
            R"({"kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"resources": {"limits": {"cpu": "1", "memory": "1Gi", "hugepages-2Mi": "1Gi", "example.com/dev": 2}, "requests": {"cpu": "500m", "example.com/dev": 2}}}]}})",
            ""},
        RuleRow{
            "NegativeLimitNoRelationNoise",
            R"({"kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"resources": {"limits": {"cpu": "-1"}, "requests": {"memory": "2Gi", "cpu": "1.5"}}}]}})",
            "/spec/containers/0/resources/limits/cpu: must not be negative, got string \"-1\" "
            "[kube-quantity]\n"},
        RuleRow{
            "RequestOverLimit",
            R"({"kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"resources": {"limits": {"memory": "1Gi"}, "requests": {"memory": "1025Mi"}}}]}})",
            "/spec/containers/0/resources/requests/memory: must be less than or equal to the "
            "memory limit 1Gi, got 1025Mi [kube-resources]\n"},
        RuleRow{
            "RequestEqualsLimitInBytes",
            R"({"kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"resources": {"limits": {"memory": "1Gi"}, "requests": {"memory": "1073741824"}}}]}})",
            ""},
        RuleRow{
            "ResourceNames",
            R"({"kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"resources": {"limits": "x", "requests": {"pods": 1, "kubernetes.io/x": 1, "requests.x/y": 1}}}]}})",
            "/spec/containers/0/resources/requests/pods: resource name \"pods\" is not a resource "
            "a container can request: cpu, memory, ephemeral-storage, hugepages-<size>, or an "
            "extended resource with a domain (nvidia.com/gpu) [kube-resources]\n"
            "/spec/containers/0/resources/requests/requests.x~1y: resource name \"requests.x/y\" "
            "does not follow the extended resource name standard [kube-resources]\n"},
        RuleRow{
            "ContainerPorts",
            R"({"kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"ports": [{"containerPort": 1, "hostPort": 0, "name": "a1"}, {"containerPort": 65536, "hostPort": 65536, "name": "1234"}, {"containerPort": "80", "name": "a--b"}, {"containerPort": 80, "name": "-a"}, {"containerPort": 81, "name": "abcdefghijklmnop"}]}]}})",
            "/spec/containers/0/ports/1/containerPort: must be between 1 and 65535, got integer "
            "65536 [kube-ports]\n"
            "/spec/containers/0/ports/1/hostPort: must be between 0 and 65535, got integer 65536 "
            "[kube-ports]\n"
            "/spec/containers/0/ports/1/name: port name \"1234\" must be an IANA service name: at "
            "most 15 lower-case letters, digits and '-', with a letter, without '--' or a '-' at "
            "either end [kube-int-or-string]\n"
            "/spec/containers/0/ports/2/name: port name \"a--b\" must be an IANA service name: at "
            "most 15 lower-case letters, digits and '-', with a letter, without '--' or a '-' at "
            "either end [kube-int-or-string]\n"
            "/spec/containers/0/ports/3/name: port name \"-a\" must be an IANA service name: at "
            "most 15 lower-case letters, digits and '-', with a letter, without '--' or a '-' at "
            "either end [kube-int-or-string]\n"
            "/spec/containers/0/ports/4/name: port name \"abcdefghijklmnop\" must be an IANA "
            "service name: at most 15 lower-case letters, digits and '-', with a letter, without "
            "'--' or a '-' at either end [kube-int-or-string]\n"},
        RuleRow{
            "ProbeAndLifecyclePorts",
            R"({"kind": "Pod", "metadata": {"name": "a"}, "spec": {"containers": [{"livenessProbe": {"httpGet": {"port": "http"}, "tcpSocket": {"port": 70000}, "grpc": {"port": 0}}, "readinessProbe": {"httpGet": {"port": "Http"}}, "lifecycle": {"postStart": {"httpGet": {"port": 0}}}}]}})",
            "/spec/containers/0/livenessProbe/tcpSocket/port: must be between 1 and 65535, got "
            "integer 70000 [kube-ports]\n"
            "/spec/containers/0/livenessProbe/grpc/port: must be between 1 and 65535, got integer "
            "0 [kube-ports]\n"
            "/spec/containers/0/readinessProbe/httpGet/port: port name \"Http\" must be an IANA "
            "service name: at most 15 lower-case letters, digits and '-', with a letter, without "
            "'--' or a '-' at either end [kube-int-or-string]\n"
            "/spec/containers/0/lifecycle/postStart/httpGet/port: must be between 1 and 65535, got "
            "integer 0 [kube-ports]\n"},
        RuleRow{
            "ServicePorts",
            R"({"kind": "Service", "metadata": {"name": "a"}, "spec": {"ports": [{"port": 65535, "targetPort": "http", "nodePort": 0}, {"port": 65536, "targetPort": 0, "nodePort": -1}]}})",
            "/spec/ports/1/port: must be between 1 and 65535, got integer 65536 [kube-ports]\n"
            "/spec/ports/1/targetPort: must be between 1 and 65535, got integer 0 [kube-ports]\n"
            "/spec/ports/1/nodePort: must be between 0 and 65535, got integer -1 [kube-ports]\n"},
        RuleRow{
            "RolloutZeroAndReplicas",
            R"({"kind": "Deployment", "metadata": {"name": "a"}, "spec": {"replicas": -1, "strategy": {"rollingUpdate": {"maxSurge": "0%", "maxUnavailable": "000%"}}}})",
            "/spec/strategy/rollingUpdate/maxUnavailable: may not be 0 when maxSurge is 0 (the "
            "rollout could never progress) [kube-int-or-string]\n"
            "/spec/replicas: must not be negative, got integer -1 [kube-counts]\n"},
        RuleRow{
            "PercentagesAboveAllAllowedForSurge",
            R"({"kind": "Deployment", "metadata": {"name": "a"}, "spec": {"strategy": {"rollingUpdate": {"maxSurge": "200%", "maxUnavailable": "100%"}}}})",
            ""},
        RuleRow{
            "PercentSyntax",
            R"({"kind": "Deployment", "metadata": {"name": "a"}, "spec": {"strategy": {"rollingUpdate": {"maxSurge": "25 %", "maxUnavailable": "0101%"}}}})",
            "/spec/strategy/rollingUpdate/maxSurge: must be a non-negative integer or a percentage "
            "such as \"25%\", got string \"25 %\" [kube-int-or-string]\n"
            "/spec/strategy/rollingUpdate/maxUnavailable: must not be more than 100%, got string "
            "\"0101%\" [kube-int-or-string]\n"},
        RuleRow{
            "DaemonSetBudgets",
            R"({"kind": "DaemonSet", "metadata": {"name": "a"}, "spec": {"updateStrategy": {"rollingUpdate": {"maxSurge": -1, "maxUnavailable": "99999999999999999999%"}}}})",
            "/spec/updateStrategy/rollingUpdate/maxSurge: must not be negative, got integer -1 "
            "[kube-int-or-string]\n"
            "/spec/updateStrategy/rollingUpdate/maxUnavailable: must not be more than 100%, got "
            "string \"99999999999999999999%\" [kube-int-or-string]\n"},
        RuleRow{
            "BudgetAtMostAll",
            R"({"kind": "PodDisruptionBudget", "metadata": {"name": "a"}, "spec": {"minAvailable": "101%"}})",
            "/spec/minAvailable: must not be more than 100%, got string \"101%\" "
            "[kube-int-or-string]\n"},
        RuleRow{"ZeroReplicasValid",
                R"({"kind": "ReplicaSet", "metadata": {"name": "a"}, "spec": {"replicas": 0}})",
                ""},
        RuleRow{
            "JobCountsAndOtherContainerLists",
            R"({"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "a"}, "spec": {"completions": -1, "template": {"spec": {"initContainers": [{"resources": {"limits": {"gpu": 1}}}], "ephemeralContainers": [{"ports": [{"containerPort": 0}]}]}}}})",
            "/spec/template/spec/initContainers/0/resources/limits/gpu: resource name \"gpu\" is "
            "not a resource a container can request: cpu, memory, ephemeral-storage, "
            "hugepages-<size>, or an extended resource with a domain (nvidia.com/gpu) "
            "[kube-resources]\n"
            "/spec/template/spec/ephemeralContainers/0/ports/0/containerPort: must be between 1 "
            "and 65535, got integer 0 [kube-ports]\n"
            "/spec/completions: must not be negative, got integer -1 [kube-counts]\n"},
        RuleRow{
            "VolcanoTasksPodSpecs",
            R"({"apiVersion": "batch.volcano.sh/v1alpha1", "kind": "Job", "metadata": {"name": "a"}, "spec": {"minAvailable": -1, "tasks": [{"template": {"spec": {"containers": [{"resources": {"requests": {"cpu": "-2"}}}]}}}]}})",
            "/spec/tasks/0/template/spec/containers/0/resources/requests/cpu: must not be "
            "negative, got string \"-2\" [kube-quantity]\n"},
        RuleRow{
            "CronJobTemplate",
            R"({"kind": "CronJob", "metadata": {"name": "a"}, "spec": {"jobTemplate": {"metadata": {"labels": {"x": "y z"}}, "spec": {"template": {"spec": {"containers": [{"ports": [{"hostPort": 99999}]}]}}}}}})",
            "/spec/jobTemplate/metadata/labels/x: label value \"y z\" must be letters, digits, "
            "'-', '_' and '.', starting and ending with a letter or digit [kube-labels]\n"
            "/spec/jobTemplate/spec/template/spec/containers/0/ports/0/hostPort: must be between 0 "
            "and 65535, got integer 99999 [kube-ports]\n"},
        RuleRow{"NotAnObject", R"([1, 2])", ""}),
    [](const testing::TestParamInfo<RuleRow>& row) { return std::string(row.param.name); });

}  // namespace
}  // namespace lr

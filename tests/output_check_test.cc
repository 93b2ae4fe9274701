// Tests for the check of what launch-render prints (render/output_check.h): a render's own
// objects are internal errors when they break the schema; a job's, the user's where the queue
// config wrote the node.
#include "render/output_check.h"

#include <gtest/gtest.h>

#include "render/load.h"

namespace lr {
namespace {

Objects One(const char* body, const char* source = "templates/bundle/x.yaml") {
  return {KubeObject{Json::parse(body), source}};
}

std::string Text(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.all()) out += FormatText(x) + "\n";
  return out;
}

TEST(OutputCheckTest, ValidObjectsSayNothing) {
  Diagnostics d;
  ValidateEmitted(One(R"({"apiVersion": "v1", "kind": "ServiceAccount",
                          "metadata": {"name": "a", "namespace": "b"}})"),
                  "", &d);
  EXPECT_EQ(Text(d), "");
  EXPECT_FALSE(HasInternalErrors(d));
}

TEST(OutputCheckTest, ABrokenRenderIsAnInternalError) {
  Diagnostics d;
  ValidateEmitted(One(R"({"apiVersion": "v1", "kind": "ServiceAccount",
                          "metadata": {"name": "a"}, "secretz": []})"),
                  "v1.28", &d);
  EXPECT_EQ(Text(d),
            "templates/bundle/x.yaml: error: ServiceAccount a: /secretz: is not a known field in "
            "Kubernetes v1.28 (Kubernetes v1.28; launch-render rendered an object the API server "
            "would refuse: please report this bug) [internal-schema]\n");
  EXPECT_TRUE(HasInternalErrors(d));
}

TEST(OutputCheckTest, AKindWithoutSchemaIsAnInternalError) {
  Diagnostics d;
  ValidateEmitted(One(R"({"apiVersion": "example.com/v1", "kind": "Widget",
                          "metadata": {"name": "a"}})"),
                  "", &d);
  EXPECT_TRUE(HasInternalErrors(d));
  EXPECT_NE(Text(d).find("Widget a: has no bundled schema (Kubernetes v1.36;"), std::string::npos);
}

TEST(OutputCheckTest, ARenderBlamesTheValuesItCopied) {
  Diagnostics load;
  std::optional<Document> values = LoadValuesFile("values.yaml", R"(agent:
  minAvailable: 150%
  tolerations:
    - key: a
      operator: Sometimes
  replicas: 1
)",
                                                  {}, &load);
  ASSERT_TRUE(values.has_value());
  Objects objects = One(R"({"apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
      "metadata": {"name": "p"}, "spec": {"minAvailable": "150%", "maxUnavailable": "150%"}})",
                        "templates/bundle/pdb.yaml");
  objects.push_back({Json::parse(R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "x"},
      "spec": {"containers": [{"name": "c"}], "tolerations": [{"key": "a",
      "operator": "Sometimes"}]}})"),
                     "templates/bundle/pod.yaml"});
  Diagnostics d;
  ValidateRendered(objects, *values, "", &d);
  EXPECT_EQ(Text(d),
            "templates/bundle/pdb.yaml: error: PodDisruptionBudget p: /spec/maxUnavailable: must "
            "not be more than 100%, got string \"150%\" (Kubernetes v1.36; launch-render rendered "
            "an object the API server would refuse: please report this bug) [internal-schema]\n"
            "values.yaml:2:3: error: agent.minAvailable: must not be more than 100%, got string "
            "\"150%\" (PodDisruptionBudget p: /spec/minAvailable) [kube-int-or-string]\n"
            "values.yaml:5:7: error: agent.tolerations[0].operator: must be one of \"Equal\", "
            "\"Exists\", \"Gt\", \"Lt\", got string \"Sometimes\" (Pod x: "
            "/spec/tolerations/0/operator) [kube-schema]\n");
}

TEST(OutputCheckTest, AJobBlamesTheQueueConfigForWhatItWrote) {
  Diagnostics load;
  std::optional<std::vector<Document>> q = LoadStream("queue.yaml", R"(metadata:
  name: Train
  typo: 1
spec:
  template:
    spec:
      containers:
        - name: main
          resources:
            limits:
              cpu: lots
)",
                                                      {}, &load);
  ASSERT_TRUE(q.has_value());
  Objects objects = One(R"({"apiVersion": "batch/v1", "kind": "Job",
      "metadata": {"name": "Train", "labels": {"x": "y"}, "typo": 1},
      "spec": {"template": {"spec": {"restartPolicy": "Never", "containers": [{"name": "main",
        "resources": {"limits": {"cpu": "lots"}}}]}}}})",
                        "queue-config");
  objects.push_back({Json::parse(R"({"apiVersion": "v1", "kind": "Secret",
                                     "metadata": {"name": "k", "namespace": "Bad"}})"),
                     "agent"});
  Diagnostics d;
  ValidateSubmitted(objects, (*q)[0], "", &d);
  EXPECT_EQ(Text(d),
            "queue.yaml:3:3: warning: Job Train: /metadata/typo: is not a known field in "
            "Kubernetes v1.36: the API server drops it from the agent's request [kube-schema]\n"
            "queue.yaml:11:15: error: Job Train: "
            "/spec/template/spec/containers/0/resources/limits/cpu: must be a quantity: a number "
            "with an optional suffix (500m, 2, 1.5Gi, 1e3), got string \"lots\" [kube-schema]\n"
            "queue.yaml:2:3: error: Job Train: /metadata/name: name \"Train\" must be lower-case "
            "letters, digits, '-' and '.', starting and ending with a letter or digit (RFC 1123 "
            "subdomain) [kube-name]\n"
            "agent: error: Secret k: /metadata/namespace: namespace \"Bad\" must be lower-case "
            "letters, digits and '-', starting and ending with a letter or digit (RFC 1123 label) "
            "(Kubernetes v1.36; launch-render rendered an object the API server would refuse: "
            "please report this bug) [internal-schema]\n");
  Diagnostics again;  // a node an earlier stage reported gets no second word about its field
  again.Warning({"queue.yaml", 3, 3}, "metadata.typo", "is a legacy key", "job");
  ValidateSubmitted(objects, (*q)[0], "", &again);
  EXPECT_EQ(Text(again).find("/metadata/typo: is not a known field"), std::string::npos);
}

}  // namespace
}  // namespace lr

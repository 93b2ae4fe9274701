// Tests for BuildBundle (render/build_bundle.h): which objects exist, their names and
// namespaces, and the data the builder fills in. Values are user YAML over the chart defaults.
#include "render/build_bundle.h"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "render/embedded.h"
#include "render/load.h"
#include "render/values.h"

#include "tests/test_util.h"

namespace lr {
namespace {

Json Values(const std::string& yaml) { return ValuesOverDefaults(yaml); }

Objects Build(const std::string& yaml, const std::string& release = "rel") {
  return BuildBundle(Values(yaml), BundleSettings{release});
}

// "Kind name namespace" of every object, in order.
std::vector<std::string> Summary(const Objects& objects) {
  std::vector<std::string> out;
  for (const KubeObject& o : objects) {
    out.push_back(o.Kind() + " " + o.Name() + " " + o.Namespace());
  }
  return out;
}

std::vector<const KubeObject*> OfKind(const Objects& objects, const std::string& kind) {
  std::vector<const KubeObject*> out;
  for (const KubeObject& o : objects) {
    if (o.Kind() == kind) out.push_back(&o);
  }
  return out;
}

const KubeObject* Named(const Objects& objects, const std::string& kind, const std::string& name) {
  for (const KubeObject& o : objects) {
    if (o.Kind() == kind && o.Name() == name) return &o;
  }
  return nullptr;
}

const Json& AgentEnv(const Objects& objects, const std::string& release = "rel") {
  const KubeObject* d = Named(objects, "Deployment", "launch-agent-" + release);
  EXPECT_NE(d, nullptr);
  static const Json kNone = Json::array();
  return d ? d->body["spec"]["template"]["spec"]["containers"][0]["env"] : kNone;
}

const Json* EnvNamed(const Json& env, const std::string& name) {
  for (const Json& e : env) {
    if (e.value("name", "") == name) return &e;
  }
  return nullptr;
}

TEST(BuildBundle, DefaultObjectsInTemplateOrder) {
  Objects objects = Build("agent:\n  apiKey: k\n");
  EXPECT_EQ(Summary(objects), (std::vector<std::string>{
                                  "ConfigMap wandb-launch-configmap-rel wandb",
                                  "Deployment launch-agent-rel wandb",
                                  "PodDisruptionBudget launch-agent-rel wandb",
                                  "ServiceAccount wandb-launch-serviceaccount-rel wandb",
                                  "Role wandb-launch-agent-rel wandb",
                                  "ClusterRole wandb-job-creator-rel ",
                                  "RoleBinding wandb-launch-role-binding-rel wandb",
                                  "RoleBinding wandb-launch-cluster-role-binding-rel default",
                                  "RoleBinding wandb-launch-cluster-role-binding-rel wandb",
                                  "Secret wandb-api-key-rel default",
                                  "Secret wandb-api-key-rel wandb",
                              }));
  for (const KubeObject& o : objects) {
    EXPECT_EQ(o.source.rfind("templates/bundle/", 0), 0u) << o.source;
  }
}

TEST(BuildBundle, NamesFollowRelease) {
  Objects objects = Build("agent:\n  apiKey: k\n", "ml-agent");
  EXPECT_NE(Named(objects, "ConfigMap", "wandb-launch-configmap-ml-agent"), nullptr);
  EXPECT_NE(Named(objects, "Deployment", "launch-agent-ml-agent"), nullptr);
  EXPECT_NE(Named(objects, "ClusterRole", "wandb-job-creator-ml-agent"), nullptr);
  const KubeObject* rb = Named(objects, "RoleBinding", "wandb-launch-role-binding-ml-agent");
  ASSERT_NE(rb, nullptr);
  EXPECT_EQ(rb->body["subjects"][0]["name"], "wandb-launch-serviceaccount-ml-agent");
  EXPECT_EQ(rb->body["subjects"][0]["namespace"], "wandb");
  EXPECT_EQ(rb->body["roleRef"]["name"], "wandb-launch-agent-ml-agent");
  const Json& env = AgentEnv(objects, "ml-agent");
  ASSERT_NE(EnvNamed(env, "WANDB_RELEASE_NAME"), nullptr);
  EXPECT_EQ((*EnvNamed(env, "WANDB_RELEASE_NAME"))["value"], "ml-agent");
  EXPECT_EQ(Named(objects, "Deployment", "launch-agent-rel"), nullptr);
}

TEST(BuildBundle, ApiKeySecretPerUniqueTargetNamespace) {
  Objects objects = Build(
      "agent:\n  apiKey: sekrit\nnamespace: agents\n"
      "additionalTargetNamespaces: [b, a, b, agents, c]\n");
  std::vector<std::string> secrets, bindings;
  for (const KubeObject* s : OfKind(objects, "Secret")) {
    EXPECT_EQ(s->Name(), "wandb-api-key-rel");
    EXPECT_EQ(s->body["stringData"]["password"], "sekrit");
    EXPECT_EQ(s->body["type"], "kubernetes.io/basic-auth");
    secrets.push_back(s->Namespace());
  }
  EXPECT_TRUE(OfKind(objects, "ClusterRoleBinding").empty());
  for (const KubeObject* b : OfKind(objects, "RoleBinding")) {
    if (b->Name() != "wandb-launch-cluster-role-binding-rel") continue;
    EXPECT_EQ(b->body["roleRef"]["kind"], "ClusterRole");
    EXPECT_EQ(b->body["subjects"][0]["namespace"], "agents");
    EXPECT_EQ(b->body["roleRef"]["name"], "wandb-job-creator-rel");
    bindings.push_back(b->Namespace());
  }
  EXPECT_EQ(secrets, (std::vector<std::string>{"b", "a", "agents", "c"}));
  EXPECT_EQ(bindings, secrets);
  EXPECT_EQ(TargetNamespaces(Values("namespace: agents\nadditionalTargetNamespaces: [b, a, b, "
                                    "agents, c]\n")),
            (std::vector<std::string>{"b", "a", "agents", "c"}));
}

TEST(BuildBundle, AgentNamespaceAppendedWhenNotListed) {
  EXPECT_EQ(TargetNamespaces(Values("namespace: x\nadditionalTargetNamespaces: [ns-y]\n")),
            (std::vector<std::string>{"ns-y", "x"}));
  EXPECT_EQ(TargetNamespaces(Values("namespace: x\nadditionalTargetNamespaces: []\n")),
            (std::vector<std::string>{"x"}));
  EXPECT_EQ(TargetNamespaces(Values("")), (std::vector<std::string>{"default", "wandb"}));
}

TEST(BuildBundle, NoApiKeySecretWithExternalSecret) {
  Objects objects = Build("agent:\n  useExternalWandbSecret: true\n");
  EXPECT_TRUE(OfKind(objects, "Secret").empty());
  // The Deployment still reads the key from the (user-made) Secret.
  const Json* key = EnvNamed(AgentEnv(objects), "WANDB_API_KEY");
  ASSERT_NE(key, nullptr);
  EXPECT_EQ((*key)["valueFrom"]["secretKeyRef"]["name"], "wandb-api-key-rel");
}

TEST(BuildBundle, GitCredsSecret) {
  Objects objects =
      Build("agent:\n  apiKey: k\nnamespace: agents\ngitCreds: |\n  https://u:t@example.com\n");
  const KubeObject* s = Named(objects, "Secret", "git-creds");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->Namespace(), "agents");
  EXPECT_EQ(s->body["type"], "Opaque");
  EXPECT_EQ(s->body["stringData"], Json::parse(R"({".git-credentials":"https://u:t@example.com\n",
      ".gitconfig":"[credential]\n  helper = store\n"})"));
  EXPECT_EQ(objects.back().Name(), "git-creds");
}

TEST(BuildBundle, AzureStorageSecretAlwaysInWandb) {
  Objects objects = Build("agent:\n  apiKey: k\nnamespace: agents\nazureStorageAccessKey: az\n");
  const KubeObject* s = Named(objects, "Secret", "azure-storage-access-key");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->Namespace(), "wandb");
  EXPECT_EQ(s->body["stringData"], Json::parse(R"({"password":"az"})"));
}

TEST(BuildBundle, SecretEnvVarsInAgentNamespaceBase64) {
  Objects objects = Build(
      "agent:\n  apiKey: k\nnamespace: agents\nadditionalSecretEnvVars:\n"
      "  - name: TOKEN\n    value: foo\n  - name: NUM\n    value: 12\n  - name: EMPTY\n");
  const KubeObject* s = Named(objects, "Secret", "launch-agent-secret-env-vars");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->Namespace(), "agents");
  EXPECT_EQ(s->body["data"], Json::parse(R"({"TOKEN":"Zm9v","NUM":"MTI=","EMPTY":""})"));
  const Json* token = EnvNamed(AgentEnv(objects), "TOKEN");
  ASSERT_NE(token, nullptr);
  EXPECT_EQ(*token, Json::parse(R"({"name":"TOKEN","valueFrom":{"secretKeyRef":
      {"name":"launch-agent-secret-env-vars","key":"TOKEN"}}})"));
}

TEST(BuildBundle, NoOptionalSecretsByDefault) {
  Objects objects = Build("agent:\n  apiKey: k\n");
  EXPECT_EQ(Named(objects, "Secret", "git-creds"), nullptr);
  EXPECT_EQ(Named(objects, "Secret", "azure-storage-access-key"), nullptr);
  EXPECT_EQ(Named(objects, "Secret", "launch-agent-secret-env-vars"), nullptr);
  EXPECT_EQ(Named(objects, "ConfigMap", "ssh-config-rel"), nullptr);
}

TEST(BuildBundle, LaunchConfigText) {
  const std::pair<const char*, const char*> cases[] = {
      {"a: 1", "\na: 1\n"},
      {"a: 1\n", "\na: 1\n"},
      {"a: 1\n\n\n", "\na: 1\n"},
      {"a: 1\n  \n\t\n", "\na: 1\n"},
      {"x:\n  - y\n\nz: 2\n\n", "\nx:\n  - y\n\nz: 2\n"},
  };
  for (const auto& [config, expected] : cases) {
    Json values = Values("agent:\n  apiKey: k\n");
    values["launchConfig"] = config;
    Objects objects = BuildBundle(values, BundleSettings{"rel"});
    const KubeObject* cm = Named(objects, "ConfigMap", "wandb-launch-configmap-rel");
    ASSERT_NE(cm, nullptr);
    EXPECT_EQ(cm->body["data"]["launch-config.yaml"], expected) << Json(config).dump();
    EXPECT_EQ(cm->body["data"]["wandb-base-url"], "https://api.wandb.ai");
  }
}

TEST(BuildBundle, EnvValuesBecomeStrings) {
  Objects objects = Build(
      "agent:\n  apiKey: k\n  startTimeout: 900\nadditionalEnvVars:\n"
      "  - name: INT\n    value: 1\n  - name: BOOL\n    value: true\n"
      "  - name: FLOAT\n    value: 1.5\n  - name: BIG\n    value: 1e3\n"
      "  - name: NONE\n  - name: STR\n    value: \"007\"\n");
  const Json& env = AgentEnv(objects);
  const std::pair<const char*, const char*> expected[] = {{"INT", "1"},
                                                          {"BOOL", "true"},
                                                          {"FLOAT", "1.5"},
                                                          {"BIG", "1000"},
                                                          {"NONE", ""},
                                                          {"STR", "007"},
                                                          {"WANDB_LAUNCH_START_TIMEOUT", "900"}};
  for (const auto& [name, value] : expected) {
    const Json* e = EnvNamed(env, name);
    ASSERT_NE(e, nullptr) << name;
    ASSERT_TRUE((*e)["value"].is_string()) << name << ": " << e->dump();
    EXPECT_EQ((*e)["value"], value) << name;
  }
  // User variables come after the fixed ones, in order.
  std::vector<std::string> tail;
  for (size_t i = env.size() - 6; i < env.size(); ++i)
    tail.push_back(env[i]["name"].get<std::string>());
  EXPECT_EQ(tail, (std::vector<std::string>{"INT", "BOOL", "FLOAT", "BIG", "NONE", "STR"}));
}

TEST(BuildBundle, LabelsAndAnnotationsAreStrings) {
  Objects objects = Build(
      "agent:\n  apiKey: k\n  labels:\n    team: ml\n  podAnnotations:\n"
      "    a: b\nserviceAccount:\n  annotations:\n    x.io/y:\n");
  const KubeObject* d = Named(objects, "Deployment", "launch-agent-rel");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->body["spec"]["template"]["metadata"]["labels"],
            Json::parse(R"({"app":"launch-agent-rel","team":"ml"})"));
  EXPECT_EQ(d->body["spec"]["template"]["metadata"]["annotations"], Json::parse(R"({"a":"b"})"));
  EXPECT_EQ(d->body["spec"]["selector"]["matchLabels"],
            Json::parse(R"({"app":"launch-agent-rel"})"));
  const KubeObject* sa = Named(objects, "ServiceAccount", "wandb-launch-serviceaccount-rel");
  ASSERT_NE(sa, nullptr);
  EXPECT_EQ(sa->body["metadata"]["annotations"], Json::parse(R"({"x.io/y":""})"));
}

TEST(BuildBundle, PodDisruptionBudget) {
  Objects objects = Build("agent:\n  apiKey: k\n  minAvailable: \"50%\"\nnamespace: agents\n");
  const KubeObject* pdb = Named(objects, "PodDisruptionBudget", "launch-agent-rel");
  ASSERT_NE(pdb, nullptr);
  EXPECT_EQ(pdb->Namespace(), "agents");
  EXPECT_EQ(pdb->body["apiVersion"], "policy/v1");
  EXPECT_EQ(pdb->body["spec"], Json::parse(R"({"minAvailable":"50%",
      "selector":{"matchLabels":{"app":"launch-agent-rel"}}})"));

  Objects counted = Build("agent:\n  apiKey: k\n  minAvailable: 0\n");
  const KubeObject* p2 = Named(counted, "PodDisruptionBudget", "launch-agent-rel");
  ASSERT_NE(p2, nullptr);
  EXPECT_EQ(p2->Namespace(), "wandb");
  EXPECT_TRUE(p2->body["spec"]["minAvailable"].is_number_integer());
  EXPECT_EQ(p2->body["spec"]["minAvailable"], 0);
}

TEST(BuildBundle, SshConfigMap) {
  Objects objects = Build(
      "agent:\n  apiKey: k\nsshAuthSecrets:\n  - name: s0\n    host: a.com\n"
      "  - name: s1\n    host: b.com\n");
  ASSERT_GE(objects.size(), 2u);
  EXPECT_EQ(objects[1].Kind(), "ConfigMap");
  EXPECT_EQ(objects[1].Name(), "ssh-config-rel");
  EXPECT_EQ(objects[1].Namespace(), "wandb");
  EXPECT_EQ(objects[1].body["data"]["config"],
            "Host a.com\n  IdentityFile /home/launch_agent/.ssh/id_repo0\n  IdentitiesOnly yes\n"
            "  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n"
            "Host b.com\n  IdentityFile /home/launch_agent/.ssh/id_repo1\n  IdentitiesOnly yes\n"
            "  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n");
}

}  // namespace
}  // namespace lr

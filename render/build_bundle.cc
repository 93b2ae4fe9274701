#include "render/build_bundle.h"

#include <algorithm>

#include "render/base64.h"
#include "render/bundle_names.h"
#include "render/embedded.h"
#include "render/scalar_text.h"

namespace lr {

const Json& ValueAt(const Json& values, const char* pointer) {
  static const Json kNull;
  const Json* v = JsonAt(values, pointer);
  return v ? *v : kNull;
}

std::string TextAt(const Json& values, const char* pointer) {
  const Json& v = ValueAt(values, pointer);
  return v.is_primitive() ? ScalarText(v) : "";
}

const Json& ListAt(const Json& values, const char* pointer) {
  static const Json kEmpty = Json::array();
  const Json& v = ValueAt(values, pointer);
  return v.is_array() ? v : kEmpty;
}

std::vector<std::string> TargetNamespaces(const Json& values) {
  std::vector<std::string> out;
  auto add = [&](const std::string& ns) {
    if (std::find(out.begin(), out.end(), ns) == out.end()) out.push_back(ns);
  };
  for (const Json& ns : ListAt(values, "/additionalTargetNamespaces")) add(ScalarText(ns));
  add(TextAt(values, "/namespace"));
  return out;
}

KubeObject FromSkeleton(const char* name) {
  return KubeObject{Skeleton(name), "templates/bundle/" + std::string(name) + ".yaml"};
}

namespace {

void SetMeta(KubeObject* o, const std::string& name, const std::string& ns) {
  o->body["metadata"]["name"] = name;
  if (!ns.empty()) o->body["metadata"]["namespace"] = ns;
}

// "\n" + the config with exactly one trailing newline: what the upstream template stores
// (its literal block starts with an empty line and clips trailing blank lines).
std::string LaunchConfigText(const std::string& config) {
  size_t end = config.find_last_not_of(" \t\r\n");
  size_t keep = config.find('\n', end == std::string::npos ? 0 : end);
  return "\n" + config.substr(0, keep == std::string::npos ? config.size() : keep) + "\n";
}

KubeObject ConfigMap(const Json& values, const BundleNames& names) {
  KubeObject o = FromSkeleton("config-configmap");
  SetMeta(&o, names.config_map, TextAt(values, "/namespace"));
  o.body["data"]["wandb-base-url"] = TextAt(values, "/baseUrl");
  o.body["data"]["launch-config.yaml"] = LaunchConfigText(TextAt(values, "/launchConfig"));
  return o;
}

std::string SshConfigText(const Json& secrets) {
  std::string out;
  for (size_t i = 0; i < secrets.size(); ++i) {
    std::string n = std::to_string(i);
    out += "Host " + ScalarText(secrets[i]["host"]) + "\n" +
           "  IdentityFile /home/launch_agent/.ssh/id_repo" + n + "\n" +
           "  IdentitiesOnly yes\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n";
  }
  return out;
}

KubeObject SshConfigMap(const Json& values, const BundleNames& names) {
  KubeObject o = FromSkeleton("ssh-configmap");
  SetMeta(&o, names.ssh_config_map, TextAt(values, "/namespace"));
  o.body["data"]["config"] = SshConfigText(ListAt(values, "/sshAuthSecrets"));
  return o;
}

KubeObject ServiceAccount(const Json& values, const BundleNames& names) {
  KubeObject o = FromSkeleton("service-account");
  SetMeta(&o, names.service_account, TextAt(values, "/namespace"));
  const Json& annotations = ValueAt(values, "/serviceAccount/annotations");
  if (annotations.is_object() && !annotations.empty()) {
    Json& out = o.body["metadata"]["annotations"] = Json::object();
    for (const auto& [k, v] : annotations.items()) out[k] = ScalarText(v);  // null -> ""
  }
  return o;
}

void BindTo(KubeObject* o, const BundleNames& names, const std::string& agent_ns,
            const std::string& role) {
  o->body["subjects"][0]["name"] = names.service_account;
  o->body["subjects"][0]["namespace"] = agent_ns;
  o->body["roleRef"]["name"] = role;
}

void AddRbac(const Json& values, const BundleNames& names, const Json& extra_rules, Objects* out) {
  std::string ns = TextAt(values, "/namespace");
  out->push_back(ServiceAccount(values, names));
  KubeObject role = FromSkeleton("role");
  SetMeta(&role, names.role, ns);
  out->push_back(std::move(role));
  KubeObject cluster_role = FromSkeleton("cluster-role");
  SetMeta(&cluster_role, names.cluster_role, "");
  for (const Json& rule : extra_rules) cluster_role.body["rules"].push_back(rule);
  out->push_back(std::move(cluster_role));
  KubeObject binding = FromSkeleton("role-binding");
  SetMeta(&binding, names.role_binding, ns);
  BindTo(&binding, names, ns, names.role);
  out->push_back(std::move(binding));
  for (const std::string& target : TargetNamespaces(values)) {
    KubeObject b = FromSkeleton("cluster-role-binding");
    SetMeta(&b, names.cluster_role_binding, target);
    BindTo(&b, names, ns, names.cluster_role);
    out->push_back(std::move(b));
  }
}

void AddApiKeySecrets(const Json& values, const BundleNames& names, Objects* out) {
  const Json& external = ValueAt(values, "/agent/useExternalWandbSecret");
  if (external.is_boolean() && external.get<bool>()) return;
  for (const std::string& ns : TargetNamespaces(values)) {
    KubeObject s = FromSkeleton("api-key-secret");
    SetMeta(&s, names.api_key_secret, ns);
    s.body["stringData"]["password"] = TextAt(values, "/agent/apiKey");
    out->push_back(std::move(s));
  }
}

void AddOptionalSecrets(const Json& values, Objects* out) {
  std::string ns = TextAt(values, "/namespace");
  if (std::string creds = TextAt(values, "/gitCreds"); !creds.empty()) {
    KubeObject s = FromSkeleton("git-creds-secret");
    s.body["metadata"]["namespace"] = ns;
    s.body["stringData"] =
        Json{{".git-credentials", creds}, {".gitconfig", s.body["stringData"][".gitconfig"]}};
    out->push_back(std::move(s));
  }
  if (std::string key = TextAt(values, "/azureStorageAccessKey"); !key.empty()) {
    KubeObject s = FromSkeleton("azure-storage-secret");
    s.body["stringData"]["password"] = key;
    out->push_back(std::move(s));
  }
  const Json& env = ListAt(values, "/additionalSecretEnvVars");
  if (!env.empty()) {
    KubeObject s = FromSkeleton("secret-env-vars-secret");
    s.body["metadata"]["namespace"] = ns;  // upstream hard-codes "wandb" (chart-defects #2)
    for (const Json& e : env)
      s.body["data"][ScalarText(e["name"])] = Base64Encode(ScalarText(e.value("value", Json())));
    out->push_back(std::move(s));
  }
}

}  // namespace

Objects BuildBundle(const Json& values, const BundleSettings& settings) {
  BundleNames names(settings.release);
  Objects out;
  out.push_back(ConfigMap(values, names));
  if (!ListAt(values, "/sshAuthSecrets").empty()) out.push_back(SshConfigMap(values, names));
  out.push_back(BuildDeployment(values, settings.release));
  out.push_back(BuildPodDisruptionBudget(values, settings.release));
  AddRbac(values, names, settings.extra_cluster_rules, &out);
  AddApiKeySecrets(values, names, &out);
  AddOptionalSecrets(values, &out);
  return out;
}

}  // namespace lr

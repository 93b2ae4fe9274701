// The agent Deployment and PodDisruptionBudget, grown from templates/bundle/deployment.yaml
// and the optional parts in templates/bundle/deployment-parts.yaml.
#include "render/build_bundle.h"
#include "render/bundle_names.h"
#include "render/embedded.h"
#include "render/scalar_text.h"

namespace lr {
namespace {

Json Part(const char* name) { return Skeleton("deployment-parts").at(name); }

// Keys of a values map copied as string text, in the user's order.
Json StringMapAt(const Json& values, const char* pointer) {
  Json out = Json::object();
  const Json& map = ValueAt(values, pointer);
  if (map.is_object()) {
    for (const auto& [k, v] : map.items()) out[k] = ScalarText(v);
  }
  return out;
}

// A map or list value as is, or the empty default for null/absent.
Json TreeAt(const Json& values, const char* pointer, Json empty) {
  const Json& v = ValueAt(values, pointer);
  return v.is_null() ? empty : v;
}

// ordered_json objects are vectors: adding a key to the pod spec moves its children, so the
// container is looked up on every use, never kept as a pointer.
struct PodParts {
  Json* pod;  // spec.template.spec
  Json& Container() { return (*pod)["containers"][0]; }
  void Env(Json e) { Container()["env"].push_back(std::move(e)); }
  void Mount(Json m) { Container()["volumeMounts"].push_back(std::move(m)); }
  void Volume(Json v) { (*pod)["volumes"].push_back(std::move(v)); }
  void Init(Json c) {
    if (!pod->contains("initContainers")) {
      // keep initContainers before containers, as kubectl and the chart print them
      Json reordered = Json::object();
      for (auto& [k, v] : pod->items()) {
        if (k == "containers") reordered["initContainers"] = Json::array();
        reordered[k] = std::move(v);
      }
      *pod = std::move(reordered);
    }
    (*pod)["initContainers"].push_back(std::move(c));
  }
};

void AddUserEnv(const Json& values, PodParts* p) {
  for (const Json& e : ListAt(values, "/additionalEnvVars")) {
    p->Env(Json{{"name", ScalarText(e["name"])}, {"value", ScalarText(e.value("value", Json()))}});
  }
  for (const Json& e : ListAt(values, "/additionalSecretEnvVars")) {
    std::string name = ScalarText(e["name"]);
    p->Env(
        Json{{"name", name},
             {"valueFrom", {{"secretKeyRef", {{"name", kSecretEnvVarsSecret}, {"key", name}}}}}});
  }
}

void AddGitCreds(PodParts* p) {
  for (Json m : Part("gitCredsMounts")) p->Mount(std::move(m));
  p->Volume(Part("gitCredsVolume"));
}

void AddSsh(const Json& secrets, const std::string& image, const BundleNames& names, PodParts* p) {
  Json init = Part("sshInitContainer");
  init["image"] = image;
  p->Init(std::move(init));
  for (size_t i = 0; i < secrets.size(); ++i) {
    std::string n = std::to_string(i);
    Json mount = Part("sshKeyMount");
    mount["name"] = "git-ssh-key-secret-" + n;
    mount["mountPath"] = "/home/launch_agent/.ssh/id_repo" + n;
    mount["subPath"] = "id_repo" + n;
    p->Mount(std::move(mount));
    Json volume = Part("sshKeyVolume");
    volume["name"] = "git-ssh-key-secret-" + n;
    volume["secret"]["secretName"] = ScalarText(secrets[i]["name"]);
    volume["secret"]["items"][0]["path"] = "id_repo" + n;
    p->Volume(std::move(volume));
  }
  p->Mount(Part("sshConfigMount"));
  Json volume = Part("sshConfigVolume");
  volume["configMap"]["name"] = names.ssh_config_map;
  p->Volume(std::move(volume));
}

void AddCaBundle(const std::string& name, const std::string& key, PodParts* p) {
  p->Env(Part("caBundleEnv"));
  p->Mount(Part("caBundleMount"));
  Json volume = Part("caBundleVolume");
  volume["configMap"]["name"] = name;
  volume["configMap"]["items"][0]["key"] = key;
  p->Volume(std::move(volume));
}

void AddKanikoPvc(const std::string& claim, PodParts* p) {
  Json env = Part("kanikoPvcEnv");
  env[0]["value"] = claim;
  for (Json e : env) p->Env(std::move(e));
  p->Mount(Part("kanikoPvcMount"));
  Json volume = Part("kanikoPvcVolume");
  volume["persistentVolumeClaim"]["claimName"] = claim;
  p->Volume(std::move(volume));
}

void FillFixed(const Json& values, const std::string& release, const BundleNames& names, Json* d) {
  (*d)["metadata"]["name"] = names.deployment;
  (*d)["metadata"]["namespace"] = TextAt(values, "/namespace");
  (*d)["spec"]["selector"]["matchLabels"]["app"] = names.deployment;
  Json& meta = (*d)["spec"]["template"]["metadata"];
  meta["labels"]["app"] = names.deployment;
  Json labels =
      StringMapAt(values, "/agent/labels");  // a named copy: items() of a temporary dangles
  for (auto& [k, v] : labels.items()) meta["labels"][k] = v;
  meta["annotations"] = StringMapAt(values, "/agent/podAnnotations");
  Json& pod = (*d)["spec"]["template"]["spec"];
  pod["serviceAccountName"] = names.service_account;
  pod["nodeSelector"] = StringMapAt(values, "/agent/nodeSelector");
  pod["tolerations"] = TreeAt(values, "/agent/tolerations", Json::array());
  pod["affinity"] = TreeAt(values, "/agent/affinity", Json::object());
  pod["volumes"][1]["configMap"]["name"] = names.config_map;
  Json& c = pod["containers"][0];
  c["image"] = TextAt(values, "/agent/image");
  c["resources"] = TreeAt(values, "/agent/resources", Json::object());
  c["imagePullPolicy"] = TextAt(values, "/agent/imagePullPolicy");
  c["env"][0]["valueFrom"]["secretKeyRef"]["name"] = names.api_key_secret;
  c["env"][2]["valueFrom"]["configMapKeyRef"]["name"] = names.config_map;
  c["env"][4]["value"] = TextAt(values, "/agent/startTimeout");
  c["env"][5]["value"] = release;
}

}  // namespace

KubeObject BuildDeployment(const Json& values, const std::string& release) {
  BundleNames names(release);
  KubeObject o = FromSkeleton("deployment");
  FillFixed(values, release, names, &o.body);
  PodParts p{&o.body["spec"]["template"]["spec"]};
  AddUserEnv(values, &p);
  if (!TextAt(values, "/gitCreds").empty()) AddGitCreds(&p);
  const Json& ssh = ListAt(values, "/sshAuthSecrets");
  if (!ssh.empty()) AddSsh(ssh, TextAt(values, "/agent/image"), names, &p);
  std::string ca_name = TextAt(values, "/customCABundle/configMap/name");
  std::string ca_key = TextAt(values, "/customCABundle/configMap/key");
  if (!ca_name.empty() && !ca_key.empty()) AddCaBundle(ca_name, ca_key, &p);
  if (std::string claim = TextAt(values, "/kanikoPvcName"); !claim.empty()) {
    AddKanikoPvc(claim, &p);
    (*p.pod)["securityContext"] = Part("kanikoPodSecurityContext");
  }
  if (std::string secret = TextAt(values, "/kanikoDockerConfigSecret"); !secret.empty()) {
    Json env = Part("kanikoAuthEnv");
    env["value"] = secret;
    p.Env(std::move(env));
  }
  return o;
}

KubeObject BuildPodDisruptionBudget(const Json& values, const std::string& release) {
  BundleNames names(release);
  KubeObject o = FromSkeleton("pod-disruption-budget");
  o.body["metadata"]["name"] = names.deployment;
  o.body["metadata"]["namespace"] = TextAt(values, "/namespace");  // chart-defects #1
  const Json& min = ValueAt(values, "/agent/minAvailable");
  // values_check allows an integer (maybe written 1.0) or a percentage string
  Json count = min.is_string() ? min : Json(static_cast<int64_t>(min.get<double>()));
  o.body["spec"] =
      Json{{"minAvailable", count}, {"selector", {{"matchLabels", {{"app", names.deployment}}}}}};
  return o;
}

}  // namespace lr

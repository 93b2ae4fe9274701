#include "render/kaniko_spec.h"

#include "render/launch_config.h"
#include "render/name_check.h"
#include "render/python_json.h"
#include "render/registry_uri.h"
#include "render/scalar_text.h"

namespace lr {
namespace {

constexpr const char* kRule = "build";
constexpr const char* kKanikoImage = "gcr.io/kaniko-project/executor:v1.11.0";

struct Builder {
  const KanikoSettings& s;
  Diagnostics* d;
  const Json& builder;  // the launch config's builder block
  Registry registry;
  std::string job_name;

  std::string Get(const char* key, const std::string& fallback = "") const {
    return builder.contains(key) && builder[key].is_string() ? builder[key].get<std::string>()
                                                             : fallback;
  }
  void Error(const std::string& pointer, const std::string& message) {
    d->Error(s.config.Locate(pointer),
             PrefixPath(s.path_prefix, PointerToPath(pointer, s.config.root)), message, kRule);
  }
};

Registry ChooseRegistry(const Json& config) {
  Json::json_pointer dest{"/builder/destination"}, uri{"/registry/uri"};
  if (config.contains(dest) && config.at(dest).is_string())
    return RegistryFromUri(config.at(dest).get<std::string>());
  if (config.contains(uri) && config.at(uri).is_string())
    return RegistryFromUri(config.at(uri).get<std::string>());
  return Registry{RegistryKind::kNone, "", "", ""};
}

std::string Context(const Builder& b) {
  if (!b.s.pvc.empty()) return "tar:///context/" + b.s.run_id + ".tgz";
  std::string store = b.Get("build-context-store");
  while (!store.empty() && store.back() == '/') store.pop_back();
  return store + "/" + b.s.run_id + ".tgz";
}

// Defaults in order; a user arg "name=value" replaces its default in place, new ones append.
Json Args(Builder& b, const Json& user, const std::string& image_uri) {
  std::vector<std::pair<std::string, std::string>> args = {{"--context", Context(b)},
                                                           {"--dockerfile", "Dockerfile.wandb"},
                                                           {"--destination", image_uri},
                                                           {"--cache", "true"},
                                                           {"--cache-repo", b.registry.repo_uri},
                                                           {"--snapshot-mode", "redo"},
                                                           {"--compressed-caching", "false"}};
  for (size_t i = 0; user.is_array() && i < user.size(); ++i) {
    std::string arg = user[i].is_primitive() ? ScalarText(user[i]) : "";
    size_t eq = arg.find('=');
    if (eq == std::string::npos) {
      b.Error("/builder/kaniko-config/spec/template/spec/containers/0/args/" + std::to_string(i),
              Quote(arg) +
                  " must be name=value: the agent's kaniko builder crashes on an argument "
                  "without '='");
      continue;
    }
    std::string name = arg.substr(0, eq), value = arg.substr(eq + 1);
    auto it =
        std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
    if (it != args.end())
      it->second = value;
    else
      args.emplace_back(name, value);
  }
  Json out = Json::array();
  for (const auto& [name, value] : args) out.push_back(name + "=" + value);
  return out;
}

void Credentials(Builder& b, Json* volumes, Json* mounts, Json* env, Json* pod_labels) {
  std::string name = b.Get("secret-name"), key = b.Get("secret-key");
  if (!b.s.docker_config_secret.empty()) {
    volumes->push_back(
        {{"name", "kaniko-docker-config"},
         {"secret",
          {{"secretName", b.s.docker_config_secret},
           {"items", Json::array({{{"key", ".dockerconfigjson"}, {"path", "config.json"}}})}}}});
    mounts->push_back({{"name", "kaniko-docker-config"}, {"mountPath", "/kaniko/.docker"}});
  } else if (!name.empty() && !key.empty()) {
    std::string path;
    if (b.registry.kind == RegistryKind::kEcr) {
      path = "/root/.aws";
    } else if (b.registry.kind == RegistryKind::kGar) {
      path = "/kaniko/.config/gcloud";
    } else {
      b.Error("/builder/secret-name",
              "works only with ECR and Artifact Registry destinations: the "
              "agent's kaniko builder crashes for this registry");
      return;
    }
    volumes->push_back(
        {{"name", "docker-config"}, {"configMap", {{"name", "docker-config-" + b.job_name}}}});
    mounts->push_back({{"name", "docker-config"}, {"mountPath", "/kaniko/.docker"}});
    std::string item = b.registry.kind == RegistryKind::kEcr ? "credentials" : "config.json";
    if (b.registry.kind == RegistryKind::kGar) {
      env->push_back(
          {{"name", "GOOGLE_APPLICATION_CREDENTIALS"}, {"value", path + "/config.json"}});
    }
    volumes->push_back(
        {{"name", name},
         {"secret",
          {{"secretName", name}, {"items", Json::array({{{"key", key}, {"path", item}}})}}}});
    mounts->push_back({{"name", name}, {"mountPath", path}, {"readOnly", true}});
  }
  if (b.registry.kind == RegistryKind::kAcr && b.s.docker_config_secret.empty()) {
    volumes->push_back(
        {{"name", "docker-config"}, {"configMap", {{"name", "docker-config-" + b.job_name}}}});
    mounts->push_back({{"name", "docker-config"}, {"mountPath", "/kaniko/.docker/"}});
    (*pod_labels)["azure.workload.identity/use"] = "true";
  }
}

void SetDefault(Json* o, const char* key, const Json& value) {
  if (!o->contains(key)) (*o)[key] = value;
}

// The namespace and name the agent insists on.
void CheckJobMeta(Builder& b, const Json& meta) {
  if (meta.contains("namespace") && meta["namespace"] != b.s.namespace_) {
    b.Error("/builder/kaniko-config/metadata/namespace",
            "must be the agent's namespace " + Quote(b.s.namespace_) +
                ": the agent always creates the build Job there and the API call fails otherwise");
  }
  if (meta.contains("name") && meta["name"] != b.job_name) {
    b.Error("/builder/kaniko-config/metadata/name",
            "must not be set: the agent waits for the Job " + Quote(b.job_name) +
                " and never sees this one");
  }
}

Json Container(Builder& b, Json container, Json* volumes, Json* pod_labels) {
  Json mounts = container.value("volumeMounts", Json::array());
  Json env = container.value("env", Json::array());
  Json user_args = container.value("args", Json::array());
  if (!b.s.pvc.empty()) {
    volumes->push_back(
        {{"name", "kaniko-pvc"}, {"persistentVolumeClaim", {{"claimName", b.s.pvc}}}});
    mounts.push_back({{"name", "kaniko-pvc"}, {"mountPath", "/context"}});
  }
  if (b.registry.kind == RegistryKind::kEcr)
    env.push_back({{"name", "AWS_REGION"}, {"value", b.registry.region}});
  Json::json_pointer env_type{"/environment/type"};
  const Json& root = b.s.config.root;
  if (root.contains(env_type) && root.at(env_type) == "azure") {
    env.push_back(
        {{"name", "AZURE_STORAGE_ACCESS_KEY"},
         {"valueFrom",
          {{"secretKeyRef", {{"name", "azure-storage-access-key"}, {"key", "password"}}}}}});
  }
  Credentials(b, volumes, &mounts, &env, pod_labels);
  std::string image_uri = b.registry.repo_uri + ":" + b.s.tag;
  container["args"] = Args(b, user_args, image_uri);
  SetDefault(&container, "name", "wandb-container-build");
  SetDefault(&container, "image", b.Get("kaniko-image", kKanikoImage));
  container["volumeMounts"] = mounts;
  container["env"] = env;
  return container;
}

Json AcrConfigMap(const Builder& b) {
  Json auth = {{"credHelpers", {{b.registry.host, "acr-env"}}}};
  return {{"apiVersion", "v1"},
          {"kind", "ConfigMap"},
          {"metadata", {{"name", "docker-config-" + b.job_name}, {"namespace", "wandb"}}},
          {"data", {{"config.json", PythonJsonDumps(auth)}}}};
}

// Works on copies and puts them back at the end: inserting into an ordered_json map moves its
// other members, so references into it must not be held across insertions.
Json Job(Builder& b) {
  const Json empty = Json::object();
  Json job = b.builder.value("kaniko-config", empty);
  if (!job.is_object()) job = empty;
  auto member = [&](const Json& parent, const char* key) {
    return parent.contains(key) && parent[key].is_object() ? parent[key] : empty;
  };
  Json meta = member(job, "metadata"), spec = member(job, "spec");
  Json tmpl = member(spec, "template");
  Json pod_meta = member(tmpl, "metadata"), pod = member(tmpl, "spec");
  Json pod_labels = member(pod_meta, "labels");
  Json volumes = pod.value("volumes", Json::array());
  Json containers = pod.value("containers", Json::array());
  if (!containers.is_array() || containers.size() > 1) return nullptr;  // reported by the check
  Json container = Container(b, containers.empty() ? empty : containers[0], &volumes, &pod_labels);
  SetDefault(&pod, "restartPolicy", "Never");
  SetDefault(&pod, "activeDeadlineSeconds", 1800);
  SetDefault(&pod, "serviceAccountName", b.s.service_account);
  pod["containers"] = Json::array({container});
  pod["volumes"] = volumes;
  pod_labels["wandb"] = "launch";
  pod_meta["labels"] = pod_labels;
  tmpl["metadata"] = pod_meta;
  tmpl["spec"] = pod;
  SetDefault(&spec, "backoffLimit", 0);
  spec["template"] = tmpl;
  CheckJobMeta(b, meta);
  SetDefault(&meta, "namespace", b.s.namespace_);
  SetDefault(&meta, "name", b.job_name);
  Json labels = member(meta, "labels");
  labels["wandb"] = "launch";
  meta["labels"] = labels;
  Json out = {{"apiVersion", "batch/v1"}, {"kind", "Job"}};
  for (auto& [k, v] : job.items()) out[k] = v;
  out["metadata"] = meta;
  out["spec"] = spec;
  return out;
}

}  // namespace

Objects BuildKanikoObjects(const KanikoSettings& s, Diagnostics* diags) {
  const Json& config = s.config.root;
  Json builder = config.value("builder", Json::object());
  if (!builder.is_object() || builder.value("type", "") != "kaniko") {
    diags->Error(
        s.config.Locate("/builder/type"), PrefixPath(s.path_prefix, "builder.type"),
        "must be \"kaniko\" for a build Job (the agent's KanikoBuilder refuses anything else)",
        kRule);
    return {};
  }
  Builder b{s, diags, builder, ChooseRegistry(config), ""};
  b.job_name = b.Get("build-job-name", "wandb-launch-container-build") + "-" + s.run_id;
  if (std::string why = Dns1123LabelError(b.job_name); !why.empty()) {
    diags->Error(SourcePos{"--run-id", 0, 0}, "",
                 "the build Job name " + Quote(b.job_name) + " is invalid: " + why, kRule);
    return {};
  }
  if (b.registry.repo_uri.empty()) {
    b.Error("/builder",
            "has no destination: set builder.destination (the agent cannot push the built image)");
    return {};
  }
  Objects out;
  Json job = Job(b);
  if (job.is_null() || diags->HasErrors()) return {};
  if (b.registry.kind == RegistryKind::kAcr && s.docker_config_secret.empty()) {
    out.push_back({AcrConfigMap(b), "kaniko"});
  }
  out.push_back({job, "kaniko"});
  return out;
}

}  // namespace lr

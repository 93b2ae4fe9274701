// The Job path (batch/v1): KubernetesRunner._inject_defaults, step by step (launch-behavior
// §3.6), with the warnings and refusals of workload-defects.md W1-W9, W19.
#include <algorithm>

#include "render/name_check.h"
#include "render/python_json.h"
#include "render/scalar_text.h"
#include "render/workload_inject.h"

namespace lr {
namespace {

constexpr const char* kRule = "job";

void Warn(const InjectContext& c, const std::string& pointer, const std::string& message) {
  c.diags->Warning(c.config.Locate(pointer), PointerToPath(pointer, c.config.root), message, kRule);
}

void Error(const InjectContext& c, const std::string& pointer, const std::string& message) {
  c.diags->Error(c.config.Locate(pointer), PointerToPath(pointer, c.config.root), message, kRule);
}

// Shallow update: `base` keeps its key order, new keys are appended.
void Update(Json* base, const Json& with) {
  if (!with.is_object()) return;
  for (const auto& [k, v] : with.items()) (*base)[k] = v;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return s;
}

std::string Namespace(const InjectContext& c, const Json& m) {
  const Json& meta = m.value("metadata", Json::object());
  if (meta.is_object() && meta.contains("namespace") && meta["namespace"].is_string()) {
    return meta["namespace"];
  }
  if (m.contains("namespace") && m["namespace"].is_string()) {
    Warn(c, "/namespace",
         "is a legacy key: the agent uses it as the namespace but leaves it in the submitted "
         "Job, which `kubectl apply` rejects; set metadata.namespace instead");
    return m["namespace"];
  }
  return c.run.namespace_;
}

void Name(const InjectContext& c, Json* meta) {
  std::string name = meta->contains("name") && (*meta)["name"].is_string() ? (*meta)["name"] : "";
  if (!name.empty()) {
    std::string why = Dns1123SubdomainError(name);
    if (why.empty() && name.size() > kMaxLabelValue)
      why = "is longer than 63 characters (the job-name label)";
    if (!why.empty()) Error(c, "/metadata/name", Quote(name) + " is not a valid Job name: " + why);
    return;
  }
  if (meta->contains("generateName")) {
    Warn(c, "/metadata/generateName", "is replaced: the agent always sets generateName itself");
  }
  std::string generate =
      MakeNameDnsSafe("launch-" + c.run.entity_name + "-" + Lower(c.run.project_name) + "-");
  std::string why = Dns1123SubdomainError(generate + "abcde");
  if (!why.empty()) {
    Error(c, "/metadata",
          "the agent's generateName " + Quote(generate) + " (from entity " +
              Quote(c.run.entity_name) + " and project " + Quote(c.run.project_name) +
              ") is invalid: " + why + "; set metadata.name, or rename the project");
  }
  meta->erase("name");
  (*meta)["generateName"] = generate;
}

void Labels(const InjectContext& c, Json* meta) {
  Json& labels = (*meta)["labels"];
  if (!labels.is_object()) labels = Json::object();
  labels["wandb.ai/run-id"] = c.run.run_id;
  labels["wandb.ai/monitor"] = "true";
  labels["wandb.ai/agent"] = c.run.agent_name;
}

void PlaceImage(const InjectContext& c, Json* containers, const std::string& base) {
  bool any_image = std::any_of(containers->begin(), containers->end(),
                               [](const Json& x) { return x.is_object() && x.contains("image"); });
  bool literal = std::any_of(containers->begin(), containers->end(), [&](const Json& x) {
    return x.is_object() && x.contains("image") && x["image"] != c.run.image_uri;
  });
  Json& first = (*containers)[0];
  if (c.run.source == "image") {
    if (first.contains("image") && first["image"] != c.run.image_uri) {
      Warn(c, base + "/0/image", "is replaced by the job's image " + Quote(c.run.image_uri));
    }
    first["image"] = c.run.image_uri;
  } else if (!any_image) {
    first["image"] = c.run.image_uri;
  } else {
    if (literal) {
      Warn(c, base,
           "a container has a literal image, so the agent discards the built image " +
               Quote(c.run.image_uri) + " (use ${image_uri})");
    }
    if (!first.contains("image")) Error(c, base + "/0", "gets no image: the pod would be invalid");
  }
}

void Commands(const InjectContext& c, Json* containers, const std::string& base) {
  const Overrides& o = c.overrides;
  std::vector<std::string> entry = o.entry_point ? *o.entry_point : c.run.entry_point;
  int commanded = 0;
  for (Json& container : *containers) {
    if (o.args && !o.args->empty()) container["args"] = *o.args;
    if (!entry.empty() && (!container.contains("command") || o.entry_point)) {
      container["command"] = entry;
      ++commanded;
    }
  }
  if (commanded > 1) {
    Warn(c, base,
         "every container without a command gets the job's entry point (" +
             std::to_string(commanded) + " containers), sidecars included");
  }
}

void Containers(const InjectContext& c, Json* pod, const std::string& base) {
  Json& containers = (*pod)["containers"];
  if (containers.is_array() && containers.empty()) {
    Error(c, base, "is an empty list: the agent crashes on it (leave it out for one container)");
    return;
  }
  if (!containers.is_array()) containers = Json::array({Json::object()});
  for (size_t i = 0; i < containers.size(); ++i) {
    if (!containers[i].is_object()) containers[i] = Json::object();
    if (!containers[i].contains("name")) containers[i]["name"] = "launch" + std::to_string(i);
  }
  PlaceImage(c, &containers, base);
  Commands(c, &containers, base);
  Json env = AgentEnv(c.run, c.overrides, c.api_key_secret);
  for (Json& container : containers) {
    Json& list = container["env"];
    if (!list.is_array()) list = Json::array();
    for (const Json& e : env) list.push_back(e);
  }
}

// spec, spec.template and template.spec must be mappings when present: the agent crashes on
// anything else (it calls .get on them).
bool ShapesOk(const InjectContext& c, const Json& m) {
  bool ok = true;
  std::string pointer;
  const Json* node = &m;
  for (const char* key : {"spec", "template", "spec"}) {
    pointer += std::string("/") + key;
    if (!node->is_object() || !node->contains(key)) break;
    node = &(*node)[key];
    if (!node->is_object()) {
      Error(c, pointer,
            "must be a mapping, got " + DescribeValue(*node) + ": the agent crashes on it");
      ok = false;
      break;
    }
  }
  return ok;
}

}  // namespace

Json BuildJob(const InjectContext& c) {
  const Json& m = c.config.root;
  if (m.value("kind", "Job") == "CronJob") {
    Error(c, "/kind",
          "CronJob takes the agent's Job path: its backoffLimit, image, env and command land in "
          "the CronJob spec and the real jobTemplate gets none; the agent cannot launch it");
    return nullptr;
  }
  if (m.value("apiVersion", "batch/v1") == "batch/v1beta1") {
    Error(c, "/apiVersion",
          "batch/v1beta1 never served Job: the API server rejects it; use batch/v1");
  }
  if (m.contains("metadata") && !m["metadata"].is_object()) {
    Error(c, "/metadata",
          "must be a mapping, got " + DescribeValue(m["metadata"]) + ": the agent crashes on it");
    return nullptr;
  }
  if (!ShapesOk(c, m)) return nullptr;
  Json job = {{"apiVersion", "batch/v1"}, {"kind", "Job"}};
  Update(&job, m);
  Json meta = m.value("metadata", Json::object());
  std::string ns = Namespace(c, m);
  Json spec = {{"backoffLimit", 0}, {"ttlSecondsAfterFinished", 60}};
  Update(&spec, m.value("spec", Json::object()));
  Json tmpl = spec.value("template", Json::object());
  Json pod = {{"restartPolicy", "Never"}};
  Update(&pod, tmpl.value("spec", Json::object()));
  Containers(c, &pod, "/spec/template/spec/containers");
  if (!c.pull_secret.empty()) {
    if (pod.contains("imagePullSecrets")) {
      Warn(c, "/spec/template/spec/imagePullSecrets",
           "is replaced by " + Quote(c.pull_secret) +
               ": the agent's deprecated registry block "
               "makes it create that pull secret and use it instead");
    }
    pod["imagePullSecrets"] = Json::array({{{"name", c.pull_secret}}});
  }
  Labels(c, &meta);
  Name(c, &meta);
  meta["namespace"] = ns;
  tmpl["spec"] = pod;
  Json& tmeta = tmpl["metadata"];
  if (!tmeta.is_object()) tmeta = Json::object();
  if (!tmeta["labels"].is_object()) tmeta["labels"] = Json::object();
  tmeta["labels"]["wandb.ai/monitor"] = "true";
  tmeta["labels"]["wandb.ai/agent"] = c.run.agent_name;
  spec["template"] = tmpl;
  job["metadata"] = meta;
  job["spec"] = spec;
  return job;
}

std::string MakeNameDnsSafe(const std::string& s) {
  std::string out;
  for (char ch : s) {
    char l = ch == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if ((l >= 'a' && l <= 'z') || l == '.' || l == '-') out += l;
  }
  return out.substr(0, 200);
}

Json AgentEnv(const RunContext& r, const Overrides& o, const std::string& api_key_ref) {
  Json env = Json::array();
  auto add = [&](const std::string& name, const std::string& value) {
    env.push_back({{"name", name}, {"value", value}});
  };
  add("WANDB_BASE_URL", r.base_url);
  if (!api_key_ref.empty()) {
    env.push_back(
        {{"name", "WANDB_API_KEY"},
         {"valueFrom", {{"secretKeyRef", {{"name", api_key_ref}, {"key", "password"}}}}}});
  } else {
    add("WANDB_API_KEY", r.api_key.value_or(""));
  }
  if (!r.project_name.empty()) add("WANDB_PROJECT", Lower(r.project_name));
  add("WANDB_ENTITY", r.entity_name);
  add("WANDB_LAUNCH", "True");
  add("WANDB_RUN_ID", r.run_id);
  if (r.source == "image") add("WANDB_DOCKER", r.image_uri);
  if (r.run_name) add("WANDB_NAME", *r.run_name);
  if (r.author) add("WANDB_USERNAME", *r.author);
  if (r.sweep_id) add("WANDB_SWEEP_ID", *r.sweep_id);
  if (r.resume_count > 0) add("WANDB_RESUME", "allow");
  add("WANDB_LAUNCH_QUEUE_NAME", r.queue_name);
  add("WANDB_LAUNCH_QUEUE_ENTITY", r.queue_entity.value_or(r.entity_name));
  add("WANDB_LAUNCH_TRACE_ID", r.trace_id);
  auto chunked = [&](const std::string& name, const std::string& value) {
    constexpr size_t kLimit = 32670;
    if (value.size() <= kLimit) return add(name, value);
    for (size_t i = 0, n = 0; i < value.size(); i += kLimit, ++n) {
      add(name + "_" + std::to_string(n), value.substr(i, kLimit));
    }
  };
  chunked("WANDB_CONFIG", PythonJsonDumps(o.run_config.value_or(r.run_config)));
  chunked("WANDB_LAUNCH_FILE_OVERRIDES", PythonJsonDumps(r.files));
  Json artifacts = Json::object();
  if (r.job) artifacts["_wandb_job"] = *r.job;
  for (const auto& [k, v] : r.artifacts.items()) artifacts[k] = v;
  add("WANDB_ARTIFACTS", PythonJsonDumps(artifacts));
  return env;
}

}  // namespace lr

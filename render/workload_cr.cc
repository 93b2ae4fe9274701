// The custom-resource path (apiVersion other than batch/v1): env into every container found,
// labels, overrides only when given (launch-behavior §3.11, workload-defects W14, W15), and the
// restricted securityContext injection shared with the Job path (§3.10).
#include "render/scalar_text.h"
#include "render/workload_inject.h"

namespace lr {
namespace {

constexpr const char* kRule = "custom-resource";

void Error(const InjectContext& c, const std::string& pointer, const std::string& message) {
  c.diags->Error(c.config.Locate(pointer), PointerToPath(pointer, c.config.root), message, kRule);
}

void Warn(const InjectContext& c, const std::string& pointer, const std::string& message) {
  c.diags->Warning(c.config.Locate(pointer), PointerToPath(pointer, c.config.root), message, kRule);
}

// add_wandb_env: every mapping in a list under a `containers` key, depth first; WANDB_RUN_ID
// only into the first one found.
void AddEnv(Json* node, const Json& env, bool* first) {
  if (node->is_array()) {
    for (Json& x : *node) AddEnv(&x, env, first);
    return;
  }
  if (!node->is_object()) return;
  for (auto& [key, value] : node->items()) {
    if (key == "containers" && value.is_array()) {
      for (Json& container : value) {
        if (!container.is_object()) continue;
        Json& list = container["env"];
        if (!list.is_array()) list = Json::array();
        for (const Json& e : env) {
          if (e["name"] == "WANDB_RUN_ID" && !*first) continue;
          list.push_back(e);
        }
        *first = false;
      }
    }
    AddEnv(&value, env, first);
  }
}

void LabelPodTemplates(Json* node, const std::string& agent) {
  if (node->is_array()) {
    for (Json& x : *node) LabelPodTemplates(&x, agent);
    return;
  }
  if (!node->is_object()) return;
  if (node->contains("spec") && (*node)["spec"].is_object() &&
      (*node)["spec"].contains("containers")) {
    Json& meta = (*node)["metadata"];
    if (!meta.is_object()) meta = Json::object();
    if (!meta["labels"].is_object()) meta["labels"] = Json::object();
    meta["labels"]["wandb.ai/monitor"] = "true";
    meta["labels"]["wandb.ai/agent"] = agent;
  }
  for (auto& [k, v] : node->items()) LabelPodTemplates(&v, agent);
}

void ApplyOverrides(const InjectContext& c, Json* body) {
  const Overrides& o = c.overrides;
  ForEachPodSpec(body, "", [&](Json& pod, const std::string&) {
    if (!pod.contains("containers") || !pod["containers"].is_array()) return;
    for (Json& container : pod["containers"]) {
      if (!container.is_object()) continue;
      if (o.args && !o.args->empty()) container["args"] = *o.args;
      if (o.entry_point) container["command"] = *o.entry_point;
    }
  });
}

}  // namespace

Json BuildCustomResource(const InjectContext& c) {
  Json body = c.config.root;
  std::string api = body.value("apiVersion", "");
  if (api.find('/') == std::string::npos) {
    Error(c, "/apiVersion",
          Quote(api) +
              " has no group: the agent's custom-resource path "
              "crashes on core kinds (it splits apiVersion on '/')");
    return nullptr;
  }
  if (!body.contains("kind") || !body["kind"].is_string()) {
    Error(c, "/kind", "is required: without it the agent uses the version as the kind");
    return nullptr;
  }
  const Json& meta = body.value("metadata", Json::object());
  if (!meta.is_object() || !meta.contains("name") || !meta["name"].is_string()) {
    Error(c, "/metadata",
          "needs a name on the custom-resource path: the agent sets none "
          "(use for example name: ${run_id}-job)");
    return nullptr;
  }
  Warn(c, "",
       "WANDB_API_KEY is a plain value in custom resources (the agent makes no Secret), "
       "and WANDB_RUN_ID goes to the first container only");
  bool first = true;
  AddEnv(&body, AgentEnv(c.run, c.overrides, ""), &first);
  Json& m = body["metadata"];
  if (!m["labels"].is_object()) m["labels"] = Json::object();
  m["labels"]["wandb.ai/monitor"] = "true";
  m["labels"]["wandb.ai/agent"] = c.run.agent_name;
  LabelPodTemplates(&body["spec"], c.run.agent_name);
  ApplyOverrides(c, &body);
  return body;
}

void ForEachPodSpec(Json* node, const std::string& pointer,
                    const std::function<void(Json&, const std::string&)>& fn) {
  if (node->is_array()) {
    for (size_t i = 0; i < node->size(); ++i)
      ForEachPodSpec(&(*node)[i], PointerJoin(pointer, i), fn);
    return;
  }
  if (!node->is_object()) return;
  bool pod = false;
  for (const char* key : {"containers", "initContainers", "ephemeralContainers"}) {
    pod = pod || (node->contains(key) && (*node)[key].is_array());
  }
  if (pod) fn(*node, pointer);
  for (auto& [k, v] : node->items()) ForEachPodSpec(&v, PointerJoin(pointer, k), fn);
}

void InjectRestricted(Json* body, bool image_runs_as_root) {
  ForEachPodSpec(body, "", [&](Json& pod, const std::string&) {
    for (const char* key : {"containers", "initContainers", "ephemeralContainers"}) {
      if (!pod.contains(key) || !pod[key].is_array()) continue;
      for (Json& container : pod[key]) {
        if (!container.is_object()) continue;
        Json sc = {{"allowPrivilegeEscalation", false},
                   {"capabilities", {{"drop", Json::array({"ALL"})}}},
                   {"seccompProfile", {{"type", "RuntimeDefault"}}}};
        if (!image_runs_as_root) sc["runAsNonRoot"] = true;
        container["securityContext"] = sc;
      }
    }
  });
}

}  // namespace lr

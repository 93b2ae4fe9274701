#include "render/workload.h"

#include <optional>
#include <set>

#include "render/base64.h"
#include "render/launch_config.h"
#include "render/load.h"
#include "render/macros.h"
#include "render/pipeline.h"
#include "render/pss_check.h"
#include "render/run_context.h"
#include "render/scalar_text.h"
#include "render/security_scan.h"
#include "render/sha256.h"
#include "render/template_vars.h"
#include "render/workload_inject.h"

namespace lr {
namespace {

std::optional<Document> ReadMapping(const std::string& path, const std::string& what,
                                    YamlDialect dialect, FileSource& files, Diagnostics* d,
                                    std::string* text_out) {
  std::string text, error, name = DisplayName(path);
  if (!files.Read(path, &text, &error)) {
    d->Error(SourcePos{name, 0, 0}, "", "cannot read " + what + ": " + error, "io");
    return std::nullopt;
  }
  LoadOptions options;
  options.dialect = dialect;
  auto docs = LoadStream(name, text, options, d);
  if (!docs) return std::nullopt;
  if (docs->size() != 1 || !(*docs)[0].root.is_object()) {
    d->Error(SourcePos{name, 1, 1}, "", what + " must be one YAML or JSON mapping", "yaml");
    return std::nullopt;
  }
  if (text_out) *text_out = text;
  return std::move((*docs)[0]);
}

// Recursive map merge, `over` wins, lists and scalars replaced.
void MergeOver(Json* base, const Json& over) {
  if (!base->is_object() || !over.is_object()) {
    *base = over;
    return;
  }
  for (const auto& [k, v] : over.items()) {
    if (base->contains(k))
      MergeOver(&(*base)[k], v);
    else
      (*base)[k] = v;
  }
}

bool Stop(const JobRequest& r, Diagnostics* d) {
  if (r.strict) d->PromoteWarnings();
  return d->HasErrors();
}

// The agent's launch config from --values (the launchConfig string, PyYAML rules); an empty
// mapping without --values. Its own problems are `launch-render validate`'s to report.
Json AgentConfig(const JobRequest& r, FileSource& files, Diagnostics* d) {
  if (r.values.empty()) return Json::object();
  auto values = ReadMapping(r.values, "values file", YamlDialect::kGoYamlV2, files, d, nullptr);
  if (!values || !values->root.contains("launchConfig") ||
      !values->root["launchConfig"].is_string()) {
    return Json::object();
  }
  LaunchConfigSource src{values->root["launchConfig"], LineMap::Identity(values->file),
                         "launchConfig"};
  Diagnostics ignored;
  auto config = LoadLaunchConfig(src, &ignored);
  return config ? config->doc.root : Json::object();
}

// The agent tests the raw value: any truthy secure_mode turns it on.
bool SecureMode(const Json& agent) {
  return Truthy(agent.contains("secure_mode") ? &agent["secure_mode"] : nullptr);
}

// The deprecated registry block of type ecr or gcr makes the agent create regcred-RID and put
// it on the pod (builder.destination never does).
std::string PullSecret(const Json& agent, const RunContext& rc) {
  Json::json_pointer type{"/registry/type"};
  if (!agent.contains(type) || !agent.at(type).is_string()) return "";
  std::string t = agent.at(type).get<std::string>();
  return t == "ecr" || t == "gcr" ? "regcred-" + rc.run_id : "";
}

void WrappedConfig(const Document& q, Diagnostics* d) {
  if (q.root.size() == 1 && q.root.contains("kubernetes")) {
    d->Error(q.Locate("/kubernetes"), "kubernetes",
             "wraps the resource: the agent does not unwrap it and would submit a plain batch/v1 "
             "Job with a stray kubernetes field; remove the wrapper",
             "queue-config");
  }
}

// Security findings of the expanded config that the raw scan did not already report.
void ScanAgain(const Document& q, Diagnostics* d) {
  Diagnostics again;
  ScanSecurity(q, &again);
  std::set<std::string> seen;
  for (const Diagnostic& x : d->all()) seen.insert(FormatText(x));
  for (const Diagnostic& x : again.all()) {
    if (seen.count(FormatText(x))) continue;
    Diagnostic y = x;
    y.message += " (after ${macro} expansion)";
    d->Add(y);
  }
}

void CheckPodSecurity(const Document& q, const KubeObject& o, bool as_root, Diagnostics* d) {
  for (const PssViolation& v : CheckRestricted(o.body)) {
    if (as_root && v.control == std::string("runAsNonRoot")) continue;
    std::string name =
        o.Name().empty() ? o.body["metadata"].value("generateName", "") + "*" : o.Name();
    d->Error(q.Locate(v.pointer), o.Kind() + " " + name + ": " + v.pointer,
             v.message + " (Pod Security Standard restricted)", "pod-security");
  }
}

Json ApiKeySecret(const RunContext& rc, const std::string& name, const std::string& ns) {
  return {
      {"apiVersion", "v1"},
      {"kind", "Secret"},
      {"metadata",
       {{"name", name}, {"namespace", ns}, {"labels", {{"wandb.ai/created-by", "launch-agent"}}}}},
      {"type", "kubernetes.io/basic-auth"},
      {"data", {{"password", Base64Encode(*rc.api_key)}}}};
}

// apiVersion and kind, when written, are strings (the agent compares them as such).
bool TypeFieldsAreStrings(const Document& q, Diagnostics* d) {
  bool ok = true;
  for (const char* key : {"apiVersion", "kind"}) {
    auto it = q.root.find(key);
    if (it == q.root.end() || it->is_string()) continue;
    d->Error(q.Locate(std::string("/") + key), key, "must be a string, got " + DescribeValue(*it),
             "job");
    ok = false;
  }
  return ok;
}

}  // namespace

JobResult RenderJob(const JobRequest& r, FileSource& files) {
  JobResult result;
  Diagnostics* d = &result.diags;
  std::string text;
  auto q = ReadMapping(r.queue_config, "queue config", YamlDialect::kPyYaml, files, d, &text);
  if (!q) return result;
  WrappedConfig(*q, d);
  if (!TypeFieldsAreStrings(*q, d)) return result;
  TemplateVariables vars;
  std::map<std::string, Json> values;
  if (TakeTemplateVariables(&*q, &vars, d) && ResolveTemplateValues(r.set_vars, vars, &values, d)) {
    FillTemplates(&*q, vars, values, d);
  }
  q->root.erase("builder");  // the agent takes it out before the runner sees the config
  RunContext rc;
  Overrides ov;
  if (!r.run_context.empty()) {
    if (auto doc =
            ReadMapping(r.run_context, "run context", YamlDialect::kPyYaml, files, d, nullptr))
      ReadRunContext(*doc, &rc, d);
  }
  if (!r.overrides.empty()) {
    if (auto doc =
            ReadMapping(r.overrides, "overrides file", YamlDialect::kPyYaml, files, d, nullptr))
      ReadOverrides(*doc, &ov, d);
  }
  if (rc.run_id.empty()) rc.run_id = Sha256Hex(text).substr(0, 8);
  if (ov.resource_args.is_object() && ov.resource_args.contains("kubernetes")) {
    MergeOver(&q->root, ov.resource_args["kubernetes"]);
  }
  if (Stop(r, d)) return result;
  ScanSecurity(*q, d);
  Json agent = AgentConfig(r, files, d);
  if (SecureMode(agent)) ScanSecureMode(*q, ov.entry_point.has_value(), d);
  ExpandMacros(&*q, rc, d);
  ScanAgain(*q, d);
  if (Stop(r, d)) return result;
  std::string api = q->root.value("apiVersion", "batch/v1");
  bool job_path = api == "batch/v1" || api == "batch/v1beta1";
  std::string secret =
      r.values.empty() ? "wandb-api-key-" + rc.run_id : "wandb-api-key-" + r.release;
  InjectContext ctx{*q, rc, ov, job_path ? secret : "", PullSecret(agent, rc), d};
  Json body = job_path ? BuildJob(ctx) : BuildCustomResource(ctx);
  if (Stop(r, d) || body.is_null()) return result;
  InjectRestricted(&body, r.image_runs_as_root);
  Objects objects;
  if (job_path && rc.api_key) {
    objects.push_back({ApiKeySecret(rc, secret, body["metadata"]["namespace"]), "agent"});
  }
  objects.push_back({body, "queue-config"});
  CheckPodSecurity(*q, objects.back(), r.image_runs_as_root, d);
  ValidateSubmitted(objects, *q, r.kube_version, d);
  if (Stop(r, d)) return result;
  result.output = EmitObjects(objects, r.format);
  result.objects = std::move(objects);
  return result;
}

}  // namespace lr

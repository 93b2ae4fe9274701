#include "render/pipeline.h"

#include <optional>

#include "render/build_bundle.h"
#include "render/checksum.h"
#include "render/embedded.h"
#include "render/embedded_config.h"
#include "render/load.h"
#include "render/order.h"
#include "render/set_values.h"
#include "render/values.h"
#include "render/values_check.h"
#include "render/values_schema.h"
#include "render/workload_rbac.h"

namespace lr {
namespace {

std::optional<Document> ReadValues(const std::string& path, FileSource& files, SourceTexts* texts,
                                   Diagnostics* diags) {
  std::string text, error;
  std::string name = DisplayName(path);
  if (!files.Read(path, &text, &error)) {
    diags->Error(SourcePos{name, 0, 0}, "", "cannot read values file: " + error, "io");
    return std::nullopt;
  }
  std::optional<Document> doc = LoadValuesFile(name, text, LoadOptions{}, diags);
  (*texts)[name] = std::move(text);
  return doc;
}

// Every -f layer merged, lowest precedence first; nullopt when any file failed to load
// (all files are still read, so one run reports the errors of all of them).
std::optional<Document> LoadUserValues(const RenderRequest& request, FileSource& files,
                                       SourceTexts* texts, Diagnostics* diags) {
  Document user;
  user.root = Json::object();
  bool ok = true;
  for (const std::string& path : request.values_files) {
    std::optional<Document> layer = ReadValues(path, files, texts, diags);
    if (!layer) {
      ok = false;
      continue;
    }
    if (ok) MergeUserLayer(*layer, &user);
  }
  if (!ok) return std::nullopt;
  return user;
}

bool ApplySetFlags(const RenderRequest& request, Document* user, Diagnostics* diags) {
  bool ok = true;
  for (size_t i = 0; i < request.set.size(); ++i) {
    ok &= ApplySet(request.set[i], SetKind::kTyped, static_cast<int>(i + 1), user, diags);
  }
  for (size_t i = 0; i < request.set_string.size(); ++i) {
    ok &= ApplySet(request.set_string[i], SetKind::kString, static_cast<int>(i + 1), user, diags);
  }
  return ok;
}

CheckSettings MakeCheckSettings(const RenderRequest& request) {
  CheckSettings s;
  s.release = request.release;
  s.release_pos = SourcePos{"--release", 0, 0};
  std::string first = request.values_files.empty() ? "--set" : request.values_files[0];
  s.fallback = SourcePos{DisplayName(first), request.values_files.empty() ? 0 : 1, 1};
  return s;
}

// Stops the pipeline after a stage: errors stop it, and so do warnings under --strict.
bool StageFailed(bool strict, Diagnostics* diags) {
  if (strict) diags->PromoteWarnings();
  return diags->HasErrors();
}

}  // namespace

std::string DisplayName(const std::string& path) { return path == "-" ? "<stdin>" : path; }

RenderResult RenderBundle(const RenderRequest& request, FileSource& files) {
  RenderResult result;
  Diagnostics* diags = &result.diags;
  SourceTexts texts;
  std::optional<Document> values = LoadUserValues(request, files, &texts, diags);
  if (!values || !ApplySetFlags(request, &*values, diags) || StageFailed(request.strict, diags))
    return result;
  CoalesceDefaults(EmbeddedDocument(kChartValues), &*values);
  CheckSettings check = MakeCheckSettings(request);
  check.texts = &texts;
  CheckValues(*values, check, diags);
  CheckEmbeddedLaunchConfig(*values, texts, diags);
  if (StageFailed(request.strict, diags)) return result;
  CheckValuesSchema(*values, check, diags);
  if (diags->HasErrors()) return result;
  BundleSettings settings;
  settings.release = request.release;
  settings.extra_cluster_rules =
      RulesForQueueConfigs(request.queue_configs, Skeleton("cluster-role")["rules"], files, diags);
  if (diags->HasErrors()) return result;
  Objects objects = BuildBundle(values->root, settings);
  ApplyChecksums(&objects);
  SortForInstall(&objects);
  ValidateRendered(objects, *values, request.kube_version, diags);
  if (diags->HasErrors()) return result;
  result.output = EmitObjects(objects, request.format);
  result.objects = std::move(objects);
  return result;
}

}  // namespace lr

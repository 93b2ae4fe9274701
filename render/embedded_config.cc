#include "render/embedded_config.h"

#include "render/embedded.h"
#include "render/launch_config.h"
#include "render/launch_config_check.h"
#include "render/scalar_text.h"

namespace lr {
namespace {

std::string_view TextOf(const NodePos& pos, const SourceTexts& texts) {
  if (!pos.user) return EmbeddedText(kChartValues);
  auto it = texts.find(pos.value.file);
  return it == texts.end() ? std::string_view() : std::string_view(it->second);
}

LaunchConfigContext ContextFrom(const Document& values) {
  LaunchConfigContext ctx;
  ctx.path_prefix = "launchConfig";
  ctx.in_values = true;
  auto at = [&](const char* pointer) -> const Json* {
    Json::json_pointer p{pointer};
    return values.root.contains(p) ? &values.root.at(p) : nullptr;
  };
  ctx.kaniko_pvc = Truthy(at("/kanikoPvcName"));
  ctx.azure_storage_key = Truthy(at("/azureStorageAccessKey"));
  const Json* ns = at("/namespace");
  ctx.agent_namespace = ns && ns->is_primitive() ? ScalarText(*ns) : "";
  return ctx;
}

}  // namespace

void CheckEmbeddedLaunchConfig(const Document& values, const SourceTexts& texts,
                               Diagnostics* diags) {
  Json::json_pointer p{"/launchConfig"};
  if (!values.root.contains(p) || !values.root.at(p).is_string()) return;
  const std::string& text = values.root.at(p).get_ref<const std::string&>();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return;
  const NodePos* pos = values.Find("/launchConfig");
  if (!pos) return;
  LaunchConfigSource source{text, LineMap::ForValue(TextOf(*pos, texts), *pos, text),
                            "launchConfig"};
  std::optional<LaunchConfig> config = LoadLaunchConfig(source, diags);
  if (config) CheckLaunchConfig(*config, ContextFrom(values), diags);
}

}  // namespace lr

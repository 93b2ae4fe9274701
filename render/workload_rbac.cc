#include "render/workload_rbac.h"

#include <algorithm>
#include <set>

#include "render/load.h"
#include "render/pipeline.h"
#include "render/scalar_text.h"

namespace lr {
namespace {

using Grant = std::pair<std::string, std::string>;  // api group, resource

std::set<Grant> Granted(const Json& rules) {
  std::set<Grant> out;
  for (const Json& rule : rules) {
    for (const Json& group : rule.value("apiGroups", Json::array())) {
      for (const Json& resource : rule.value("resources", Json::array())) {
        out.insert({group.get<std::string>(), resource.get<std::string>()});
      }
    }
  }
  return out;
}

// The group and plural the agent uses for `config`, or nullopt for the Job path.
std::optional<Grant> Needed(const Document& q, Diagnostics* d) {
  const Json& root = q.root;
  auto written = root.find("apiVersion");
  if (written != root.end() && !written->is_string()) {
    d->Error(q.Locate("/apiVersion"), "apiVersion",
             "must be a string, got " + DescribeValue(*written), "queue-config");
    return std::nullopt;
  }
  std::string api = root.value("apiVersion", "batch/v1");
  if (api == "batch/v1" || api == "batch/v1beta1") return std::nullopt;
  size_t slash = api.find('/');
  if (slash == std::string::npos || !root.contains("kind") || !root["kind"].is_string()) {
    d->Error(q.Locate("/apiVersion"), "apiVersion",
             "the agent cannot submit " + Quote(api) +
                 " (a custom resource needs group/version and kind); see launch-render job",
             "queue-config");
    return std::nullopt;
  }
  std::string plural = root["kind"].get<std::string>();
  std::transform(plural.begin(), plural.end(), plural.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return Grant{api.substr(0, slash), plural + "s"};
}

}  // namespace

Json RulesForQueueConfigs(const std::vector<std::string>& paths, const Json& granted,
                          FileSource& files, Diagnostics* diags) {
  std::set<Grant> have = Granted(granted);
  Json rules = Json::array();
  for (const std::string& path : paths) {
    std::string text, error, name = DisplayName(path);
    if (!files.Read(path, &text, &error)) {
      diags->Error(SourcePos{name, 0, 0}, "", "cannot read queue config: " + error, "io");
      continue;
    }
    LoadOptions options;
    options.dialect = YamlDialect::kPyYaml;
    auto docs = LoadStream(name, text, options, diags);
    if (!docs || docs->size() != 1 || !(*docs)[0].root.is_object()) {
      if (docs)
        diags->Error(SourcePos{name, 1, 1}, "", "a queue config must be one mapping", "yaml");
      continue;
    }
    std::optional<Grant> need = Needed((*docs)[0], diags);
    if (!need || have.count(*need)) continue;
    have.insert(*need);
    have.insert({need->first, need->second + "/status"});
    rules.push_back(
        {{"apiGroups", Json::array({need->first})},
         {"resources", Json::array({need->second, need->second + "/status"})},
         {"verbs", Json::array({"create", "get", "watch", "list", "update", "delete", "patch"})}});
  }
  return rules;
}

}  // namespace lr

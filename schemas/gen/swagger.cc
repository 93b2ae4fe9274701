// A Kubernetes OpenAPI v2 spec: every definition is translated (tables keep only the
// reachable ones), and the kinds are the definitions with x-kubernetes-group-version-kind,
// less lists and API machinery (see IsSelectedKind).
#include <stdexcept>

#include "schemas/gen/gen.h"

namespace ksg {
namespace {

const char kQuantity[] = "io.k8s.apimachinery.pkg.api.resource.Quantity";
const char kMetaPrefix[] = "io.k8s.apimachinery.pkg.apis.meta.";
const char kGvk[] = "x-kubernetes-group-version-kind";

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

void AddKind(const std::string& api_version, const std::string& kind, const std::string& definition,
             KindMap* kinds) {
  auto [it, inserted] = (*kinds)[api_version].emplace(kind, definition);
  if (!inserted && it->second != definition) {
    throw std::runtime_error(api_version + " " + kind + " is both " + it->second + " and " +
                             definition);
  }
}

void AddKinds(const std::string& name, const Json& definition, KindMap* kinds) {
  if (!definition.contains(kGvk)) return;
  for (const Json& gvk : definition.at(kGvk)) {
    std::string kind = gvk.at("kind");
    if (!IsSelectedKind(name, kind)) continue;
    AddKind(ApiVersion(gvk.value("group", ""), gvk.at("version")), kind, name, kinds);
  }
}

}  // namespace

// Lists (FooList: kubectl reads them, nobody writes their schema) and everything of
// meta/v1 (Status, WatchEvent, DeleteOptions, APIGroup, APIVersions, APIResourceList...:
// messages of the API itself, carried under dozens of group/versions) are not manifests.
bool IsSelectedKind(const std::string& definition, const std::string& kind) {
  return definition.rfind(kMetaPrefix, 0) != 0 && !EndsWith(kind, "List");
}

// The core group is empty: its apiVersion is the bare version ("v1").
std::string ApiVersion(const std::string& group, const std::string& version) {
  return group.empty() ? version : group + "/" + version;
}

Source FromSwagger(const Json& swagger, Translator* translator) {
  if (!swagger.contains("definitions")) throw std::runtime_error("no definitions");
  Source out;
  for (const auto& [name, definition] : swagger.at("definitions").items()) {
    out.definitions[name] = name == kQuantity ? QuantitySchema() : translator->Schema(definition);
    AddKinds(name, definition, &out.kinds);
  }
  return out;
}

}  // namespace ksg

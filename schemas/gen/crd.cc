// A CustomResourceDefinition: one definition per served version, named
// crd.<group>.<version>.<Kind>, from spec.versions[].schema.openAPIV3Schema.
#include <stdexcept>

#include "schemas/gen/gen.h"

namespace ksg {

void AddCrd(const Json& crd, Translator* translator, Source* out) {
  if (crd.value("kind", "") != "CustomResourceDefinition") {
    throw std::runtime_error("not a CustomResourceDefinition");
  }
  const Json& spec = crd.at("spec");
  const std::string group = spec.at("group");
  const std::string kind = spec.at("names").at("kind");
  for (const Json& version : spec.at("versions")) {
    if (version.value("served", false) != true) continue;
    const std::string name = version.at("name");
    Json body = translator->Schema(version.at("schema").at("openAPIV3Schema"));
    // The API server always accepts these at the top, whether the schema lists them or not.
    if (body.contains("properties")) EnsureObjectFields(&body);
    const std::string definition = "crd." + group + "." + name + "." + kind;
    out->definitions[definition] = body;
    auto [it, inserted] = out->kinds[ApiVersion(group, name)].emplace(kind, definition);
    if (!inserted) throw std::runtime_error(group + "/" + name + " " + kind + " defined twice");
  }
}

}  // namespace ksg

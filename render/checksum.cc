#include "render/checksum.h"

#include "render/go_format.h"
#include "render/sha256.h"

namespace lr {
namespace {

void Annotate(Json* annotations, const std::string& config, const std::string& secret) {
  if (!annotations->is_object()) *annotations = Json::object();
  (*annotations)["checksum/config"] = config;
  (*annotations)["checksum/secret"] = secret;
}

void SetConfigEnv(Json* container, const std::string& config) {
  for (Json& e : (*container)["env"]) {
    if (e.value("name", "") == "CM_CHECKSUM") e["value"] = config;
  }
}

}  // namespace

std::string KindChecksum(const Objects& objects, const std::string& kind) {
  Json bodies = Json::array();
  for (const KubeObject& o : objects) {
    if (o.Kind() == kind) bodies.push_back(o.body);
  }
  return Sha256Hex(GoJson(bodies));
}

void ApplyChecksums(Objects* objects) {
  std::string config = KindChecksum(*objects, "ConfigMap");
  std::string secret = KindChecksum(*objects, "Secret");
  for (KubeObject& o : *objects) {
    if (o.Kind() != "Deployment") continue;
    Annotate(&o.body["metadata"]["annotations"], config, secret);
    Json& pod = o.body["spec"]["template"];
    Annotate(&pod["metadata"]["annotations"], config, secret);
    SetConfigEnv(&pod["spec"]["containers"][0], config);
  }
}

}  // namespace lr

#include "render/kube_object.h"

namespace lr {
namespace {

// obj[key] when obj is a mapping holding that key, else nullptr.
const Json* Member(const Json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

std::string StringOrEmpty(const Json* v) {
  return v && v->is_string() ? v->get<std::string>() : std::string();
}

std::string MetadataString(const Json& body, const char* key) {
  const Json* metadata = Member(body, "metadata");
  return metadata ? StringOrEmpty(Member(*metadata, key)) : std::string();
}

}  // namespace

std::string KubeObject::Kind() const { return StringOrEmpty(Member(body, "kind")); }
std::string KubeObject::Name() const { return MetadataString(body, "name"); }
std::string KubeObject::Namespace() const { return MetadataString(body, "namespace"); }

}  // namespace lr

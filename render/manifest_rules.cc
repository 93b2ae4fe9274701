#include "render/manifest_rules.h"

#include "render/diagnostics.h"
#include "render/document.h"
#include "render/name_check.h"

namespace lr {
namespace {

using nlohmann::json;
using NameCheck = std::string (*)(std::string_view);

constexpr size_t kMaxAnnotationBytes = 256 * 1024;

void Add(std::vector<ManifestViolation>* out, std::string pointer, std::string message,
         const char* rule, bool missing = false) {
  out->push_back({std::move(pointer), std::move(message), rule, missing, false});
}

// Reports `what "text" why` when `check` refuses `text`.
void Syntax(std::vector<ManifestViolation>* out, const std::string& pointer,
            const std::string& text, NameCheck check, std::string_view what, const char* rule) {
  if (std::string why = check(text); !why.empty()) {
    Add(out, pointer, std::string(what) + " " + Quote(text) + " " + why, rule);
  }
}

const std::string* StringMember(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

// RBAC names are path segments (the API server's ValidateRBACName).
std::string PathSegmentError(std::string_view s) {
  if (s == "." || s == "..") return "may not be '.' or '..'";
  if (s.find_first_of("/%") != std::string_view::npos) return "may not contain '/' or '%'";
  return "";
}

// RFC 1035 label (Service names): [a-z]([-a-z0-9]*[a-z0-9])?, at most 63.
std::string Dns1035LabelError(std::string_view s) {
  std::string label = Dns1123LabelError(s);
  if (label.empty() && s.front() >= 'a' && s.front() <= 'z') return "";
  if (s.size() > kMaxDnsLabel) return label;
  return "must be lower-case letters, digits and '-', starting with a letter and ending with a "
         "letter or digit (RFC 1035 label)";
}

NameCheck NameRule(const std::string& kind) {
  if (kind == "Namespace") return Dns1123LabelError;
  if (kind == "Service") return Dns1035LabelError;
  if (kind == "Role" || kind == "ClusterRole" || kind == "RoleBinding" ||
      kind == "ClusterRoleBinding") {
    return PathSegmentError;
  }
  return Dns1123SubdomainError;
}

// TokenReview, SubjectAccessReview...: requests to the API, never stored, need no name.
bool NeedsName(const std::string& kind) {
  return kind.size() < 6 || kind.compare(kind.size() - 6, 6, "Review") != 0;
}

void CheckNames(const json& object, std::vector<ManifestViolation>* out) {
  auto meta = object.find("metadata");
  if (meta != object.end() && !meta->is_object()) return;  // the schema reports it
  const json& m = meta == object.end() ? json::object() : *meta;
  std::string kind = object.value("kind", "");
  const std::string* name = StringMember(m, "name");
  const std::string* generate = StringMember(m, "generateName");
  bool named = name && !name->empty();
  bool generated = generate && !generate->empty();
  if (!named && !generated && NeedsName(kind)) {
    Add(out, "/metadata/name", "is required: the API server needs a name (or generateName)",
        "kube-name", true);
  }
  NameCheck check = NameRule(kind);
  if (named) Syntax(out, "/metadata/name", *name, check, "name", "kube-name");
  if (generated) {
    std::string masked = *generate;  // a random suffix follows: a trailing '-' is fine
    if (masked.back() == '-') masked.back() = 'a';
    if (std::string why = check(masked); !why.empty()) {
      Add(out, "/metadata/generateName", "generateName " + Quote(*generate) + " " + why,
          "kube-name");
    }
  }
  if (const std::string* ns = StringMember(m, "namespace"); ns && !ns->empty()) {
    Syntax(out, "/metadata/namespace", *ns, Dns1123LabelError, "namespace", "kube-name");
  }
}

// Label keys and values; `labels` false: annotation keys (any string value) and their size.
void CheckStringMap(const json& map, const std::string& pointer, bool labels,
                    std::vector<ManifestViolation>* out) {
  size_t bytes = 0;
  for (const auto& [key, value] : map.items()) {
    std::string child = PointerJoin(pointer, key);
    size_t before = out->size();
    Syntax(out, child, key, QualifiedNameError, labels ? "label key" : "annotation key",
           "kube-labels");
    if (!value.is_string()) continue;
    bytes += key.size() + value.get_ref<const std::string&>().size();
    if (labels && out->size() == before) {
      Syntax(out, child, value.get<std::string>(), LabelValueError, "label value", "kube-labels");
    }
  }
  if (!labels && bytes > kMaxAnnotationBytes) {
    Add(out, pointer,
        "annotations are " + std::to_string(bytes) + " bytes in total, more than the " +
            std::to_string(kMaxAnnotationBytes) + " allowed",
        "kube-labels");
  }
}

// Every label map of the object: metadata labels and annotations (the object's and its
// templates'), selectors' matchLabels, pod specs' nodeSelector.
void WalkLabels(const json& node, const std::string& pointer, const std::string& parent_key,
                std::vector<ManifestViolation>* out) {
  if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i) WalkLabels(node[i], PointerJoin(pointer, i), "", out);
    return;
  }
  if (!node.is_object()) return;
  for (const auto& [key, value] : node.items()) {
    std::string child = PointerJoin(pointer, key);
    if (!value.is_object()) {
      WalkLabels(value, child, key, out);
      continue;
    }
    bool meta = parent_key == "metadata";
    if ((meta && key == "labels") || key == "matchLabels" ||
        (key == "nodeSelector" && node.contains("containers"))) {
      CheckStringMap(value, child, true, out);
    } else if (meta && key == "annotations") {
      CheckStringMap(value, child, false, out);
    } else {
      WalkLabels(value, child, key, out);
    }
  }
}

}  // namespace

void CheckMetadataRules(const json& object, std::vector<ManifestViolation>* out) {
  if (!object.is_object()) return;
  CheckNames(object, out);
  WalkLabels(object, "", "", out);
}

void CheckApiServerRules(const json& object, std::vector<ManifestViolation>* out) {
  CheckMetadataRules(object, out);
  CheckWorkloadRules(object, out);
}

}  // namespace lr

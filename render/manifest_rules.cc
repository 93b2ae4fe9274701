#include "render/manifest_rules.h"

#include "render/diagnostics.h"
#include "render/document.h"
#include "render/manifest_reads.h"
#include "render/name_check.h"

namespace lr {
namespace {

using NameCheck = std::string (*)(std::string_view);
using reads::Member;
using reads::Place;
using reads::StringMember;

constexpr size_t kMaxAnnotationBytes = 256 * 1024;

void Add(std::vector<ManifestViolation>* out, std::string pointer, std::string message,
         const char* rule, bool missing = false) {
  out->push_back({std::move(pointer), std::move(message), rule, missing, false});
}

// Reports `what "text" why` at `where` when `check` refuses `text`.
void Syntax(std::vector<ManifestViolation>* out, const Place& where, const std::string& text,
            NameCheck check, std::string_view what, const char* rule) {
  if (std::string why = check(text); !why.empty()) {
    Add(out, where.Pointer(), std::string(what) + " " + Quote(text) + " " + why, rule);
  }
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

template <class J>
void CheckNames(const J& object, std::vector<ManifestViolation>* out) {
  const J* meta = Member(object, "metadata");
  if (meta && !meta->is_object()) return;  // the schema reports it
  const std::string* kind_member = StringMember(object, "kind");
  std::string kind = kind_member ? *kind_member : "";
  const std::string* name = meta ? StringMember(*meta, "name") : nullptr;
  const std::string* generate = meta ? StringMember(*meta, "generateName") : nullptr;
  bool named = name && !name->empty();
  bool generated = generate && !generate->empty();
  if (!named && !generated && NeedsName(kind)) {
    Add(out, "/metadata/name", "is required: the API server needs a name (or generateName)",
        "kube-name", true);
  }
  NameCheck check = NameRule(kind);
  Place root, metadata(root, "metadata");
  if (named) Syntax(out, Place(metadata, "name"), *name, check, "name", "kube-name");
  if (generated) {
    std::string masked = *generate;  // a random suffix follows: a trailing '-' is fine
    if (masked.back() == '-') masked.back() = 'a';
    if (std::string why = check(masked); !why.empty()) {
      Add(out, "/metadata/generateName", "generateName " + Quote(*generate) + " " + why,
          "kube-name");
    }
  }
  const std::string* ns = meta ? StringMember(*meta, "namespace") : nullptr;
  if (ns && !ns->empty()) {
    Syntax(out, Place(metadata, "namespace"), *ns, Dns1123LabelError, "namespace", "kube-name");
  }
}

// Label keys and values; `labels` false: annotation keys (any string value) and their size.
template <class J>
void CheckStringMap(const J& map, const Place& where, bool labels,
                    std::vector<ManifestViolation>* out) {
  size_t bytes = 0;
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (it->is_null()) continue;
    const std::string& key = it.key();
    Place child(where, key);
    size_t before = out->size();
    Syntax(out, child, key, QualifiedNameError, labels ? "label key" : "annotation key",
           "kube-labels");
    if (!it->is_string()) continue;
    const std::string& value = it->template get_ref<const std::string&>();
    bytes += key.size() + value.size();
    if (labels && out->size() == before) {
      Syntax(out, child, value, LabelValueError, "label value", "kube-labels");
    }
  }
  if (!labels && bytes > kMaxAnnotationBytes) {
    Add(out, where.Pointer(),
        "annotations are " + std::to_string(bytes) + " bytes in total, more than the " +
            std::to_string(kMaxAnnotationBytes) + " allowed",
        "kube-labels");
  }
}

// Every label map of the object: metadata labels and annotations (the object's and its
// templates'), selectors' matchLabels, pod specs' nodeSelector.
template <class J>
void WalkLabels(const J& node, const Place& where, std::string_view parent_key,
                std::vector<ManifestViolation>* out) {
  if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i) WalkLabels(node[i], Place(where, i), "", out);
    return;
  }
  if (!node.is_object()) return;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const J& value = *it;
    if (value.is_null()) continue;
    const std::string& key = it.key();
    Place child(where, key);
    if (!value.is_object()) {
      WalkLabels(value, child, key, out);
      continue;
    }
    bool meta = parent_key == "metadata";
    if ((meta && key == "labels") || key == "matchLabels" ||
        (key == "nodeSelector" && Member(node, "containers"))) {
      CheckStringMap(value, child, true, out);
    } else if (meta && key == "annotations") {
      CheckStringMap(value, child, false, out);
    } else {
      WalkLabels(value, child, key, out);
    }
  }
}

template <class J>
void MetadataRules(const J& object, std::vector<ManifestViolation>* out) {
  if (!object.is_object()) return;
  CheckNames(object, out);
  WalkLabels(object, Place(), "", out);
}

}  // namespace

void CheckMetadataRules(const nlohmann::json& object, std::vector<ManifestViolation>* out) {
  MetadataRules(object, out);
}

void CheckMetadataRules(const nlohmann::ordered_json& object, std::vector<ManifestViolation>* out) {
  MetadataRules(object, out);
}

void CheckApiServerRules(const nlohmann::json& object, std::vector<ManifestViolation>* out) {
  CheckMetadataRules(object, out);
  CheckWorkloadRules(object, out);
}

void CheckApiServerRules(const nlohmann::ordered_json& object,
                         std::vector<ManifestViolation>* out) {
  CheckMetadataRules(object, out);
  CheckWorkloadRules(object, out);
}

}  // namespace lr

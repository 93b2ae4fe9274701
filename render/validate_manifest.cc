#include "render/validate_manifest.h"

#include <algorithm>
#include <cctype>

#include "render/manifest_check.h"
#include "render/scalar_text.h"

namespace lr {
namespace {

bool Matches(const std::vector<std::string>& list, const std::string& api_version,
             const std::string& kind) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& entry) {
    return entry == kind || entry == api_version + "/" + kind;
  });
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class ManifestValidator {
 public:
  ManifestValidator(const ManifestSettings& settings, Diagnostics* diags)
      : settings_(settings),
        version_(settings.kube_version.empty() ? NewestKubeVersion() : settings.kube_version),
        diags_(diags) {}

  void Node(const Document& doc, const std::string& base, const Json& object);
  const ResourceCounts& counts() const { return counts_; }

 private:
  void Items(const Document& doc, const std::string& base, const Json& list);
  const std::string* Required(const Document& doc, const std::string& base, const Json& object,
                              const char* key, const std::string& label);
  void NoSchema(const Document& doc, const std::string& base, const std::string& label,
                const std::string& api_version, const std::string& kind);
  void Check(const Document& doc, const std::string& base, const Json& object,
             const std::string& label);
  void Fail(const Document& doc, const std::string& pointer, const std::string& path,
            std::string message, const char* rule) {
    diags_->Error(doc.Locate(pointer), path, std::move(message), rule);
  }

  const ManifestSettings& settings_;
  std::string version_;
  Diagnostics* diags_;
  ResourceCounts counts_;
};

// The non-empty string at `key`, or nullptr after reporting why there is none.
const std::string* ManifestValidator::Required(const Document& doc, const std::string& base,
                                               const Json& object, const char* key,
                                               const std::string& label) {
  auto it = object.find(key);
  std::string path = (label.empty() ? "" : label + ": ") + "/" + key;
  if (it == object.end() || it->is_null()) {
    Fail(doc, base, path, "is required: every Kubernetes object has apiVersion and kind",
         "kube-object");
  } else if (!it->is_string()) {
    Fail(doc, PointerJoin(base, key), path, "must be a string, got " + DescribeValue(*it),
         "kube-object");
  } else if (it->get_ref<const std::string&>().empty()) {
    Fail(doc, PointerJoin(base, key), path, "must not be empty", "kube-object");
  } else {
    return &it->get_ref<const std::string&>();
  }
  ++counts_.errors;
  return nullptr;
}

void ManifestValidator::Node(const Document& doc, const std::string& base, const Json& object) {
  if (!object.is_object()) {
    Fail(doc, base, "", "a Kubernetes object must be a mapping, got " + DescribeValue(object),
         "kube-object");
    ++counts_.errors;
    return;
  }
  const std::string* kind = Required(doc, base, object, "kind", "");
  std::string label = ObjectLabel(object);
  if (!kind) return;
  if (Lower(*kind) == "list") return Items(doc, base, object);
  const std::string* api_version = Required(doc, base, object, "apiVersion", label);
  if (!api_version) return;
  if (Matches(settings_.skip, *api_version, *kind)) {
    ++counts_.skipped;
  } else if (Matches(settings_.reject, *api_version, *kind)) {
    Fail(doc, PointerJoin(base, "kind"), label, "prohibited resource kind " + *kind + " (--reject)",
         "kube-rejected");
    ++counts_.errors;
  } else {
    Check(doc, base, object, label);
  }
}

void ManifestValidator::Items(const Document& doc, const std::string& base, const Json& list) {
  auto items = list.find("items");
  if (items == list.end() || items->is_null()) return;
  if (!items->is_array()) {
    Fail(doc, PointerJoin(base, "items"), "List: /items",
         "must be a list of objects, got " + DescribeValue(*items), "kube-object");
    ++counts_.errors;
    return;
  }
  for (size_t i = 0; i < items->size(); ++i) {
    Node(doc, PointerJoin(PointerJoin(base, "items"), i), (*items)[i]);
  }
}

void ManifestValidator::NoSchema(const Document& doc, const std::string& base,
                                 const std::string& label, const std::string& api_version,
                                 const std::string& kind) {
  std::vector<std::string> others = ApiVersionsOfKind(version_, kind);
  std::string message = "no schema for " + api_version + " " + kind + " in Kubernetes " + version_ +
                        " or the bundled CRDs";
  if (!others.empty()) message += " (it has " + kind + " in " + Join(others) + ")";
  std::string pointer = PointerJoin(base, others.empty() ? "kind" : "apiVersion");
  if (!settings_.ignore_missing_schemas) {
    Fail(doc, pointer, label, message, "kube-no-schema");
    ++counts_.errors;
    return;
  }
  ++counts_.skipped;  // a kind known under another apiVersion is likely a typo: say so
  if (!others.empty()) {
    diags_->Warning(doc.Locate(pointer), label, "skipped: " + message, "kube-no-schema");
  }
}

void ManifestValidator::Check(const Document& doc, const std::string& base, const Json& object,
                              const std::string& label) {
  ManifestCheck check = CheckManifest(object, version_, settings_.variant);
  if (!check.has_schema) {
    return NoSchema(doc, base, label, object["apiVersion"].get<std::string>(),
                    object["kind"].get<std::string>());
  }
  for (const ManifestViolation& v : check.violations) {
    std::string path = label + ": " + (v.pointer.empty() ? "/" : v.pointer);
    Fail(doc, base + v.pointer, path, v.message, v.rule.c_str());
  }
  ++(check.violations.empty() ? counts_.valid : counts_.invalid);
}

}  // namespace

ResourceCounts& ResourceCounts::operator+=(const ResourceCounts& o) {
  valid += o.valid;
  invalid += o.invalid;
  errors += o.errors;
  skipped += o.skipped;
  return *this;
}

ResourceCounts ValidateManifests(const std::vector<Document>& docs,
                                 const ManifestSettings& settings, Diagnostics* diags) {
  ManifestValidator validator(settings, diags);
  for (const Document& doc : docs) {
    if (!doc.root.is_null()) validator.Node(doc, "", doc.root);
  }
  return validator.counts();
}

}  // namespace lr

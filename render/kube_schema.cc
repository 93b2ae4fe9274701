#include "render/kube_schema.h"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <regex>

#include "render/embedded.h"
#include "render/kube_schema_bundle.h"

namespace lr {
namespace {

using nlohmann::json;

constexpr std::string_view kDir = "schemas/kubernetes/";
constexpr const char* kCrds = "crds";
constexpr std::string_view kRefPrefix = "#/definitions/";

// The Quantity grammar exactly as kube-schema-gen writes it (schemas/README.md, "Quantity");
// a test checks that every bundled Quantity carries it.
constexpr std::string_view kQuantityPattern =
    R"(^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$)";
// The same grammar as the CRDs (PyTorchJob, Volcano Job) spell it, with a decimal exponent.
constexpr std::string_view kCrdQuantityPattern =
    R"(^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$)";

const json& Index() {
  static const json index = json::parse(EmbeddedText(std::string(kDir) + "index.json"));
  return index;
}

// Messages a person can act on, for the keywords whose generic message would not help.
void Annotate(json* node, const std::string& where) {
  if (node->is_array()) {
    for (json& item : *node) Annotate(&item, where);
    return;
  }
  if (!node->is_object()) return;
  for (auto& [key, value] : node->items()) Annotate(&value, where);
  auto pattern = node->find("pattern");
  if (pattern != node->end() && (*pattern == kQuantityPattern || *pattern == kCrdQuantityPattern)) {
    (*node)["x-launch-render-message"] =
        "must be a quantity: a number with an optional suffix (500m, 2, 1.5Gi, 1e3)";
  }
  auto format = node->find("format");
  if (format != node->end() && *format == "date-time") {
    (*node)["x-launch-render-message"] = "must be an RFC 3339 date-time (2024-01-31T12:00:00Z)";
  }
  auto extra = node->find("additionalProperties");
  if (extra != node->end() && *extra == false) {
    (*node)["x-launch-render-unknown-key"] = "is not a known field in " + where;
  }
}

bool Bundled(const std::string& version) {
  const auto& v = KubeVersions();
  return std::find(v.begin(), v.end(), version) != v.end();
}

// Everything parsed or compiled so far; one lock guards it all (compiling is rare).
class Catalog {
 public:
  static Catalog& Get() {
    static Catalog* catalog = new Catalog;  // never destroyed: threads may outlive main
    return *catalog;
  }

  const CompiledSchema* Find(const std::string& version, const std::string& api_version,
                             const std::string& kind, SchemaVariant variant) {
    std::lock_guard<std::mutex> lock(mu_);
    std::string table = TableFor(version, api_version, kind);
    if (table.empty()) return nullptr;
    std::string key = table + "\n" + api_version + "\n" + kind +
                      (variant == SchemaVariant::kStrict ? "\ns" : "\nl");
    if (auto it = compiled_.find(key); it != compiled_.end()) return it->second.get();
    std::optional<json> doc = Assemble(table, api_version, kind, variant);
    if (!doc) return nullptr;
    auto compiled = std::make_unique<CompiledSchema>(std::move(*doc));
    return compiled_.emplace(key, std::move(compiled)).first->second.get();
  }

  // Assembled under the lock; compiled outside it.
  std::optional<json> ForObject(const std::string& version, const std::string& api_version,
                                const std::string& kind, SchemaVariant variant,
                                const json& object) {
    std::lock_guard<std::mutex> lock(mu_);
    std::string table = TableFor(version, api_version, kind);
    if (table.empty()) return std::nullopt;
    std::optional<json> doc = AssembleForObject(Store(), Table(table), api_version, kind,
                                                variant == SchemaVariant::kLoose, object);
    if (doc) Annotate(&*doc, Where(table, api_version, kind));
    return doc;
  }

  template <class J>
  std::optional<Verdict> Evaluate(const std::string& version, const std::string& api_version,
                                  const std::string& kind, SchemaVariant variant, const J& object,
                                  EvalOptions options) {
    std::lock_guard<std::mutex> lock(mu_);
    std::string name = TableFor(version, api_version, kind);
    if (name.empty()) return std::nullopt;
    const SchemaTable& table = Table(name);
    FrozenJson entry = Store().Frozen(table.KindId(api_version, kind));
    if (!entry.present()) return Verdict::kUnsure;
    SchemaRefs refs = [&](std::string_view ref) {
      if (ref.substr(0, kRefPrefix.size()) != kRefPrefix) return FrozenJson();
      std::string_view id = table.DefinitionId(ref.substr(kRefPrefix.size()));
      return id.empty() ? FrozenJson() : Store().Frozen(id);
    };
    options.open = variant == SchemaVariant::kLoose;
    return EvaluateSchema(entry, object, refs, options);
  }

  std::optional<json> Document(const std::string& version, const std::string& api_version,
                               const std::string& kind, SchemaVariant variant) {
    std::lock_guard<std::mutex> lock(mu_);
    std::string table = TableFor(version, api_version, kind);
    if (table.empty()) return std::nullopt;
    return Assemble(table, api_version, kind, variant);
  }

  std::vector<std::string> ApiVersions(const std::string& version, const std::string& kind) {
    std::lock_guard<std::mutex> lock(mu_);
    std::vector<std::string> out;
    if (Bundled(version)) out = Table(version).ApiVersionsOf(kind);
    for (const std::string& a : Table(kCrds).ApiVersionsOf(kind)) out.push_back(a);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  Catalog() = default;

  SchemaStore& Store() {
    if (!store_) store_.emplace(Image(std::string(kDir) + Index().value("store", "")));
    return *store_;
  }

  // "v1.30" -> v1.30.json, "crds" -> crds.json; read in place.
  const SchemaTable& Table(const std::string& name) {
    if (auto it = tables_.find(name); it != tables_.end()) return it->second;
    std::string file =
        std::string(kDir) + (name == kCrds ? Index().value("crds", "") : name + ".json");
    return tables_.emplace(name, SchemaTable(Image(file))).first->second;
  }

  // The build-time image of an embedded bundle file (frozen_json.h).
  static FrozenJson Image(const std::string& file) { return FrozenJson::Root(EmbeddedImage(file)); }

  static bool Has(const SchemaTable& table, const std::string& api_version,
                  const std::string& kind) {
    return !table.KindId(api_version, kind).empty();
  }

  // The table that holds the kind ("" for none).
  std::string TableFor(const std::string& version, const std::string& api_version,
                       const std::string& kind) {
    if (!Bundled(version)) return "";
    if (Has(Table(version), api_version, kind)) return version;
    if (Has(Table(kCrds), api_version, kind)) return kCrds;
    return "";
  }

  std::optional<json> Assemble(const std::string& table, const std::string& api_version,
                               const std::string& kind, SchemaVariant variant) {
    std::optional<json> doc =
        AssembleKind(Store(), Table(table), api_version, kind, variant == SchemaVariant::kLoose);
    if (doc) Annotate(&*doc, Where(table, api_version, kind));
    return doc;
  }

  // How unknown-field messages name the schema.
  static std::string Where(const std::string& table, const std::string& api_version,
                           const std::string& kind) {
    return table == kCrds ? "the " + api_version + " " + kind + " CRD" : "Kubernetes " + table;
  }

  std::mutex mu_;
  std::optional<SchemaStore> store_;
  std::map<std::string, SchemaTable> tables_;
  std::map<std::string, std::unique_ptr<CompiledSchema>> compiled_;
};

}  // namespace

const std::vector<std::string>& KubeVersions() {
  static const std::vector<std::string> versions =
      Index().value("kubernetes", std::vector<std::string>{});
  return versions;
}

const std::string& NewestKubeVersion() { return KubeVersions().back(); }

std::optional<std::string> ParseKubeVersion(std::string_view text) {
  static const std::regex kVersion(R"(v?([0-9]+)\.([0-9]+)(\.[0-9]+)?)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(text.begin(), text.end(), m, kVersion)) return std::nullopt;
  std::string version = "v" + m[1].str() + "." + m[2].str();
  if (!Bundled(version)) return std::nullopt;
  return version;
}

const CompiledSchema* FindKubeSchema(const std::string& version, const std::string& api_version,
                                     const std::string& kind, SchemaVariant variant) {
  return Catalog::Get().Find(version, api_version, kind, variant);
}

std::optional<Verdict> EvaluateKubeSchema(const std::string& version,
                                          const std::string& api_version, const std::string& kind,
                                          SchemaVariant variant, const json& object) {
  return Catalog::Get().Evaluate(version, api_version, kind, variant, object, {});
}

std::optional<Verdict> EvaluateKubeSchema(const std::string& version,
                                          const std::string& api_version, const std::string& kind,
                                          SchemaVariant variant,
                                          const nlohmann::ordered_json& object,
                                          EvalOptions reading) {
  return Catalog::Get().Evaluate(version, api_version, kind, variant, object, reading);
}

std::unique_ptr<CompiledSchema> KubeSchemaForObject(const std::string& version,
                                                    const std::string& api_version,
                                                    const std::string& kind, SchemaVariant variant,
                                                    const json& object) {
  std::optional<json> doc = Catalog::Get().ForObject(version, api_version, kind, variant, object);
  if (!doc) return nullptr;
  return std::make_unique<CompiledSchema>(std::move(*doc));
}

std::vector<std::string> ApiVersionsOfKind(const std::string& version, const std::string& kind) {
  return Catalog::Get().ApiVersions(version, kind);
}

std::optional<json> KubeSchemaDocument(const std::string& version, const std::string& api_version,
                                       const std::string& kind, SchemaVariant variant) {
  return Catalog::Get().Document(version, api_version, kind, variant);
}

}  // namespace lr

// kube-schema-gen: Kubernetes OpenAPI v2 specs and CRDs -> draft-07 JSON Schemas, bundled so
// that identical definitions are stored once across versions (see schemas/README.md).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ksg {

// std::map-backed: object keys come out sorted, which makes every output deterministic.
using Json = nlohmann::json;

// apiVersion -> kind -> definition name.
using KindMap = std::map<std::string, std::map<std::string, std::string>>;

// One input translated: JSON Schema bodies by definition name (their $refs are
// "#/definitions/<name>"), and the kinds a manifest may have.
struct Source {
  std::map<std::string, Json> definitions;
  KindMap kinds;
};

struct Options {
  bool strict = true;  // additionalProperties: false on objects with properties
};

// read_input.cc: a file's bytes, gunzipped when it is gzip (zlib reads plain files as they are).
std::string ReadMaybeGzip(const std::string& path);

// yaml_to_json.cc: every document of a YAML stream, scalars typed by the YAML 1.2 core schema.
std::vector<Json> YamlDocumentsToJson(const std::string& text);

// translate.cc: one OpenAPI (v2 definition or v3 CRD) schema -> draft-07 JSON Schema.
class Translator {
 public:
  explicit Translator(Options options) : options_(options) {}
  Json Schema(const Json& in);
  // Keywords met that the generator neither keeps nor knowingly drops.
  const std::set<std::string>& unknown_keywords() const { return unknown_; }

 private:
  void Keyword(const std::string& key, const Json& value, Json* out);
  Json SchemaMap(const Json& in);
  Json SchemaList(const Json& in);
  Options options_;
  std::set<std::string> unknown_;
};

// k8s_types.cc: the Kubernetes-specific rules applied to a translated node (`in` is the source).
extern const char kQuantityPattern[];
Json QuantitySchema();
void ApplyIntOrString(const Json& in, Json* out);
void ApplyEmbeddedResource(const Json& in, Json* out);
void ApplyStrict(const Json& in, const Options& options, Json* out);
void ApplyNullable(const Json& in, Json* out);
void EnsureObjectFields(Json* out);  // apiVersion, kind and metadata, as every object has

// swagger.cc: all definitions of a Kubernetes OpenAPI v2 spec and the kinds users write.
Source FromSwagger(const Json& swagger, Translator* translator);
bool IsSelectedKind(const std::string& definition, const std::string& kind);
std::string ApiVersion(const std::string& group, const std::string& version);

// crd.cc: the served versions of a CustomResourceDefinition, added to `out`.
void AddCrd(const Json& crd, Translator* translator, Source* out);

// bundle.cc: the content-addressed store of bodies and the tables that name them.
std::string ContentId(const Json& body);
std::set<std::string> RefsOf(const Json& body);
Json KindEntry(const std::string& api_version, const std::string& kind,
               const std::string& definition);

class Store {
 public:
  std::string Add(const Json& body);  // -> its id; the same body always gets the same id
  const std::map<std::string, Json>& bodies() const { return bodies_; }

 private:
  std::map<std::string, Json> bodies_;
};

// {"definitions": {name: id}, "kinds": {apiVersion: {kind: id}}} holding the definitions
// reachable from the kinds, each body added to `store`.
Json MakeTable(const Source& source, Store* store);

// assemble.cc: one standalone draft-07 schema for a kind of a table, with the definitions it
// reaches; `loose` drops the additionalProperties: false the generator added.
Json Assemble(const Json& store, const Json& table, const std::string& api_version,
              const std::string& kind, bool loose);
void StripClosed(Json* node);

// sizes.cc: what the bundle would weigh without sharing, for the README's numbers.
struct Sizes {
  size_t shared = 0;     // the files as written
  size_t per_table = 0;  // one self-contained bundle per table, nothing shared
  size_t per_kind = 0;   // one standalone schema per kind, as Assemble prints them
};
Sizes MeasureSizes(const Json& store, const std::map<std::string, Json>& tables, size_t shared);

// inputs.cc: <data>/kubernetes-openapi/<label>.swagger.json[.gz] in version order, and
// <data>/crds/*.yaml[.gz] (or .yml) in name order.
struct Inputs {
  std::vector<std::pair<std::string, std::string>> swaggers;  // label ("v1.28"), path
  std::vector<std::string> crds;
};
Inputs FindInputs(const std::string& data_dir);
bool VersionLess(const std::string& a, const std::string& b);  // v1.9 < v1.10

// generate.cc: reads the inputs and writes the bundle into out_dir; prints sizes to stdout.
void Generate(const std::string& data_dir, const std::string& out_dir, const Options& options);

}  // namespace ksg

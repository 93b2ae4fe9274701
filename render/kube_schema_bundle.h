// KubeSchemaBundle: the generated Kubernetes schema bundle (format 1, schemas/README.md) read
// back: a store of bodies by content id, and tables naming them. Assembles one kind's
// standalone draft-07 schema the way `kube-schema-gen assemble` does (schemas/gen/assemble.cc).
// In: the texts of the store (definitions.json) and of a table (v1.NN.json or crds.json).
// Out: schema documents. Never compiles or validates them (kube_schema.h does); not thread-safe.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace lr {

// The members of a JSON object's text, by key, each value still unparsed; sorted by key.
// Keys are taken as written (the bundle's ids and definition names are never escaped).
using JsonMembers = std::vector<std::pair<std::string_view, std::string_view>>;

// The members of the top-level object of `text` (one pass, nothing parsed); empty when
// `text` is not such an object.
JsonMembers IndexMembers(std::string_view text);

// Member indexes made at build time (embed-docs), so that the binary never scans the 500 KB
// store: for a .json file, the members of its top-level object, then those of its
// "definitions" member when it has one (a table), as offsets into the text.
std::string WriteMemberIndex(std::string_view text);
// The members of section 0 (top level) or 1 ("definitions") of an index of `text`; nullopt
// when the index does not fit the text.
std::optional<JsonMembers> ReadMemberIndex(std::string_view text, std::string_view index,
                                           size_t section);

// definitions.json: {id: body}. Construction only indexes where each body is (one pass over
// the text, nothing parsed), or takes a member index; a body is parsed when first asked for.
class SchemaStore {
 public:
  // `text` must outlive the store (it is embedded data). A malformed text gives an empty store.
  explicit SchemaStore(std::string_view text);
  explicit SchemaStore(JsonMembers bodies) : bodies_(std::move(bodies)) {}

  // The body with `id`, or nullptr when the store has none.
  const nlohmann::json* Body(std::string_view id);
  size_t size() const { return bodies_.size(); }
  size_t parsed() const { return parsed_.size(); }

 private:
  JsonMembers bodies_;
  std::map<std::string, nlohmann::json, std::less<>> parsed_;
};

// v1.NN.json or crds.json: {"definitions": {name: id}, "kinds": {apiVersion: {kind: id}}}.
// The kinds are parsed (they are few); the definitions only indexed.
class SchemaTable {
 public:
  explicit SchemaTable(std::string_view text);  // `text` must outlive the table
  // With the members of its "definitions" object already indexed.
  SchemaTable(std::string_view text, JsonMembers definitions);

  // The store id of a definition or of a kind's entry; "" when there is none.
  std::string_view DefinitionId(std::string_view name) const;
  std::string KindId(const std::string& api_version, const std::string& kind) const;
  // The apiVersions that have `kind`, sorted.
  std::vector<std::string> ApiVersionsOf(const std::string& kind) const;

 private:
  JsonMembers definitions_;
  nlohmann::json kinds_;
};

// The kind's entry with "$schema" and every definition it reaches (through
// "#/definitions/<name>" refs); `loose` drops each `additionalProperties: false` (the marker
// the generator writes only to close objects). nullopt when the table has no such kind, or a
// name or id it needs is missing.
std::optional<nlohmann::json> AssembleKind(SchemaStore& store, const SchemaTable& table,
                                           const std::string& api_version, const std::string& kind,
                                           bool loose);

// The same schema cut down to what `object` reaches (kube_schema_prune.cc): the subschema of
// every absent property, of every absent map value or list item, is {}; definitions nothing
// present reaches are left out (never parsed). It accepts and refuses `object` exactly as the
// full schema does, with the same messages, but only that object: for a handful of objects
// it compiles several times faster than the whole kind. Subschemas whose meaning pruning
// would change (not, if/then/else, dependencies, ...) are kept whole.
std::optional<nlohmann::json> AssembleForObject(SchemaStore& store, const SchemaTable& table,
                                                const std::string& api_version,
                                                const std::string& kind, bool loose,
                                                const nlohmann::json& object);

// Internal to the bundle files: the definition names a body refers to
// ("#/definitions/<name>"), and the loose variant of a schema.
void CollectRefs(const nlohmann::json& node, std::set<std::string>* out);
void StripClosed(nlohmann::json* node);

}  // namespace lr

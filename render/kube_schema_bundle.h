// KubeSchemaBundle: the generated Kubernetes schema bundle (format 1, schemas/README.md) read
// back: a store of bodies by content id, and tables naming them. Assembles one kind's
// standalone draft-07 schema the way `kube-schema-gen assemble` does (schemas/gen/assemble.cc).
// In: the frozen images (or texts) of the store (definitions.json) and of a table (v1.NN.json
// or crds.json).
// Out: schema documents. Never compiles or validates them (kube_schema.h does); not thread-safe.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/frozen_json.h"

namespace lr {

// definitions.json: {id: body}, read in its frozen image (frozen_json.h): a body is found by
// binary search; thawed into a tree only when first asked for as one (to assemble a schema for
// valijson; schema_eval.h reads the frozen bodies themselves).
class SchemaStore {
 public:
  // `image` (an embedded FreezeJson image) must outlive the store.
  explicit SchemaStore(FrozenJson image) : bodies_(image.is_object() ? image : FrozenJson()) {}
  // From JSON text (tests, the generator's fixtures); not an object: an empty store.
  explicit SchemaStore(std::string_view text);

  // The body with `id`, absent (or nullptr) when the store has none.
  FrozenJson Frozen(std::string_view id) const { return bodies_.find(id); }
  const nlohmann::json* Body(std::string_view id);
  size_t size() const { return bodies_.present() ? bodies_.size() : 0; }
  size_t parsed() const { return parsed_.size(); }

 private:
  std::shared_ptr<const std::string> owned_;
  FrozenJson bodies_;
  std::map<std::string, nlohmann::json, std::less<>> parsed_;
};

// v1.NN.json or crds.json: {"definitions": {name: id}, "kinds": {apiVersion: {kind: id}}},
// read in its frozen image.
class SchemaTable {
 public:
  // `image` (an embedded FreezeJson image) must outlive the table.
  explicit SchemaTable(FrozenJson image) : table_(image) {}
  // From JSON text (tests); not an object: an empty table.
  explicit SchemaTable(std::string_view text);

  // The store id of a definition or of a kind's entry; "" when there is none.
  std::string_view DefinitionId(std::string_view name) const;
  std::string_view KindId(std::string_view api_version, std::string_view kind) const;
  // The apiVersions that have `kind`, sorted.
  std::vector<std::string> ApiVersionsOf(std::string_view kind) const;

 private:
  std::shared_ptr<const std::string> owned_;
  FrozenJson table_;
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

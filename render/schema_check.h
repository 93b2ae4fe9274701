// SchemaCheck: a JSON document against one of the bundled JSON Schemas (draft-07, valijson),
// with messages a person can act on. valijson decides validity and finds the failing nodes;
// the message for each node is written from the failing keyword of its own subschema
// ("must be one of "docker", "kaniko", "noop", got string "buildah""). A schema may give a
// keyword-independent message with "x-launch-render-message".
// In: a schema path (an embedded file) and a plain JSON instance. Out: violations, each with
// the JSON pointer of the offending node (for `required`: of the missing key; for
// `additionalProperties`: of the unknown key), in document order, at most one per node.
// Subschemas met through `$ref`, `allOf` (and the `anyOf`/`oneOf` members that admit the
// node's type) all speak for a node: the first one that explains the failure is used.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/schema_eval.h"

namespace valijson {
class Schema;
}

namespace lr {

struct SchemaViolation {
  std::string pointer;   // the offending (or missing) node
  std::string message;   // without the path: "must be a string, got integer 83"
  bool missing = false;  // a required key that is absent: locate at its parent mapping
  bool unknown = false;  // a key that additionalProperties: false refuses
};

// valijson's own report of one failure: the context ("<root>", "[\"key\"]", "[0]"...) and
// its description.
struct SchemaError {
  std::vector<std::string> context;
  std::string description;
};

// A draft-07 schema document, decided by schema_eval.h where it can and compiled for valijson
// on first need (a failure to explain, or a keyword schema_eval leaves unsure): most
// instances are valid, and compiling costs more than deciding them. Immutable once built:
// Valid and Check may run on many threads at once (the compile happens once; each thread
// keeps its own valijson::Validator).
class CompiledSchema {
 public:
  explicit CompiledSchema(nlohmann::json doc);
  // An embedded image (frozen_json.h), read in place; the tree is thawed on first need.
  explicit CompiledSchema(FrozenJson image);
  ~CompiledSchema();
  CompiledSchema(const CompiledSchema&) = delete;
  CompiledSchema& operator=(const CompiledSchema&) = delete;

  const nlohmann::json& doc() const;
  FrozenJson frozen() const { return frozen_; }
  // Fast: stops at the first failure, writes no messages.
  bool Valid(const nlohmann::json& instance) const;
  // Every violation, with messages (empty when valid).
  std::vector<SchemaViolation> Check(const nlohmann::json& instance) const;
  // valijson's errors as it words them (empty when valid), for callers with their own wording.
  std::vector<SchemaError> Errors(const nlohmann::json& instance) const;
  // True when schema_eval.h decides the ordered tree, read as `reading` says, valid; false
  // when it is invalid or undecided: the caller then asks the methods above about its plain,
  // read copy (most instances are valid, and are never copied).
  bool DecidedValid(const nlohmann::ordered_json& instance, EvalOptions reading) const;

 private:
  Verdict Decide(const nlohmann::json& instance) const;
  const valijson::Schema& Compiled() const;

  std::string image_;  // when built from a tree
  FrozenJson frozen_;
  mutable std::once_flag thaw_once_, compile_once_;
  mutable nlohmann::json doc_;
  mutable std::unique_ptr<valijson::Schema> schema_;
};

std::vector<SchemaViolation> CheckAgainstSchema(std::string_view schema_path,
                                                const nlohmann::json& instance);

// The schemas `launch-render schema NAME` prints: name and embedded path, sorted by name.
struct BundledSchema {
  std::string_view name, path;
};
const std::vector<BundledSchema>& BundledSchemas();

// The parsed schema document (cached).
const nlohmann::json& SchemaDocument(std::string_view schema_path);
// The bundled schema at `schema_path` (cached).
const CompiledSchema& BundledSchemaAt(std::string_view schema_path);

}  // namespace lr

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
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

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

// A draft-07 schema document compiled once for valijson. Immutable once built: Valid and
// Check may run on many threads at once (each thread keeps its own valijson::Validator).
class CompiledSchema {
 public:
  explicit CompiledSchema(nlohmann::json doc);
  ~CompiledSchema();
  CompiledSchema(const CompiledSchema&) = delete;
  CompiledSchema& operator=(const CompiledSchema&) = delete;

  const nlohmann::json& doc() const { return doc_; }
  // Fast: stops at the first failure, writes no messages.
  bool Valid(const nlohmann::json& instance) const;
  // Every violation, with messages (empty when valid).
  std::vector<SchemaViolation> Check(const nlohmann::json& instance) const;

 private:
  nlohmann::json doc_;
  std::unique_ptr<valijson::Schema> schema_;
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

}  // namespace lr

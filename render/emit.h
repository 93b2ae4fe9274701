// Emit: objects -> the bytes printed on stdout or written to a file.
// In: Objects in their final order. Out: one string (all or nothing; nothing is printed here).
// YAML: one document per object, each starting with "---\n" ("" for no objects); every string
// stays a string for every YAML reader (go-yaml v2, PyYAML, YAML 1.2); multi-line strings
// become literal block scalars; floats always carry a '.' ("1.0e+06", "3.0") so YAML 1.1
// reads them as floats too; non-finite floats are .inf / -.inf / .nan.
// JSON: a single object is printed as itself; none or several as `kubectl get -o json`
// prints a list: {"apiVersion": "v1", "items": [...], "kind": "List",
// "metadata": {"resourceVersion": ""}}. NaN and infinities print as null.
// Both: invalid UTF-8 bytes in strings become U+FFFD.
#pragma once

#include <memory>
#include <string>

#include "render/kube_object.h"

namespace lr {

enum class OutputFormat { kYaml, kJson };

class Emitter {
 public:
  virtual ~Emitter() = default;
  virtual void Add(const KubeObject& object) = 0;
  virtual std::string Finish() = 0;  // call once, after the last Add
};

std::unique_ptr<Emitter> MakeEmitter(OutputFormat format);
// Every object through one emitter: the whole output text.
std::string EmitObjects(const Objects& objects, OutputFormat format);
// The two implementations behind MakeEmitter (emit_yaml.cc, emit_json.cc).
std::unique_ptr<Emitter> MakeYamlEmitter();
std::unique_ptr<Emitter> MakeJsonEmitter();

// Block-style YAML of one value, no document marker, ending with a newline
// (a scalar or empty collection is written on one line: "{}\n").
std::string EmitYamlValue(const Json& value);

// Pretty JSON with 4-space indentation, keys in the order of the tree, ending with a newline.
std::string EmitJsonValue(const Json& value);

}  // namespace lr

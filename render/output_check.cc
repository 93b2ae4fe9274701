#include "render/output_check.h"

#include "render/manifest_check.h"

namespace lr {
namespace {

// What the user wrote, and how to find a violation's node in it.
enum class Blame { kNobody, kSamePointer, kCopiedValues };

std::string Note(const std::string& version) {
  return " (Kubernetes " + version +
         "; launch-render rendered an object the API server would refuse: please report this "
         "bug)";
}

bool Reported(const Diagnostics& diags, const SourcePos& pos) {
  for (const Diagnostic& d : diags.all()) {
    if (d.pos.file == pos.file && d.pos.line == pos.line && d.pos.col == pos.col) return true;
  }
  return false;
}

const Json* At(const Json& root, const std::string& pointer) {
  Json::json_pointer p(pointer);
  return root.contains(p) ? &root.at(p) : nullptr;
}

std::string LastToken(const std::string& pointer) {
  std::string token = pointer.substr(pointer.rfind('/') + 1);
  for (size_t i = token.find('~'); i != std::string::npos; i = token.find('~', i + 1)) {
    token.replace(i, 2, token[i + 1] == '1' ? "/" : "~");
  }
  return token;
}

// A node of `values` that a user file or flag set and that equals `node`: an equal mapping or
// list (not empty), or an equal scalar under the same key. "" when there is none.
std::string UserNode(const Document& values, const Json& node, const std::string& key) {
  for (const auto& [pointer, pos] : values.positions) {
    if (!pos.user || pointer.empty()) continue;
    const Json* v = At(values.root, pointer);
    if (!v || *v != node) continue;
    if (node.is_structured() ? !node.empty() : LastToken(pointer) == key) return pointer;
  }
  return "";
}

// The values pointer the object's node at `pointer` was copied from, or "".
std::string CopiedFrom(const Document& values, const Json& object, const std::string& pointer) {
  for (std::string a = pointer;; a = PointerParent(a)) {
    const Json* node = At(object, a);
    if (node && (node->is_structured() || a == pointer)) {
      std::string found = UserNode(values, *node, LastToken(a));
      if (!found.empty()) return found + pointer.substr(a.size());
    }
    if (a.empty()) return "";
  }
}

struct Input {
  const Document* doc = nullptr;
  Blame blame = Blame::kNobody;
};

// The pointer of the violation's node in what the user wrote, or "" (launch-render's own).
std::string Origin(const Input& in, const KubeObject& o, const ManifestViolation& v) {
  switch (in.blame) {
    case Blame::kSamePointer:
      return in.doc->Find(v.pointer) ? v.pointer : "";
    case Blame::kCopiedValues:
      return CopiedFrom(*in.doc, o.body, v.pointer);
    case Blame::kNobody:
      break;
  }
  return "";
}

void Report(const Input& in, const KubeObject& o, const std::string& version,
            const ManifestViolation& v, Diagnostics* diags) {
  std::string where = ObjectLabel(o.body) + ": " + v.pointer;
  std::string origin = Origin(in, o, v);
  if (origin.empty()) {
    diags->Error({o.source, 0, 0}, where, v.message + Note(version), kInternalSchemaRule);
    return;
  }
  SourcePos pos = in.doc->Locate(origin);
  if (in.blame == Blame::kCopiedValues) {
    diags->Error(pos, PointerToPath(origin, in.doc->root), v.message + " (" + where + ")", v.rule);
  } else if (!v.unknown) {
    diags->Error(pos, where, v.message, v.rule);
  } else if (!Reported(*diags, pos)) {
    diags->Warning(pos, where, v.message + ": the API server drops it from the agent's request",
                   v.rule);
  }
}

void CheckAll(const Objects& objects, const Input& in, const std::string& version,
              Diagnostics* diags) {
  const std::string& v = version.empty() ? NewestKubeVersion() : version;
  for (const KubeObject& o : objects) {
    ManifestCheck check =
        CheckManifest(o.body, v, SchemaVariant::kStrict, SchemaScope::kThisObject);
    if (!check.has_schema) {
      diags->Error({o.source, 0, 0}, ObjectLabel(o.body), "has no bundled schema" + Note(v),
                   kInternalSchemaRule);
    }
    for (const ManifestViolation& x : check.violations) Report(in, o, v, x, diags);
  }
}

}  // namespace

void ValidateEmitted(const Objects& objects, const std::string& version, Diagnostics* diags) {
  CheckAll(objects, Input{}, version, diags);
}

void ValidateRendered(const Objects& objects, const Document& values, const std::string& version,
                      Diagnostics* diags) {
  CheckAll(objects, Input{&values, Blame::kCopiedValues}, version, diags);
}

void ValidateSubmitted(const Objects& objects, const Document& queue_config,
                       const std::string& version, Diagnostics* diags) {
  CheckAll(objects, Input{&queue_config, Blame::kSamePointer}, version, diags);
}

bool HasInternalErrors(const Diagnostics& diags) {
  for (const Diagnostic& d : diags.all()) {
    if (d.severity == Severity::kError && d.rule == kInternalSchemaRule) return true;
  }
  return false;
}

}  // namespace lr

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
    const Json* v = JsonAt(values.root, pointer);
    if (!v || *v != node) continue;
    if (node.is_structured() ? !node.empty() : LastToken(pointer) == key) return pointer;
  }
  return "";
}

// The values pointer the object's node at `pointer` was copied from, or "".
std::string CopiedFrom(const Document& values, const Json& object, const std::string& pointer) {
  for (std::string a = pointer;; a = PointerParent(a)) {
    const Json* node = JsonAt(object, a);
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
      // A member missing from an object the user wrote into the submitted body (an init
      // container without name) is theirs too: located at that object.
      if (in.doc->Find(v.pointer)) return v.pointer;
      if (o.source != "queue-config" || v.pointer.empty()) return "";
      return in.doc->Find(PointerParent(v.pointer)) ? PointerParent(v.pointer) : "";
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

// Kubernetes' own API groups: the core group, the groups without a dot (apps, batch, policy,
// autoscaling) and *.k8s.io (rbac.authorization.k8s.io, ...; not x-k8s.io, which are CRDs).
bool BuiltInGroup(const std::string& api_version) {
  size_t slash = api_version.find('/');
  if (slash == std::string::npos) return true;  // "v1"
  std::string group = api_version.substr(0, slash);
  auto ends_with = [&](const std::string& tail) {
    return group.size() >= tail.size() &&
           group.compare(group.size() - tail.size(), tail.size(), tail) == 0;
  };
  return group.find('.') == std::string::npos || ends_with(".k8s.io");
}

// An object whose kind has no bundled schema. A queue config's own kind (any custom resource
// the agent may submit: RayJob, a Kueue workload...) is the user's choice: not checked, a
// warning at their line; without an apiVersion the API server refuses it: an error there.
// Anything else is ours.
void ReportNoSchema(const Input& in, const KubeObject& o, const std::string& version,
                    Diagnostics* diags) {
  if (in.blame != Blame::kSamePointer || !in.doc->Find("/kind")) {
    diags->Error({o.source, 0, 0}, ObjectLabel(o.body), "has no bundled schema" + Note(version),
                 kInternalSchemaRule);
    return;
  }
  auto api = o.body.find("apiVersion");
  if (api == o.body.end() || !api->is_string() || api->get<std::string>().empty()) {
    diags->Error(in.doc->Locate("/kind"), ObjectLabel(o.body),
                 "has no apiVersion: the API server refuses an object without one", "kube-object");
    return;
  }
  const std::string& api_version = api->get_ref<const std::string&>();
  std::string kind = o.body.value("kind", std::string());
  SourcePos at = in.doc->Locate(in.doc->Find("/apiVersion") ? "/apiVersion" : "/kind");
  if (BuiltInGroup(api_version)) {
    diags->Error(at, ObjectLabel(o.body),
                 "Kubernetes " + version + " has no kind " + kind + " in " + api_version +
                     ": the API server refuses it",
                 "kube-no-schema");
    return;
  }
  diags->Warning(at, ObjectLabel(o.body),
                 "not checked: no bundled schema for " + api_version + " " + kind +
                     " in Kubernetes " + version + " or the bundled CRDs",
                 "kube-no-schema");
}

void CheckAll(const Objects& objects, const Input& in, const std::string& version,
              Diagnostics* diags) {
  const std::string& v = version.empty() ? NewestKubeVersion() : version;
  for (const KubeObject& o : objects) {
    ManifestCheck check =
        CheckManifest(o.body, v, SchemaVariant::kStrict, SchemaScope::kThisObject);
    if (!check.has_schema) ReportNoSchema(in, o, v, diags);
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

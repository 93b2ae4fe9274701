#include "render/output_check.h"

#include "render/manifest_check.h"

namespace lr {
namespace {

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

// A violation at a node the queue config wrote: the user's (see the header).
void UserViolation(const Document& source, const std::string& path, const ManifestViolation& v,
                   Diagnostics* diags) {
  SourcePos pos = source.Locate(v.pointer);
  if (!v.unknown) {
    diags->Error(pos, path, v.message, v.rule);
  } else if (!Reported(*diags, pos)) {
    diags->Warning(pos, path, v.message + ": the API server drops it from the agent's request",
                   v.rule);
  }
}

// `source`: the queue config the objects were rendered from, or nullptr (all internal).
void CheckAll(const Objects& objects, const Document* source, const std::string& version,
              Diagnostics* diags) {
  const std::string& v = version.empty() ? NewestKubeVersion() : version;
  for (const KubeObject& o : objects) {
    SourcePos where{o.source, 0, 0};
    std::string label = ObjectLabel(o.body);
    ManifestCheck check =
        CheckManifest(o.body, v, SchemaVariant::kStrict, SchemaScope::kThisObject);
    if (!check.has_schema) {
      diags->Error(where, label, "has no bundled schema" + Note(v), kInternalSchemaRule);
      continue;
    }
    for (const ManifestViolation& x : check.violations) {
      std::string path = label + ": " + x.pointer;
      if (source && source->Find(x.pointer)) {
        UserViolation(*source, path, x, diags);
      } else {
        diags->Error(where, path, x.message + Note(v), kInternalSchemaRule);
      }
    }
  }
}

}  // namespace

void ValidateEmitted(const Objects& objects, const std::string& version, Diagnostics* diags) {
  CheckAll(objects, nullptr, version, diags);
}

void ValidateSubmitted(const Objects& objects, const Document& queue_config,
                       const std::string& version, Diagnostics* diags) {
  CheckAll(objects, &queue_config, version, diags);
}

bool HasInternalErrors(const Diagnostics& diags) {
  for (const Diagnostic& d : diags.all()) {
    if (d.severity == Severity::kError && d.rule == kInternalSchemaRule) return true;
  }
  return false;
}

}  // namespace lr

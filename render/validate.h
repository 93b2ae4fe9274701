// Validate: `launch-render validate FILES...`: each file recognized and checked as what it is.
//   values file     the whole render pipeline (values rules, embedded launchConfig, schema)
//   launch config   a standalone launch-config.yaml, read with PyYAML rules
//   manifest        every object against the bundled Kubernetes schemas (validate_manifest.h)
//   queue config    recognized and reported as not validated by this build (warning)
// In: expanded paths (see ExpandPaths) and a FileSource. Out: one report per file, in input
// order. Files never depend on each other: each report holds only its own diagnostics, so
// they are validated on several threads at once and the output stays deterministic.
#pragma once

#include <string>
#include <vector>

#include "render/diagnostics.h"
#include "render/file_source.h"
#include "render/validate_manifest.h"

namespace lr {

enum class FileKind { kAuto, kValues, kLaunchConfig, kQueueConfig, kManifest };

const char* FileKindName(FileKind kind);

struct ValidateRequest {
  std::vector<std::string> paths;   // files or "-"; directories already expanded
  FileKind kind = FileKind::kAuto;  // --kind: skip detection
  std::string release = "release-name";
  bool strict = false;       // warnings are errors; manifests: closed schemas (unknown fields)
  std::string kube_version;  // --kubernetes-version, bundled ("v1.36"); "" is the newest
  bool ignore_missing_schemas = false;    // manifests: a kind without schema is skipped
  std::vector<std::string> skip, reject;  // manifests: kinds (or apiVersion/Kind)
  int threads = 0;                        // files validated at once; 0: one per core
};

struct FileReport {
  std::string file;  // display name
  FileKind kind = FileKind::kAuto;
  bool skipped = false;  // recognized but not validated (manifests: every resource skipped)
  Diagnostics diags;
  ResourceCounts resources;  // manifests only
  bool valid() const { return !diags.HasErrors(); }
};

std::vector<FileReport> ValidateFiles(const ValidateRequest& request, FileSource& files);

// Directories walked recursively (*.yaml, *.yml, *.json; hidden entries skipped), sorted;
// files and "-" kept as given. A path that does not exist is kept (its read error is
// reported per file).
std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths);

}  // namespace lr

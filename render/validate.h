// Validate: `launch-render validate FILES...`: each file recognized and checked as what it is.
//   values file     the whole render pipeline (values rules, embedded launchConfig, schema)
//   launch config   a standalone launch-config.yaml, read with PyYAML rules
//   manifest / queue config: recognized and reported as not validated by this build (warning)
// In: expanded paths (see ExpandPaths) and a FileSource. Out: one report per file, in order.
// Files never depend on each other: each report holds only its own diagnostics.
#pragma once

#include <string>
#include <vector>

#include "render/diagnostics.h"
#include "render/file_source.h"

namespace lr {

enum class FileKind { kAuto, kValues, kLaunchConfig, kQueueConfig, kManifest };

const char* FileKindName(FileKind kind);

struct ValidateRequest {
  std::vector<std::string> paths;   // files or "-"; directories already expanded
  FileKind kind = FileKind::kAuto;  // --kind: skip detection
  std::string release = "release-name";
  bool strict = false;
};

struct FileReport {
  std::string file;  // display name
  FileKind kind = FileKind::kAuto;
  bool skipped = false;  // recognized but not validated
  Diagnostics diags;
  bool valid() const { return !diags.HasErrors(); }
};

std::vector<FileReport> ValidateFiles(const ValidateRequest& request, FileSource& files);

// Directories walked recursively (*.yaml, *.yml, *.json; hidden entries skipped), sorted;
// files and "-" kept as given. A path that does not exist is kept (its read error is
// reported per file).
std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths);

}  // namespace lr

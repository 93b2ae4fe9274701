#include "render/validate.h"

#include <algorithm>
#include <filesystem>

#include "render/launch_config.h"
#include "render/launch_config_check.h"
#include "render/load.h"
#include "render/pipeline.h"
#include "render/validate_kind.h"

namespace lr {
namespace {

namespace fs = std::filesystem;

bool Validatable(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

bool Hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.';
}

void Walk(const fs::path& dir, std::vector<std::string>* out) {
  std::vector<std::string> found;
  std::error_code ec;
  auto it = fs::recursive_directory_iterator(dir, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (Hidden(it->path())) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && Validatable(it->path())) found.push_back(it->path().string());
  }
  std::sort(found.begin(), found.end());
  out->insert(out->end(), found.begin(), found.end());
}

FileKind Detect(const std::string& name, const std::string& text) {
  Diagnostics ignored;
  auto docs = LoadStream(name, text, LoadOptions{}, &ignored);
  if (!docs) return DetectKind(name, Json::object(), 1);
  size_t n = std::count_if(docs->begin(), docs->end(),
                           [](const Document& d) { return !d.root.is_null(); });
  return DetectKind(name, docs->empty() ? Json(nullptr) : (*docs)[0].root, n);
}

void ValidateValues(const ValidateRequest& request, const std::string& path,
                    const std::string& text, FileReport* report) {
  InMemoryFileSource one;
  one.Add(path, text);
  RenderRequest render;
  render.values_files = {path};
  render.release = request.release;
  render.strict = request.strict;
  report->diags = RenderBundle(render, one).diags;
}

void ValidateLaunchConfig(const std::string& text, FileReport* report) {
  LaunchConfigSource source{text, LineMap::Identity(report->file), ""};
  std::optional<LaunchConfig> config = LoadLaunchConfig(source, &report->diags);
  if (config) CheckLaunchConfig(*config, LaunchConfigContext{}, &report->diags);
}

void Skip(FileReport* report, const std::string& what) {
  report->skipped = true;
  report->diags.Warning(
      SourcePos{report->file, 0, 0}, "",
      "not validated: this build of launch-render cannot validate " + what + " yet",
      "validate-skip");
}

FileReport ValidateOne(const ValidateRequest& request, const std::string& path, FileSource& files) {
  FileReport report;
  report.file = DisplayName(path);
  std::string text, error;
  if (!files.Read(path, &text, &error)) {
    report.diags.Error(SourcePos{report.file, 0, 0}, "", "cannot read file: " + error, "io");
    return report;
  }
  report.kind = request.kind == FileKind::kAuto ? Detect(report.file, text) : request.kind;
  switch (report.kind) {
    case FileKind::kValues:
      ValidateValues(request, path, text, &report);
      break;
    case FileKind::kLaunchConfig:
      ValidateLaunchConfig(text, &report);
      break;
    case FileKind::kManifest:
      Skip(&report, "Kubernetes manifests");
      break;
    case FileKind::kQueueConfig:
      Skip(&report, "queue configs");
      break;
    case FileKind::kAuto:
      report.diags.Error(SourcePos{report.file, 0, 0}, "",
                         "cannot tell what this file is (a values file, a launch-config.yaml, a "
                         "queue config or a manifest): name it with --kind",
                         "validate-kind");
      break;
  }
  if (request.strict) report.diags.PromoteWarnings();
  return report;
}

}  // namespace

const char* FileKindName(FileKind kind) {
  switch (kind) {
    case FileKind::kValues:
      return "values";
    case FileKind::kLaunchConfig:
      return "launch-config";
    case FileKind::kQueueConfig:
      return "queue-config";
    case FileKind::kManifest:
      return "manifest";
    case FileKind::kAuto:
      break;
  }
  return "unknown";
}

std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) {
      Walk(p, &out);
    } else {
      out.push_back(p);
    }
  }
  return out;
}

std::vector<FileReport> ValidateFiles(const ValidateRequest& request, FileSource& files) {
  std::vector<FileReport> reports;
  for (const std::string& path : request.paths)
    reports.push_back(ValidateOne(request, path, files));
  return reports;
}

}  // namespace lr

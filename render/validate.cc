#include "render/validate.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <locale>
#include <mutex>
#include <thread>

#include "render/launch_config.h"
#include "render/launch_config_check.h"
#include "render/load.h"
#include "render/pipeline.h"
#include "render/validate_kind.h"
#include "render/workload.h"

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

using Docs = std::optional<std::vector<Document>>;

// The first document that is not empty decides; several make a manifest.
FileKind Detect(const std::string& name, const Docs& docs) {
  if (!docs) return DetectKind(name, Json::object(), 1);
  const Json* first = nullptr;
  size_t n = 0;
  for (const Document& d : *docs) {
    if (d.root.is_null()) continue;
    if (!first) first = &d.root;
    ++n;
  }
  return DetectKind(name, first ? *first : Json(nullptr), n);
}

void ValidateValues(const ValidateRequest& request, const std::string& path,
                    const std::string& text, FileReport* report) {
  InMemoryFileSource one;
  one.Add(path, text);
  RenderRequest render;
  render.values_files = {path};
  render.release = request.release;
  render.strict = request.strict;
  render.kube_version = request.kube_version;
  report->diags = RenderBundle(render, one).diags;
}

void ValidateManifestFile(const ValidateRequest& request, const Docs& docs, Diagnostics load,
                          FileReport* report) {
  report->diags = std::move(load);
  if (!docs) {
    report->resources.errors = 1;  // the file, as one resource that could not be read
    return;
  }
  ManifestSettings settings;
  settings.kube_version = request.kube_version;
  settings.variant = request.strict ? SchemaVariant::kStrict : SchemaVariant::kLoose;
  settings.ignore_missing_schemas = request.ignore_missing_schemas;
  settings.skip = request.skip;
  settings.reject = request.reject;
  report->resources = ValidateManifests(*docs, settings, &report->diags);
  const ResourceCounts& r = report->resources;
  report->skipped = r.total() > 0 && r.skipped == r.total();
}

void ValidateLaunchConfig(const std::string& text, FileReport* report) {
  LaunchConfigSource source{text, LineMap::Identity(report->file), ""};
  std::optional<LaunchConfig> config = LoadLaunchConfig(source, &report->diags);
  if (config) CheckLaunchConfig(*config, LaunchConfigContext{}, &report->diags);
}

// A queue config gets exactly the checks of `launch-render job` on it (template variables at
// their defaults, the default run context), output schemas included.
void ValidateQueueConfig(const ValidateRequest& request, const std::string& path,
                         const std::string& text, FileReport* report) {
  InMemoryFileSource one;
  one.Add(path, text);
  JobRequest job;
  job.queue_config = path;
  job.strict = request.strict;
  job.kube_version = request.kube_version;
  report->diags = RenderJob(job, one).diags;
}

FileReport ValidateOne(const ValidateRequest& request, const std::string& path, FileSource& files) {
  FileReport report;
  report.file = DisplayName(path);
  std::string text, error;
  if (!files.Read(path, &text, &error)) {
    report.diags.Error(SourcePos{report.file, 0, 0}, "", "cannot read file: " + error, "io");
    return report;
  }
  Diagnostics load;
  Docs docs = LoadStream(report.file, text, LoadOptions{}, &load);
  report.kind = request.kind == FileKind::kAuto ? Detect(report.file, docs) : request.kind;
  switch (report.kind) {
    case FileKind::kValues:
      ValidateValues(request, path, text, &report);
      break;
    case FileKind::kLaunchConfig:
      ValidateLaunchConfig(text, &report);
      break;
    case FileKind::kManifest:
      ValidateManifestFile(request, docs, std::move(load), &report);
      break;
    case FileKind::kQueueConfig:
      ValidateQueueConfig(request, path, text, &report);
      break;
    case FileKind::kAuto:
      if (!docs) report.diags = std::move(load);  // why it cannot be read, too
      report.diags.Error(SourcePos{report.file, 0, 0}, "",
                         "cannot tell what this file is (a values file, a launch-config.yaml, a "
                         "queue config or a manifest): name it with --kind",
                         "validate-kind");
      break;
  }
  if (request.strict) report.diags.PromoteWarnings();
  return report;
}

// libstdc++ fills the narrow() cache of std::ctype<char> lazily, a data race (benign, but a
// race) when threads compile regular expressions at once; filling it before the pool starts
// keeps the threads from writing it.
void FillNarrowCache() {
  char in[256], out[256];
  for (int i = 0; i < 256; ++i) in[i] = static_cast<char>(i);
  std::use_facet<std::ctype<char>>(std::locale()).narrow(in, in + 256, '\0', out);
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
  std::vector<FileReport> reports(request.paths.size());
  size_t cores = std::max(1u, std::thread::hardware_concurrency());
  size_t n = request.threads > 0 ? static_cast<size_t>(request.threads) : cores;
  n = std::min(n, reports.size());
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::exception_ptr failure;  // an internal error on any thread is rethrown on this one
  auto work = [&] {
    try {
      for (size_t i = next++; i < reports.size(); i = next++) {
        reports[i] = ValidateOne(request, request.paths[i], files);
      }
    } catch (...) {
      std::lock_guard<std::mutex> lock(mu);
      if (!failure) failure = std::current_exception();
      next = reports.size();
    }
  };
  std::vector<std::thread> pool;
  if (n > 1) FillNarrowCache();
  for (size_t t = 1; t < n; ++t) pool.emplace_back(work);
  work();  // this thread is one of the n
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
  return reports;
}

}  // namespace lr

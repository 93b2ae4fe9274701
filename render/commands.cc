#include "render/commands.h"

#include <cstdio>

#include "render/embedded.h"
#include "render/output_dir.h"
#include "render/schema_check.h"
#include "render/validate.h"
#include "render/validate_report.h"

namespace lr {
namespace {

void PrintDiagnostics(const Diagnostics& diags) {
  for (const Diagnostic& d : diags.Sorted()) std::fprintf(stderr, "%s\n", FormatText(d).c_str());
}

bool WriteAll(std::FILE* f, const std::string& text) {
  return std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0;
}

int WriteDir(const Objects& objects, const std::string& dir, OutputFormat format) {
  std::string why = WriteOutputDir(objects, dir, format);
  if (why.empty()) return kExitOk;
  std::fprintf(stderr, "launch-render: error: --output-dir: %s\n", why.c_str());
  return kExitInvalid;
}

// A failed run: 3 when launch-render broke its own output (an [internal-schema] error), else 1.
int FailureCode(const Diagnostics& diags) {
  return HasInternalErrors(diags) ? kExitInternal : kExitInvalid;
}

int WriteStdout(const std::string& text, int code) {
  if (WriteAll(stdout, text)) return code;
  std::fprintf(stderr, "launch-render: error: cannot write to standard output\n");
  return kExitInternal;
}

}  // namespace

int RunRender(const Options& options) {
  DiskFileSource files;
  RenderResult result = RenderBundle(options.render, files);
  PrintDiagnostics(result.diags);
  if (!result.ok()) return FailureCode(result.diags);
  if (!options.render.output_dir.empty()) {
    return WriteDir(result.objects, options.render.output_dir, options.render.format);
  }
  return WriteStdout(result.output, kExitOk);
}

int RunJob(const Options& options) {
  DiskFileSource files;
  JobResult result = RenderJob(options.job, files);
  PrintDiagnostics(result.diags);
  if (!result.ok()) return FailureCode(result.diags);
  if (!options.job.output_dir.empty()) {
    return WriteDir(result.objects, options.job.output_dir, options.job.format);
  }
  return WriteStdout(result.output, kExitOk);
}

int RunBuild(const Options& options) {
  DiskFileSource files;
  BuildResult result = RenderBuild(options.build, files);
  PrintDiagnostics(result.diags);
  if (!result.ok()) return kExitInvalid;
  if (!options.build.output_dir.empty() && !options.build.dockerfile_only) {
    return WriteDir(result.objects, options.build.output_dir, options.build.format);
  }
  return WriteStdout(result.output, kExitOk);
}

int RunInitQueue(const Options& options) {
  return WriteStdout(std::string(EmbeddedText("templates/queues/" + options.starter + ".yaml")),
                     kExitOk);
}

int RunValidate(const Options& options) {
  ValidateRequest request = options.validate;
  request.paths = ExpandPaths(request.paths);
  if (request.paths.empty()) {
    std::fprintf(stderr, "launch-render: error: no *.yaml, *.yml or *.json files found\n");
    return kExitInvalid;
  }
  DiskFileSource files;
  std::vector<FileReport> reports = ValidateFiles(request, files);
  ReportText text = FormatReports(reports, options.report_format, options.summary);
  WriteAll(stderr, text.err);
  int code = Summarize(reports).invalid > 0 ? kExitInvalid : kExitOk;
  return WriteStdout(text.out, code);
}

int RunSchema(const Options& options) {
  std::string out;
  for (const BundledSchema& s : BundledSchemas()) {
    if (options.schema_list) {
      out += std::string(s.name) + "\n";
    } else if (s.name == options.schema_name) {
      out = std::string(EmbeddedText(s.path));
    }
  }
  if (out.empty()) {
    std::fprintf(stderr,
                 "launch-render: error: no bundled schema named \"%s\" (see schema --list)\n",
                 options.schema_name.c_str());
    return kExitUsage;
  }
  return WriteStdout(out, kExitOk);
}

}  // namespace lr

// launch-render: flags -> Options -> pipeline -> stdout/stderr -> exit code. Nothing else.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "render/options.h"
#include "render/pipeline.h"

namespace {

void PrintDiagnostics(const lr::Diagnostics& diags) {
  for (const lr::Diagnostic& d : diags.Sorted()) {
    std::fprintf(stderr, "%s\n", lr::FormatText(d).c_str());
  }
}

bool WriteAll(const std::string& text) {
  return std::fwrite(text.data(), 1, text.size(), stdout) == text.size() &&
         std::fflush(stdout) == 0;
}

int Run(const lr::Options& options) {
  lr::DiskFileSource files;
  lr::RenderResult result = lr::RenderBundle(options.render, files);
  PrintDiagnostics(result.diags);
  if (!result.ok()) return lr::kExitInvalid;
  if (!WriteAll(result.output)) {
    std::fprintf(stderr, "launch-render: error: cannot write to standard output\n");
    return lr::kExitInternal;
  }
  return lr::kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"launch-render"};
  lr::Options options;
  lr::DefineOptions(&app, &options);
  try {
    lr::ParseOptions(&app, &options, std::vector<std::string>(argv, argv + argc));
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? lr::kExitOk : lr::kExitUsage;
  }
  try {
    return Run(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "launch-render: internal error: %s\n", e.what());
    return lr::kExitInternal;
  }
}

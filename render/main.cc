// launch-render: flags -> Options -> the subcommand -> exit code. Nothing else.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "render/commands.h"
#include "render/options.h"

namespace {

int Dispatch(const lr::Options& options) {
  switch (options.command) {
    case lr::Options::Command::kValidate:
      return lr::RunValidate(options);
    case lr::Options::Command::kSchema:
      return lr::RunSchema(options);
    case lr::Options::Command::kJob:
      return lr::RunJob(options);
    case lr::Options::Command::kInitQueue:
      return lr::RunInitQueue(options);
    case lr::Options::Command::kBuild:
      return lr::RunBuild(options);
    case lr::Options::Command::kRender:
      break;
  }
  return lr::RunRender(options);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"launch-render"};
  lr::Options options;
  std::vector<std::string> args(argv, argv + argc);
  lr::DefineOptions(&app, &options, args);
  try {
    lr::ParseOptions(&app, &options, args);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? lr::kExitOk : lr::kExitUsage;
  }
  try {
    return Dispatch(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "launch-render: internal error: %s\n", e.what());
    return lr::kExitInternal;
  }
}

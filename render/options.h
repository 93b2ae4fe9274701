// Options: the command line, parsed by CLI11 into plain requests. Nothing here runs a stage.
// `launch-render [render] VALUES... [-f VALUES]... [--set K=V]... [--set-string K=V]...
//  [--release NAME] [-o yaml|json] [--strict]`; "render" is the default subcommand.
// `launch-render validate [FILES|DIRS|-]... [-o text|json|junit|sarif] [--summary] [--strict]
//  [--kind values|launch-config|manifest] [--release NAME] [--kubernetes-version X.Y]
//  [--ignore-missing-schemas] [--skip KINDS] [--reject KINDS] [-n THREADS]`
// `launch-render schema NAME | --list`
// `launch-render init-queue job|pytorchjob|volcano`
// `launch-render build (--values VALUES | --launch-config FILE) --context DIR --run-id ID
//  [--image-source STR] [--base-image IMAGE] [--dockerfile] [-o yaml|json] [--strict]`
// `launch-render job QUEUE_CONFIG [--set-var K=V]... [--run-context FILE] [--override FILE]
//  [--values VALUES] [--release NAME] [-o yaml|json] [--image-runs-as-root] [--strict]`
// Usage errors are CLI::ParseError exceptions, handled in main.cc only (exit code 2).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "render/kaniko_job.h"
#include "render/pipeline.h"
#include "render/validate.h"
#include "render/validate_report.h"
#include "render/workload.h"

namespace lr {

// The process exit status (documented in --help and README "Exit codes").
enum ExitCode : int {
  kExitOk = 0,        // rendered (warnings may have been printed)
  kExitInvalid = 1,   // the input produced diagnostics at error level
  kExitUsage = 2,     // bad command line
  kExitInternal = 3,  // a bug: please report it
};

struct Options {
  enum class Command { kRender, kValidate, kSchema, kJob, kInitQueue, kBuild };
  Command command = Command::kRender;
  RenderRequest render;
  std::vector<std::string> more_values;  // -f files, appended to render.values_files
  ValidateRequest validate;              // paths as typed (directories not yet expanded)
  ReportFormat report_format = ReportFormat::kText;
  bool summary = false;
  std::string schema_name;  // `schema NAME`
  bool schema_list = false;
  JobRequest job;
  std::string starter;  // `init-queue job|pytorchjob|volcano`
  BuildRequest build;
};

// Inserts the default subcommand: `launch-render values.yaml` means
// `launch-render render values.yaml`. args[0] is the program name.
std::vector<std::string> WithDefaultCommand(std::vector<std::string> args);

// Declares every subcommand and flag on `app`, bound to `options`. Given the command line
// (argv), only the flags of the subcommand it selects: the others keep their names and
// descriptions (for the top-level help) but not their flags, which a render would otherwise
// pay to set up on every run. Without it, or for top-level flags (--help), all of them.
void DefineOptions(CLI::App* app, Options* options, const std::vector<std::string>& args = {});

// Parses `args` (program name first) into `options`; throws CLI::ParseError.
// render needs at least one values file, validate at least one path, schema a name or --list.
void ParseOptions(CLI::App* app, Options* options, const std::vector<std::string>& args);

}  // namespace lr

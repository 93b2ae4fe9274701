// Commands: each subcommand run from its parsed options, printing to stdout and stderr and
// returning the process exit status (options.h ExitCode). Output is all or nothing: stdout is
// written once, after everything succeeded.
#pragma once

#include "render/options.h"

namespace lr {

int RunRender(const Options& options);
int RunValidate(const Options& options);
int RunSchema(const Options& options);
int RunJob(const Options& options);
int RunInitQueue(const Options& options);
int RunBuild(const Options& options);

}  // namespace lr

#include "render/options.h"

#include <algorithm>

namespace lr {
namespace {

constexpr const char* kFooter = R"(Examples:
  launch-render values.yaml | kubectl apply -f -
  launch-render values.yaml -f prod.yaml --set agent.apiKey=$WANDB_API_KEY
  launch-render values.yaml --release ml-agent -o json

Exit codes:
  0  rendered (warnings, if any, are on stderr)
  1  the input is invalid: every error is on stderr as FILE:LINE:COL: error: ...
  2  usage error
  3  internal error)";

bool IsSubcommand(const std::string& arg) { return arg == "render"; }

void DefineRender(CLI::App* app, Options* options) {
  CLI::App* render = app->add_subcommand(
      "render", "Render the launch agent bundle, as `helm template` of the launch-agent chart");
  render->callback([options] { options->command = Options::Command::kRender; });
  RenderRequest& r = options->render;
  render->add_option("VALUES", r.values_files, "values files (\"-\" reads standard input)");
  render
      ->add_option("-f,--values", options->more_values,
                   "more values files, applied after VALUES, in order")
      ->allow_extra_args(false);
  render->add_option("--set", r.set, "set values on the command line (helm syntax)")
      ->allow_extra_args(false);
  render->add_option("--set-string", r.set_string, "set STRING values on the command line")
      ->allow_extra_args(false);
  render->add_option("--release", r.release, "release name (as helm template NAME)")
      ->capture_default_str();
  render->add_option("-o,--output", r.format, "output format")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, OutputFormat>{{"yaml", OutputFormat::kYaml},
                                              {"json", OutputFormat::kJson}},
          CLI::ignore_case))
      ->default_str("yaml");
  render->add_flag("--strict", r.strict, "treat warnings as errors");
  render->footer(kFooter);
}

}  // namespace

std::vector<std::string> WithDefaultCommand(std::vector<std::string> args) {
  if (args.size() < 2) return args;
  const std::string& first = args[1];
  bool top_level_flag = first == "-h" || first == "--help" || first == "--version";
  if (!IsSubcommand(first) && !top_level_flag) args.insert(args.begin() + 1, "render");
  return args;
}

void DefineOptions(CLI::App* app, Options* options) {
  app->name("launch-render");
  app->description("Render and validate W&B Launch agent bundles for Kubernetes, offline.");
  app->set_version_flag("--version", std::string("launch-render ") + LR_VERSION);
  app->require_subcommand(1);
  app->footer(kFooter);
  DefineRender(app, options);
}

void ParseOptions(CLI::App* app, Options* options, const std::vector<std::string>& args) {
  std::vector<std::string> reversed = WithDefaultCommand(args);
  reversed.erase(reversed.begin());
  std::reverse(reversed.begin(), reversed.end());  // CLI11 takes them last-first
  app->parse(reversed);
  std::vector<std::string>& files = options->render.values_files;
  files.insert(files.end(), options->more_values.begin(), options->more_values.end());
  if (files.empty()) throw CLI::RequiredError("a values file (VALUES or -f FILE)");
}

}  // namespace lr
